//! Hark's integration tests: one binary, with modules mirroring `src/`.

// A failed expectation in a test should stop that test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod analysis;
mod audio;
mod bindings;
mod call;
mod cli;
mod common;
mod demo;
mod import;
mod library;
mod player;
mod sampling;
mod scorecard;
mod store;
mod waveform;
