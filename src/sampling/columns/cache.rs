//! The process-wide cache of column stores: one per database path (the desktop app's one
//! `Db`, the command line's), for the connection that asked for it, valid while that
//! connection's change marker is unchanged. Callers pass only a `&Connection`, as before.
//!
//! # When a store is valid
//!
//! A store answers for connection `C` only while `C` is in autocommit mode (no transaction of
//! its own open, whose uncommitted rows a store could hold after a rollback) and `C`'s marker
//! equals the marker read *before* the store was read. The marker is
//! - `PRAGMA data_version`, which changes when any other connection (the import and analysis
//!   threads' own `Db`s, another process) commits to the file, and
//! - `C.total_changes()`, SQLite's count of rows `C` itself inserted, updated or deleted,
//!   triggers included (so a metrics row that updates `recording_facts` through a trigger
//!   counts), which `data_version` does not report.
//!
//! Both are read in microseconds, need no schema change, and miss nothing that changes
//! `recording_facts` or the party names: every change is a committed row change by `C` or by
//! another connection. Some changes that do not matter (a user's setting, an audit entry) also
//! move the marker; that costs a reload, never a wrong answer. Because the marker is read
//! before the rows, a commit landing during the read makes the store look stale, never fresh.
//!
//! Both values are only meaningful for the connection they were read on, so a marker carries
//! the connection's tag: a number this process writes once into the connection's own
//! `temp.user_version` (the connection-private temp schema, which dies with the connection, so
//! a new connection at a reused address, or to a same-named file, is never mistaken for it).
//!
//! # Loading
//!
//! When no store is valid, the first query is answered by SQL and only noted: a one-off
//! command (`hark sample count`, a draw) or the single count after a change is not worth a
//! read of every call. The next query loads one. A library with recording ids up to
//! [`INLINE_ROWS`] is read on the caller's thread (about 30 ms in a release build, little more
//! than a SQL count); a bigger one on a thread of its own, over its own read-only connection,
//! while SQL keeps answering: a count never waits for a load (0.6 s at a million calls). That
//! store carries the caller's marker read before the thread began, so it is used only if
//! nothing changed since, when by the argument above it holds exactly the current rows. At
//! most one load per database runs at a time. An in-memory database (no file to open again)
//! is read on the caller's connection, and keyed by its connection.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::store::ColumnStore;
use crate::store::StoreResult;

/// Libraries with recording ids up to this are loaded on the caller's thread.
const INLINE_ROWS: i64 = 50_000;

/// A load still running after this is taken as lost.
const LOAD_GIVEN_UP: Duration = Duration::from_secs(120);
/// A failed load is tried again after this.
const RETRY_FAILED: Duration = Duration::from_secs(10);

/// Stores are dropped, least recently used first, beyond this much memory in all (two
/// million-call libraries fit) or this many entries. The desktop app uses one database.
const MEMORY_BUDGET: usize = 160 << 20;
const MAX_ENTRIES: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    connection: i32,
    data_version: i64,
    total_changes: u64,
}

#[derive(Debug)]
enum State {
    Ready(Arc<ColumnStore>),
    /// The library holds values the store does not keep: SQL answers until it changes.
    Unsupported,
    /// A load is running (on the caller's thread or its own) since then.
    Loading(Instant),
    /// The last load failed then (a busy or vanished file): SQL answers for a while.
    Failed(Instant),
    /// A query found no valid store and was answered by SQL; the next one loads.
    Missed,
}

impl State {
    /// A load that ended without a word (a panic), or a failure long enough ago, is retried.
    fn expired(&self) -> bool {
        match self {
            State::Loading(since) => since.elapsed() > LOAD_GIVEN_UP,
            State::Failed(at) => at.elapsed() > RETRY_FAILED,
            State::Ready(_) | State::Unsupported | State::Missed => false,
        }
    }
}

#[derive(Debug)]
struct Entry {
    /// The database path, or for an in-memory database its connection.
    key: String,
    marker: Marker,
    state: State,
    last_used: u64,
}

impl Entry {
    fn heap_bytes(&self) -> usize {
        match &self.state {
            State::Ready(store) => store.heap_bytes(),
            _ => 0,
        }
    }
}

#[derive(Debug, Default)]
struct Cache {
    entries: Vec<Entry>,
    clock: u64,
}

impl Cache {
    fn entry(&mut self, key: &str) -> Option<&mut Entry> {
        self.clock += 1;
        let clock = self.clock;
        let entry = self.entries.iter_mut().find(|e| e.key == key)?;
        entry.last_used = clock;
        Some(entry)
    }

    /// Records `state` for `key` at `marker`, replacing what was there, then drops the least
    /// recently used other entries beyond [`MEMORY_BUDGET`] or [`MAX_ENTRIES`].
    fn set(&mut self, key: &str, marker: Marker, state: State) {
        self.clock += 1;
        let last_used = self.clock;
        match self.entries.iter_mut().find(|e| e.key == key) {
            Some(entry) => {
                entry.marker = marker;
                entry.state = state;
                entry.last_used = last_used;
            }
            None => self.entries.push(Entry {
                key: key.to_owned(),
                marker,
                state,
                last_used,
            }),
        }
        loop {
            let bytes: usize = self.entries.iter().map(Entry::heap_bytes).sum();
            if bytes <= MEMORY_BUDGET && self.entries.len() <= MAX_ENTRIES {
                break;
            }
            let oldest = self
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.key != key)
                .min_by_key(|(_, e)| e.last_used)
                .map(|(index, _)| index);
            match oldest {
                Some(index) => {
                    self.entries.swap_remove(index);
                }
                None => break,
            }
        }
    }

    /// Records the outcome of a load started at `marker`, unless a newer load has taken over.
    fn finish(&mut self, key: &str, marker: Marker, state: State) {
        let current = self.entries.iter().find(|e| e.key == key);
        if current.is_none_or(|e| e.marker == marker) {
            self.set(key, marker, state);
        }
    }
}

fn cache() -> Option<MutexGuard<'static, Cache>> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default).lock().ok()
}

/// What a caller should do after looking in the cache.
enum Lookup {
    Use(Arc<ColumnStore>),
    /// Answer with SQL (a load is running, or the library cannot be stored).
    Sql,
    /// No valid store and no load running; `asked_before`: a query already found it so.
    Stale {
        asked_before: bool,
    },
}

fn lookup(target: &Target) -> Lookup {
    let Some(mut cache) = cache() else {
        return Lookup::Sql;
    };
    let Some(entry) = cache.entry(&target.key) else {
        cache.set(&target.key, target.marker, State::Missed);
        return Lookup::Stale {
            asked_before: false,
        };
    };
    let marker = target.marker;
    if !entry.state.expired() {
        match &entry.state {
            State::Ready(store) if entry.marker == marker => return Lookup::Use(store.clone()),
            State::Unsupported | State::Failed(_) if entry.marker == marker => {
                return Lookup::Sql;
            }
            State::Loading(_) => return Lookup::Sql,
            _ => {}
        }
    }
    let asked_before = matches!(entry.state, State::Missed);
    // A stale store is dropped now, not after the new one is read.
    entry.marker = marker;
    entry.state = State::Missed;
    Lookup::Stale { asked_before }
}

/// The tag of `conn` (see the module comment), given on first use.
fn connection_tag(conn: &Connection) -> rusqlite::Result<i32> {
    static NEXT: AtomicI32 = AtomicI32::new(1);
    let tag: i32 = conn
        .prepare_cached("PRAGMA temp.user_version")?
        .query_row([], |row| row.get(0))?;
    if tag != 0 {
        return Ok(tag);
    }
    let tag = NEXT.fetch_add(1, Ordering::Relaxed);
    conn.pragma_update(Some("temp"), "user_version", tag)?;
    Ok(tag)
}

/// Where a connection's store is cached, and its marker now.
struct Target {
    /// The database file, or for an in-memory database its connection (which alone sees it).
    key: String,
    /// The database file, for a load on a connection of its own; `None` in memory.
    file: Option<String>,
    marker: Marker,
}

impl Target {
    /// `None` when no store may answer for `conn`: inside a transaction, or a database with no
    /// name or tag.
    fn of(conn: &Connection) -> Option<Target> {
        if !conn.is_autocommit() {
            return None;
        }
        let path = conn.path()?;
        let connection = connection_tag(conn).ok()?;
        let data_version: i64 = conn
            .prepare_cached("PRAGMA data_version")
            .and_then(|mut stmt| stmt.query_row([], |row| row.get(0)))
            .ok()?;
        let marker = Marker {
            connection,
            data_version,
            total_changes: conn.total_changes(),
        };
        let (key, file) = match path {
            "" => (format!(":memory: {connection}"), None),
            path => (path.to_owned(), Some(path.to_owned())),
        };
        Some(Target { key, file, marker })
    }

    fn set(&self, state: State) {
        if let Some(mut cache) = cache() {
            cache.set(&self.key, self.marker, state);
        }
    }

    fn finish(&self, state: State) {
        if let Some(mut cache) = cache() {
            cache.finish(&self.key, self.marker, state);
        }
    }

    /// Loads the store on `conn` now and records it; the store when there is one.
    fn load_here(&self, conn: &Connection) -> StoreResult<Option<Arc<ColumnStore>>> {
        match ColumnStore::load(conn) {
            Ok(loaded) => {
                let store = loaded.map(Arc::new);
                self.finish(match &store {
                    Some(store) => State::Ready(store.clone()),
                    None => State::Unsupported,
                });
                Ok(store)
            }
            Err(error) => {
                self.finish(State::Failed(Instant::now()));
                Err(error)
            }
        }
    }

    /// Starts reading the store on a thread of its own, over a read-only connection to the
    /// file (`None` for an in-memory database, or when no thread could be started).
    fn load_elsewhere(self) -> Option<JoinHandle<()>> {
        let file = self.file.clone()?;
        self.set(State::Loading(Instant::now()));
        let failed = Target {
            key: self.key.clone(),
            file: None,
            marker: self.marker,
        };
        let spawned = std::thread::Builder::new()
            .name("hark-sampling-columns".into())
            .spawn(move || self.finish(outcome(ColumnStore::load_file(&file))));
        match spawned {
            Ok(handle) => Some(handle),
            Err(_) => {
                failed.finish(State::Failed(Instant::now()));
                None
            }
        }
    }
}

fn outcome(loaded: StoreResult<Option<ColumnStore>>) -> State {
    match loaded {
        Ok(Some(store)) => State::Ready(Arc::new(store)),
        Ok(None) => State::Unsupported,
        Err(_) => State::Failed(Instant::now()),
    }
}

/// The store to answer `conn` with, or `None` for SQL. When none is valid, the first query
/// only notes it (a one-off command, or a single count after a change, is not worth a load)
/// and the next one loads: inline for a small library, on a thread of its own for a large one.
pub(crate) fn columns(conn: &Connection) -> Option<Arc<ColumnStore>> {
    let target = Target::of(conn)?;
    match lookup(&target) {
        Lookup::Use(store) => Some(store),
        Lookup::Sql
        | Lookup::Stale {
            asked_before: false,
        } => None,
        Lookup::Stale { asked_before: true } => {
            let small = || {
                conn.query_row(
                    "SELECT coalesce(max(recording_id), 0) FROM recording_facts",
                    [],
                    |row| row.get::<_, i64>(0),
                )
                .map_or(true, |max_id| max_id <= INLINE_ROWS)
            };
            if target.file.is_none() || small() {
                target.set(State::Loading(Instant::now()));
                return target.load_here(conn).ok().flatten();
            }
            target.load_elsewhere();
            None
        }
    }
}

/// Loads the column store for `conn` now, on this thread, unless a valid one is cached (a
/// warm-up: for the benchmark, or after opening a large library). `None` inside a
/// transaction, or for a library the store cannot hold (SQL answers for those).
pub fn preload(conn: &Connection) -> StoreResult<Option<Arc<ColumnStore>>> {
    let Some(target) = Target::of(conn) else {
        return Ok(None);
    };
    if let Some(mut cache) = cache()
        && let Some(entry) = cache.entry(&target.key)
        && entry.marker == target.marker
        && let State::Ready(store) = &entry.state
    {
        return Ok(Some(store.clone()));
    }
    target.set(State::Loading(Instant::now()));
    target.load_here(conn)
}

/// Starts loading the column store for `conn`'s database on a thread of its own (as queries
/// do for a large library), unless a valid store is cached or a load is running; `None` then,
/// and for an in-memory database. The handle is for waiting on it; queries use the store once
/// it is in.
pub fn load_in_background(conn: &Connection) -> Option<JoinHandle<()>> {
    let target = Target::of(conn)?;
    match lookup(&target) {
        Lookup::Stale { .. } => target.load_elsewhere(),
        Lookup::Use(_) | Lookup::Sql => None,
    }
}

/// The cached store that is valid for `conn` now, without loading one.
pub fn cached(conn: &Connection) -> Option<Arc<ColumnStore>> {
    let target = Target::of(conn)?;
    let mut cache = cache()?;
    let entry = cache.entry(&target.key)?;
    match &entry.state {
        State::Ready(store) if entry.marker == target.marker => Some(store.clone()),
        _ => None,
    }
}
