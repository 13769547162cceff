//! The fast path of the live population count and of `population()`: the eligible calls'
//! `recording_facts` values held in memory as columns ([`ColumnStore`], 57 MiB at a million
//! calls), read from SQLite once and again after the data changes, with criteria evaluated
//! over them in Rust. `sampling::count` and `sampling::population` (so `plan_for` and
//! `draw_sample`) use it when a store valid for the connection is cached and fall back to the
//! SQL of `criteria::sql` otherwise; both give the same answer for every criteria and method
//! (the `sampling::columns` tests compare them), so which one answered shows only in the time.
//!
//! Why: SQLite visits an index entry in about 0.1 µs, so criteria that no date range or party
//! narrows (all million calls read from a covering index) took 100-215 ms; the same tests over
//! columns are tight loops at a few nanoseconds a call (2-10 ms). See `cache` for when a store
//! is read and when it is trusted, and `eval` for how each test matches the SQL.

mod bits;
mod cache;
mod eval;
mod store;

pub(crate) use cache::columns;
pub use cache::{cached, load_in_background, preload};
pub use store::ColumnStore;

pub use super::population::{count_sql, population_sql};
