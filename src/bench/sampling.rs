//! Sampling at scale: over a generated library (`hark::synthetic`, kept in the bench folder for
//! reruns) the live population count for criteria, `population()` plus the seeded draw of a
//! 1% stratified sample, and Library pages filtered and sorted. Medians of several runs after
//! one warm-up run; nothing asserts.
//!
//! Counts and `population()` are timed as the app gets them, from the column store
//! (`sampling::columns`, loaded once before the timings, its load timed too), and through SQL
//! alone (`count_sql`, `population_sql`) beside them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::BenchError;
use crate::library::{self, LibraryQuery, LibrarySort};
use crate::sampling::{self, Allocation, Criteria, Method, StratumField};
use crate::store::recordings::{self, Direction};
use crate::store::users::{Role, User};
use crate::store::{Db, StoreError};
use crate::{session, synthetic};

/// One timed operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    pub what: &'static str,
    /// The criteria or the Library query, as a reader would write them.
    pub detail: String,
    /// Calls counted, candidates drawn from, or rows in the Library's total.
    pub result: u64,
    pub median: Duration,
    /// The same through SQL alone, for counts and `population()`.
    pub sql: Option<Duration>,
    pub target: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SamplingBench {
    pub recordings: u64,
    pub database_mib: f64,
    /// Reading the column store from SQLite (median of `runs`), as after any change.
    pub column_store_load: Duration,
    /// The column store's size in memory.
    pub column_store_mib: f64,
    pub timings: Vec<Timing>,
}

const COUNT_TARGET: Duration = Duration::from_millis(100);
const DRAW_TARGET: Duration = Duration::from_millis(200);
const LIBRARY_TARGET: Duration = Duration::from_millis(100);

/// Population counts: the common shapes first (a date range, a party, a duration, a metric),
/// then criteria no index narrows, then no criteria at all.
const COUNTS: [&str; 7] = [
    "start >= 2026-10-01 and start < 2026-11-01 and agent = \"Emma Clarke\" and duration > 2m",
    "team = Billing and start between 2026-10-01 and 2026-10-31 and silence > 30%",
    "vendor = \"Northwind BPO\" and duration >= 1m and dead_air >= 10s and not reviewed \
     and not in_open_sample",
    "agent in (\"سارا احمدی\", \"יעל כהן\") and weekday between mon and fri and loudness < -30",
    "duration > 2m and silence > 20% and direction = inbound",
    "weekday between mon and fri and hour between 9 and 17 and queue = billing",
    "",
];

/// 1% stratified draws: a month of one vendor's calls, and two months of everyone's.
const DRAWS: [(&str, StratumField); 2] = [
    (
        "vendor = \"Northwind BPO\" and start = 2026-10 and duration > 1m",
        StratumField::Agent,
    ),
    (
        "start >= 2026-10-01 and duration > 1m and not reviewed",
        StratumField::Team,
    ),
];

fn store_error(error: StoreError) -> BenchError {
    BenchError::Tool {
        tool: "hark store".into(),
        detail: error.to_string(),
    }
}

/// Runs every measurement over a library of `count` recordings in `dir`.
pub fn run(dir: &Path, count: u32, runs: u32) -> Result<SamplingBench, BenchError> {
    let path = dir.join(format!("sampling-{count}.db"));
    let db = library_of(&path, count)?;
    let conn = db.conn();
    let (column_store_load, column_store_mib) = column_store(conn, runs)?;
    let mut timings = Vec::new();
    for text in COUNTS {
        let criteria = Criteria::parse(text).map_err(|e| BenchError::Tool {
            tool: "criteria".into(),
            detail: e.to_string(),
        })?;
        let (median, result) = median_of(runs, || sampling::count(conn, &criteria))?;
        let (sql, _) = median_of(runs, || sampling::columns::count_sql(conn, &criteria))?;
        timings.push(Timing {
            what: "population count",
            detail: if text.is_empty() {
                "(every eligible call)"
            } else {
                text
            }
            .into(),
            result,
            median,
            sql: Some(sql),
            target: COUNT_TARGET,
        });
    }
    for (text, field) in DRAWS {
        timings.extend(stratified_draw(&db, text, field, runs)?);
    }
    for (detail, query) in library_queries() {
        let (median, result) =
            median_of(runs, || library::page(conn, &query).map(|p| p.total as u64))?;
        timings.push(Timing {
            what: "Library page",
            detail,
            result,
            median,
            sql: None,
            target: LIBRARY_TARGET,
        });
    }
    let database_mib = std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0);
    Ok(SamplingBench {
        recordings: recordings::count(conn).map_err(store_error)? as u64,
        database_mib,
        column_store_load,
        column_store_mib,
        timings,
    })
}

/// Times reading the column store (what a count after a change waits for in a small
/// library, or a background thread does in a large one), then caches it for the timings.
fn column_store(conn: &rusqlite::Connection, runs: u32) -> Result<(Duration, f64), BenchError> {
    let (load, store) = median_of(runs.min(3), || sampling::columns::ColumnStore::load(conn))?;
    let mib = store.map_or(0.0, |s| s.heap_bytes() as f64 / 1_048_576.0);
    sampling::columns::preload(conn).map_err(store_error)?;
    Ok((load, mib))
}

/// `population()` and the draw of 1% of it, stratified by `field` proportionally: each alone,
/// then both as a sample is drawn.
fn stratified_draw(
    db: &Db,
    text: &str,
    field: StratumField,
    runs: u32,
) -> Result<Vec<Timing>, BenchError> {
    let criteria = Criteria::parse(text).map_err(|e| BenchError::Tool {
        tool: "criteria".into(),
        detail: e.to_string(),
    })?;
    let size = sampling::count(db.conn(), &criteria).map_err(store_error)?;
    let method = Method::Stratified {
        field,
        size: u32::try_from(size.div_ceil(100)).unwrap_or(u32::MAX),
        allocation: Allocation::Proportional,
    };
    let detail = format!("{text} (by {})", format!("{field:?}").to_lowercase());
    let (query, candidates) =
        median_of(runs, || sampling::population(db.conn(), &criteria, &method))?;
    let (query_sql, _) = median_of(runs, || {
        sampling::columns::population_sql(db.conn(), &criteria, &method)
    })?;
    let mut seed = 0;
    let (draw, picks) = median_of(runs, || {
        seed += 1;
        Ok(sampling::draw(&method, &candidates, seed).picks.len() as u64)
    })?;
    let (both, _) = median_of(runs, || {
        let candidates = sampling::population(db.conn(), &criteria, &method)?;
        seed += 1;
        Ok(sampling::draw(&method, &candidates, seed).picks.len())
    })?;
    let (both_sql, _) = median_of(runs, || {
        let candidates = sampling::columns::population_sql(db.conn(), &criteria, &method)?;
        seed += 1;
        Ok(sampling::draw(&method, &candidates, seed).picks.len())
    })?;
    let timing = |what, result, median, sql| Timing {
        what,
        detail: detail.clone(),
        result,
        median,
        sql,
        target: DRAW_TARGET,
    };
    Ok(vec![
        timing(
            "population()",
            candidates.len() as u64,
            query,
            Some(query_sql),
        ),
        timing("1% stratified draw (picks)", picks, draw, None),
        timing(
            "population() + 1% stratified draw",
            candidates.len() as u64,
            both,
            Some(both_sql),
        ),
    ])
}

fn library_queries() -> Vec<(String, LibraryQuery)> {
    let query = |agent: Option<&str>, team: Option<&str>, vendor: Option<&str>| LibraryQuery {
        agent: agent.map(Into::into),
        team: team.map(Into::into),
        vendor: vendor.map(Into::into),
        ..LibraryQuery::default()
    };
    let sorted = |mut q: LibraryQuery, sort_by: LibrarySort, sort_desc: bool| {
        q.sort_by = sort_by;
        q.sort_desc = sort_desc;
        q
    };
    let emma = Some("Emma Clarke");
    let billing = Some("Billing");
    let northwind = Some("Northwind BPO");
    let mut outbound = query(None, None, None);
    outbound.direction = Some(Direction::Outbound);
    let mut billing_queue = query(None, None, None);
    billing_queue.queue = Some("billing".into());
    let mut deep = sorted(query(None, billing, None), LibrarySort::Agent, false);
    deep.offset = 10_000;
    vec![
        (
            "agent = Emma Clarke, by date".into(),
            sorted(query(emma, None, None), LibrarySort::CallStart, false),
        ),
        (
            "team = Billing, by agent".into(),
            sorted(query(None, billing, None), LibrarySort::Agent, false),
        ),
        (
            "vendor = Northwind BPO, by longest dead air (desc)".into(),
            sorted(
                query(None, None, northwind),
                LibrarySort::DeadAirLongest,
                true,
            ),
        ),
        (
            "agent = Emma Clarke, by longest dead air (desc)".into(),
            sorted(query(emma, None, None), LibrarySort::DeadAirLongest, true),
        ),
        (
            "direction = outbound, by silence (desc)".into(),
            sorted(outbound, LibrarySort::SilenceShare, true),
        ),
        (
            "queue = billing, by duration (desc)".into(),
            sorted(billing_queue, LibrarySort::DurationMs, true),
        ),
        (
            "no filter, by agent".into(),
            sorted(query(None, None, None), LibrarySort::Agent, false),
        ),
        (
            "no filter, by loudness".into(),
            sorted(query(None, None, None), LibrarySort::Loudness, false),
        ),
        ("team = Billing, by agent, rows 10,000+".into(), deep),
    ]
}

/// The median of `runs` timings of `work` after one untimed run (which warms the page cache
/// and the statement cache), and what the last run returned.
fn median_of<T>(
    runs: u32,
    mut work: impl FnMut() -> Result<T, StoreError>,
) -> Result<(Duration, T), BenchError> {
    let mut last = work().map_err(store_error)?;
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        last = work().map_err(store_error)?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok((times[times.len() / 2], last))
}

/// The library at `path`, generated when it does not hold exactly `count` recordings: the
/// synthetic calls (seed 1) plus a review history, 1 call in 97 in an open sample and 1 in 53
/// reviewed in a closed one, so the exclusions have something to exclude.
fn library_of(path: &Path, count: u32) -> Result<Db, BenchError> {
    if path.exists() {
        let db = Db::open(path).map_err(store_error)?;
        if recordings::count(db.conn()).map_err(store_error)? == i64::from(count) {
            return Ok(db);
        }
    }
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file).map_err(|source| BenchError::Io { path: file, source })?;
        }
    }
    let mut db = Db::open(path).map_err(store_error)?;
    let actor = session::create_user(&mut db, None, "bench", Role::Admin).map_err(store_error)?;
    synthetic::generate(&mut db, &actor, count, 1).map_err(store_error)?;
    add_review_history(&mut db, &actor).map_err(store_error)?;
    Ok(db)
}

fn add_review_history(db: &mut Db, actor: &User) -> Result<(), StoreError> {
    db.write(|tx| {
        tx.execute_batch(&format!(
            "INSERT INTO samples (id, name, method, criteria, generator, seed, population_size,
                                  population, population_hash, drawn_by, drawn_at, status)
             VALUES (1, 'bench open', '{{}}', '', 'bench', '1', 0, x'', '', {id}, '', 'open'),
                    (2, 'bench closed', '{{}}', '', 'bench', '2', 0, x'', '', {id}, '', 'closed');
             INSERT INTO sample_items (sample_id, position, recording_id)
                 SELECT 1, id, id FROM recordings WHERE id % 97 = 0;
             INSERT INTO sample_items (sample_id, position, recording_id, completed_at)
                 SELECT 2, id, id, '2026-11-01T00:00:00Z' FROM recordings WHERE id % 53 = 0;",
            id = actor.id
        ))?;
        Ok(())
    })
}

/// The figures as a Markdown table.
pub fn table(bench: &SamplingBench) -> String {
    let mut out = format!(
        "{} recordings, database {:.0} MiB; column store {:.1} MiB, read in {:.0} ms\n\n\
         | measurement | criteria or query | calls | median | SQL alone | target |\n\
         | --- | --- | ---: | ---: | ---: | --- |\n",
        bench.recordings,
        bench.database_mib,
        bench.column_store_mib,
        bench.column_store_load.as_secs_f64() * 1000.0
    );
    for t in &bench.timings {
        let met = if t.median < t.target {
            "met"
        } else {
            "NOT met"
        };
        let sql = t.sql.map_or_else(
            || "".to_owned(),
            |sql| format!("{:.1} ms", sql.as_secs_f64() * 1000.0),
        );
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {:.1} ms | {sql} | < {} ms: {met} |",
            t.what,
            t.detail.replace('|', "\\|"),
            t.result,
            t.median.as_secs_f64() * 1000.0,
            t.target.as_millis()
        );
    }
    out
}
