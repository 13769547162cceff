//! The column store: every eligible call's `recording_facts` values (migration 0005), one
//! vector per column in ascending recording id, read from SQLite in one pass.
//!
//! Values are kept exactly as SQLite holds them, so tests over them give what the SQL gives:
//! integers as integers, reals as `f64`, text as its bytes, NULL as a clear bit in the column's
//! `present` set. Parties and text are dictionary codes (code 0 is NULL). A library whose
//! values do not have the storage class their column declares (a real in an integer column,
//! text that is not UTF-8) is not loaded: [`ColumnStore::load`] gives `None` and the SQL path
//! answers for it.

use std::collections::HashMap;
use std::hash::Hash;

use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};

use super::bits::Bits;
use crate::store::StoreResult;

/// Integers, narrowed to `u32` when every value fits (ids, durations and counts do).
#[derive(Debug, Clone)]
pub(crate) enum Ints {
    Narrow(Vec<u32>),
    Wide(Vec<i64>),
}

impl Ints {
    fn with_capacity(capacity: usize) -> Ints {
        Ints::Narrow(Vec::with_capacity(capacity))
    }

    /// Appends a value, widening the column the first time one does not fit in `u32` (so a
    /// load never holds more than the column's final size).
    fn push(&mut self, value: i64) {
        match self {
            Ints::Narrow(values) => match u32::try_from(value) {
                Ok(narrow) => values.push(narrow),
                Err(_) => {
                    let mut wide = Vec::with_capacity(values.capacity().max(values.len() + 1));
                    wide.extend(values.iter().map(|&v| i64::from(v)));
                    wide.push(value);
                    *self = Ints::Wide(wide);
                }
            },
            Ints::Wide(values) => values.push(value),
        }
    }

    fn len(&self) -> usize {
        match self {
            Ints::Narrow(values) => values.len(),
            Ints::Wide(values) => values.len(),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Ints::Narrow(values) => values.shrink_to_fit(),
            Ints::Wide(values) => values.shrink_to_fit(),
        }
    }

    pub(crate) fn get(&self, position: usize) -> Option<i64> {
        match self {
            Ints::Narrow(values) => values.get(position).map(|&v| i64::from(v)),
            Ints::Wide(values) => values.get(position).copied(),
        }
    }

    pub(crate) fn mark(&self, test: impl Fn(i64) -> bool) -> Bits {
        match self {
            Ints::Narrow(values) => Bits::mark(values, |v| test(i64::from(v))),
            Ints::Wide(values) => Bits::mark(values, test),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Ints::Narrow(values) => values.capacity() * 4,
            Ints::Wide(values) => values.capacity() * 8,
        }
    }
}

/// A column that may hold NULL: the values (0 where NULL) and the rows that have one.
#[derive(Debug, Clone)]
pub(crate) struct Nullable<T> {
    pub(crate) values: T,
    pub(crate) present: Bits,
}

pub(crate) type NullableInts = Nullable<Ints>;
pub(crate) type NullableReals = Nullable<Vec<f64>>;

impl NullableInts {
    pub(crate) fn value(&self, position: usize) -> Option<i64> {
        self.present
            .get(position)
            .then(|| self.values.get(position))
            .flatten()
    }
}

impl NullableReals {
    pub(crate) fn value(&self, position: usize) -> Option<f64> {
        self.present
            .get(position)
            .then(|| self.values.get(position).copied())
            .flatten()
    }
}

/// Dictionary codes, as narrow as the dictionary allows.
#[derive(Debug, Clone)]
pub(crate) enum Codes {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
}

impl Codes {
    fn with_capacity(capacity: usize) -> Codes {
        Codes::U8(Vec::with_capacity(capacity))
    }

    /// Appends a code, widening the column the first time one does not fit.
    fn push(&mut self, code: u32) {
        match self {
            Codes::U8(codes) => match u8::try_from(code) {
                Ok(narrow) => codes.push(narrow),
                Err(_) => {
                    let mut wide = Vec::with_capacity(codes.capacity().max(codes.len() + 1));
                    wide.extend(codes.iter().map(|&c| u16::from(c)));
                    *self = Codes::U16(wide);
                    self.push(code);
                }
            },
            Codes::U16(codes) => match u16::try_from(code) {
                Ok(narrow) => codes.push(narrow),
                Err(_) => {
                    let mut wide = Vec::with_capacity(codes.capacity().max(codes.len() + 1));
                    wide.extend(codes.iter().map(|&c| u32::from(c)));
                    wide.push(code);
                    *self = Codes::U32(wide);
                }
            },
            Codes::U32(codes) => codes.push(code),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Codes::U8(codes) => codes.shrink_to_fit(),
            Codes::U16(codes) => codes.shrink_to_fit(),
            Codes::U32(codes) => codes.shrink_to_fit(),
        }
    }

    pub(crate) fn get(&self, position: usize) -> usize {
        match self {
            Codes::U8(codes) => codes.get(position).map_or(0, |&c| usize::from(c)),
            Codes::U16(codes) => codes.get(position).map_or(0, |&c| usize::from(c)),
            Codes::U32(codes) => codes.get(position).map_or(0, |&c| c as usize),
        }
    }

    /// The rows whose code `table` marks (codes beyond the table are not marked).
    pub(crate) fn mark(&self, table: &[bool]) -> Bits {
        let marked = |code: usize| table.get(code).copied().unwrap_or(false);
        match self {
            Codes::U8(codes) => Bits::mark(codes, |c| marked(usize::from(c))),
            Codes::U16(codes) => Bits::mark(codes, |c| marked(usize::from(c))),
            Codes::U32(codes) => Bits::mark(codes, |c| marked(c as usize)),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Codes::U8(codes) => codes.capacity(),
            Codes::U16(codes) => codes.capacity() * 2,
            Codes::U32(codes) => codes.capacity() * 4,
        }
    }
}

/// A dictionary-coded column: `keys[code]` is the value, `keys[0]` is NULL.
#[derive(Debug, Clone)]
pub(crate) struct Coded<K> {
    pub(crate) codes: Codes,
    pub(crate) keys: Vec<Option<K>>,
}

impl<K> Coded<K> {
    /// A table over the codes: which ones hold a value passing `test` (never NULL's).
    pub(crate) fn table(&self, test: impl Fn(&K) -> bool) -> Vec<bool> {
        self.keys
            .iter()
            .map(|key| key.as_ref().is_some_and(&test))
            .collect()
    }

    pub(crate) fn key(&self, position: usize) -> Option<&K> {
        self.keys
            .get(self.codes.get(position))
            .and_then(Option::as_ref)
    }
}

/// The eligible calls (`recording_facts.ok`), one row each, by ascending recording id.
///
/// Per call: the id and durations as `u32` (widened to `i64` only if a value needs it), the
/// local start and three metrics as 8 bytes, six dictionary codes of one byte (two or four
/// past 256 distinct values), a bit per flag and per column that can be NULL: about 57 bytes,
/// so 57 MiB at a million calls.
#[derive(Debug, Clone)]
pub struct ColumnStore {
    pub(crate) rows: usize,
    pub(crate) ids: Ints,
    /// `local_start_ms`: the call's local wall clock as Unix-epoch milliseconds.
    pub(crate) start: NullableInts,
    pub(crate) agent: Coded<i64>,
    pub(crate) team: Coded<i64>,
    pub(crate) vendor: Coded<i64>,
    pub(crate) direction: Coded<String>,
    pub(crate) queue: Coded<String>,
    pub(crate) disposition: Coded<String>,
    pub(crate) duration: NullableInts,
    pub(crate) dead_air: NullableInts,
    pub(crate) dead_air_count: NullableInts,
    pub(crate) overtalk: NullableInts,
    pub(crate) silence: NullableReals,
    pub(crate) agent_talk: NullableReals,
    pub(crate) loudness: NullableReals,
    /// `= 1` in the column, as the SQL tests it.
    pub(crate) has_problem: Bits,
    pub(crate) reviewed: Bits,
    pub(crate) in_open_sample: Bits,
    /// Id to name of every agent, team and vendor.
    pub(crate) agents: HashMap<i64, String>,
    pub(crate) teams: HashMap<i64, String>,
    pub(crate) vendors: HashMap<i64, String>,
}

/// The query the store is read with: the table in rowid (recording id) order, eligible rows.
/// `NOT INDEXED` keeps SQLite from walking the `ok` index and fetching every row by id.
const LOAD_SQL: &str = "SELECT recording_id, local_start_ms, agent_id, team_id, vendor_id,
        duration_ms, direction, queue, disposition, has_problem, reviewed, in_open_sample,
        silence_share, dead_air_longest_ms, dead_air_count, overtalk_ms, agent_talk_share,
        loudness_lufs
    FROM recording_facts NOT INDEXED WHERE ok ORDER BY recording_id";

/// A value whose storage class the store does not keep: the whole store is not used.
struct Unsupported;

impl ColumnStore {
    /// Reads every eligible call from `conn`; `None` when some value is not of its column's
    /// declared kind (see the module comment), so only SQL can compare it as SQL does.
    pub fn load(conn: &Connection) -> StoreResult<Option<ColumnStore>> {
        let (Some(agents), Some(teams), Some(vendors)) = (
            party_names(conn, "agents")?,
            party_names(conn, "teams")?,
            party_names(conn, "vendors")?,
        ) else {
            return Ok(None);
        };
        let capacity = conn
            .query_row(
                "SELECT coalesce(max(recording_id), 0) FROM recording_facts",
                [],
                |row| row.get::<_, i64>(0),
            )
            .map(|max| usize::try_from(max).unwrap_or(0).min(1 << 26))?;
        let mut loader = Loader::with_capacity(capacity);
        let mut stmt = conn.prepare(LOAD_SQL)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            match loader.push(row) {
                Ok(()) => {}
                Err(ReadError::Unsupported) => return Ok(None),
                Err(ReadError::Sqlite(error)) => return Err(error.into()),
            }
        }
        Ok(Some(loader.finish(agents, teams, vendors)))
    }

    /// Reads every eligible call from the database file at `path` over a read-only
    /// connection of its own (a background load). As [`load`].
    ///
    /// [`load`]: ColumnStore::load
    pub fn load_file(path: &str) -> StoreResult<Option<ColumnStore>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        ColumnStore::load(&conn)
    }

    /// How many eligible calls the store holds.
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The recording id at a row position.
    pub(crate) fn id(&self, position: usize) -> i64 {
        self.ids.get(position).unwrap_or(0)
    }

    /// The store's size in memory (its vectors, bitmaps, dictionaries and party names).
    pub fn heap_bytes(&self) -> usize {
        let nullable_ints = |c: &NullableInts| c.values.heap_bytes() + c.present.heap_bytes();
        let nullable_reals = |c: &NullableReals| c.values.capacity() * 8 + c.present.heap_bytes();
        let party = |c: &Coded<i64>| c.codes.heap_bytes() + c.keys.capacity() * 16;
        let text = |c: &Coded<String>| {
            c.codes.heap_bytes()
                + c.keys.capacity() * 24
                + c.keys.iter().flatten().map(String::capacity).sum::<usize>()
        };
        let names = |m: &HashMap<i64, String>| {
            m.capacity() * 40 + m.values().map(String::capacity).sum::<usize>()
        };
        self.ids.heap_bytes()
            + nullable_ints(&self.start)
            + party(&self.agent)
            + party(&self.team)
            + party(&self.vendor)
            + text(&self.direction)
            + text(&self.queue)
            + text(&self.disposition)
            + nullable_ints(&self.duration)
            + nullable_ints(&self.dead_air)
            + nullable_ints(&self.dead_air_count)
            + nullable_ints(&self.overtalk)
            + nullable_reals(&self.silence)
            + nullable_reals(&self.agent_talk)
            + nullable_reals(&self.loudness)
            + self.has_problem.heap_bytes()
            + self.reviewed.heap_bytes()
            + self.in_open_sample.heap_bytes()
            + names(&self.agents)
            + names(&self.teams)
            + names(&self.vendors)
    }
}

/// Id to name of every row of a party table (`table` is one of the fixed names).
fn party_names(conn: &Connection, table: &str) -> StoreResult<Option<HashMap<i64, String>>> {
    let mut stmt = conn.prepare(&format!("SELECT id, name FROM {table}"))?;
    let mut rows = stmt.query([])?;
    let mut names = HashMap::new();
    while let Some(row) = rows.next()? {
        let (ValueRef::Integer(id), ValueRef::Text(name)) = (row.get_ref(0)?, row.get_ref(1)?)
        else {
            return Ok(None);
        };
        let Ok(name) = std::str::from_utf8(name) else {
            return Ok(None);
        };
        names.insert(id, name.to_owned());
    }
    Ok(Some(names))
}

/// A column being read: values and which rows have one.
struct IntsBuilder {
    values: Ints,
    present: Bits,
}

impl IntsBuilder {
    fn with_capacity(capacity: usize) -> Self {
        IntsBuilder {
            values: Ints::with_capacity(capacity),
            present: Bits::new(),
        }
    }

    fn push(&mut self, value: ValueRef<'_>) -> Result<(), Unsupported> {
        match value {
            ValueRef::Null => {
                self.values.push(0);
                self.present.push(false);
            }
            ValueRef::Integer(v) => {
                self.values.push(v);
                self.present.push(true);
            }
            _ => return Err(Unsupported),
        }
        Ok(())
    }

    fn finish(mut self) -> NullableInts {
        self.values.shrink_to_fit();
        self.present.shrink_to_fit();
        Nullable {
            values: self.values,
            present: self.present,
        }
    }
}

struct RealsBuilder {
    values: Vec<f64>,
    present: Bits,
}

impl RealsBuilder {
    fn with_capacity(capacity: usize) -> Self {
        RealsBuilder {
            values: Vec::with_capacity(capacity),
            present: Bits::new(),
        }
    }

    fn push(&mut self, value: ValueRef<'_>) -> Result<(), Unsupported> {
        match value {
            ValueRef::Null => {
                self.values.push(0.0);
                self.present.push(false);
            }
            ValueRef::Real(v) => {
                self.values.push(v);
                self.present.push(true);
            }
            _ => return Err(Unsupported),
        }
        Ok(())
    }

    fn finish(mut self) -> NullableReals {
        self.values.shrink_to_fit();
        self.present.shrink_to_fit();
        Nullable {
            values: self.values,
            present: self.present,
        }
    }
}

/// A dictionary-coded column being read. Lookups avoid hashing where they can (a million
/// rows, six such columns): party ids index a table directly, and a short dictionary (the
/// directions, queues and dispositions of a call centre) is searched in place.
struct CodedBuilder<K> {
    codes: Codes,
    lookup: HashMap<K, u32>,
    keys: Vec<Option<K>>,
}

/// Party ids below this are coded through a table indexed by the id.
const DIRECT_IDS: usize = 1 << 16;
/// Dictionaries up to this size are searched in place.
const SHORT_DICTIONARY: usize = 16;

impl<K: Clone + Eq + Hash> CodedBuilder<K> {
    fn with_capacity(capacity: usize) -> Self {
        CodedBuilder {
            codes: Codes::with_capacity(capacity),
            lookup: HashMap::new(),
            keys: vec![None],
        }
    }

    /// Adds `key` to the dictionary; its code.
    fn add(&mut self, key: K) -> Result<u32, Unsupported> {
        let code = u32::try_from(self.keys.len()).map_err(|_| Unsupported)?;
        self.keys.push(Some(key.clone()));
        self.lookup.insert(key, code);
        Ok(code)
    }

    fn finish(mut self) -> Coded<K> {
        self.codes.shrink_to_fit();
        Coded {
            codes: self.codes,
            keys: self.keys,
        }
    }
}

/// Party ids, with the direct table for small ids (0: not seen yet).
struct PartyBuilder {
    coded: CodedBuilder<i64>,
    direct: Vec<u32>,
}

impl PartyBuilder {
    fn with_capacity(capacity: usize) -> Self {
        PartyBuilder {
            coded: CodedBuilder::with_capacity(capacity),
            direct: Vec::new(),
        }
    }

    fn push(&mut self, value: ValueRef<'_>) -> Result<(), Unsupported> {
        let code = match value {
            ValueRef::Null => 0,
            ValueRef::Integer(id) => match usize::try_from(id).ok().filter(|&i| i < DIRECT_IDS) {
                Some(index) => match self.direct.get(index) {
                    Some(&code) if code != 0 => code,
                    _ => {
                        let code = match self.coded.lookup.get(&id) {
                            Some(&code) => code,
                            None => self.coded.add(id)?,
                        };
                        if self.direct.len() <= index {
                            self.direct.resize(index + 1, 0);
                        }
                        if let Some(slot) = self.direct.get_mut(index) {
                            *slot = code;
                        }
                        code
                    }
                },
                None => match self.coded.lookup.get(&id) {
                    Some(&code) => code,
                    None => self.coded.add(id)?,
                },
            },
            _ => return Err(Unsupported),
        };
        self.coded.codes.push(code);
        Ok(())
    }

    fn finish(self) -> Coded<i64> {
        self.coded.finish()
    }
}

impl CodedBuilder<String> {
    fn push(&mut self, value: ValueRef<'_>) -> Result<(), Unsupported> {
        let code = match value {
            ValueRef::Null => 0,
            ValueRef::Text(bytes) => self.text_code(bytes)?,
            _ => return Err(Unsupported),
        };
        self.codes.push(code);
        Ok(())
    }

    fn text_code(&mut self, bytes: &[u8]) -> Result<u32, Unsupported> {
        if self.keys.len() <= SHORT_DICTIONARY {
            let found = self
                .keys
                .iter()
                .position(|key| key.as_ref().is_some_and(|key| key.as_bytes() == bytes));
            if let Some(code) = found {
                return u32::try_from(code).map_err(|_| Unsupported);
            }
        } else if let Some(&code) = std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| self.lookup.get(text))
        {
            return Ok(code);
        }
        let text = std::str::from_utf8(bytes).map_err(|_| Unsupported)?;
        self.add(text.to_owned())
    }
}

/// `column = 1`, as the SQL tests the review and problem flags.
fn flag(value: ValueRef<'_>) -> Result<bool, Unsupported> {
    match value {
        ValueRef::Integer(v) => Ok(v == 1),
        _ => Err(Unsupported),
    }
}

/// Every column being read, in [`LOAD_SQL`]'s order.
struct Loader {
    ids: Ints,
    start: IntsBuilder,
    agent: PartyBuilder,
    team: PartyBuilder,
    vendor: PartyBuilder,
    duration: IntsBuilder,
    direction: CodedBuilder<String>,
    queue: CodedBuilder<String>,
    disposition: CodedBuilder<String>,
    has_problem: Bits,
    reviewed: Bits,
    in_open_sample: Bits,
    silence: RealsBuilder,
    dead_air: IntsBuilder,
    dead_air_count: IntsBuilder,
    overtalk: IntsBuilder,
    agent_talk: RealsBuilder,
    loudness: RealsBuilder,
}

impl Loader {
    fn with_capacity(capacity: usize) -> Loader {
        Loader {
            ids: Ints::with_capacity(capacity),
            start: IntsBuilder::with_capacity(capacity),
            agent: PartyBuilder::with_capacity(capacity),
            team: PartyBuilder::with_capacity(capacity),
            vendor: PartyBuilder::with_capacity(capacity),
            duration: IntsBuilder::with_capacity(capacity),
            direction: CodedBuilder::with_capacity(capacity),
            queue: CodedBuilder::with_capacity(capacity),
            disposition: CodedBuilder::with_capacity(capacity),
            has_problem: Bits::new(),
            reviewed: Bits::new(),
            in_open_sample: Bits::new(),
            silence: RealsBuilder::with_capacity(capacity),
            dead_air: IntsBuilder::with_capacity(capacity),
            dead_air_count: IntsBuilder::with_capacity(capacity),
            overtalk: IntsBuilder::with_capacity(capacity),
            agent_talk: RealsBuilder::with_capacity(capacity),
            loudness: RealsBuilder::with_capacity(capacity),
        }
    }

    /// Adds one row.
    fn push(&mut self, row: &rusqlite::Row<'_>) -> Result<(), ReadError> {
        let ValueRef::Integer(id) = row.get_ref(0)? else {
            return Err(ReadError::Unsupported);
        };
        self.ids.push(id);
        self.start.push(row.get_ref(1)?)?;
        self.agent.push(row.get_ref(2)?)?;
        self.team.push(row.get_ref(3)?)?;
        self.vendor.push(row.get_ref(4)?)?;
        self.duration.push(row.get_ref(5)?)?;
        self.direction.push(row.get_ref(6)?)?;
        self.queue.push(row.get_ref(7)?)?;
        self.disposition.push(row.get_ref(8)?)?;
        self.has_problem.push(flag(row.get_ref(9)?)?);
        self.reviewed.push(flag(row.get_ref(10)?)?);
        self.in_open_sample.push(flag(row.get_ref(11)?)?);
        self.silence.push(row.get_ref(12)?)?;
        self.dead_air.push(row.get_ref(13)?)?;
        self.dead_air_count.push(row.get_ref(14)?)?;
        self.overtalk.push(row.get_ref(15)?)?;
        self.agent_talk.push(row.get_ref(16)?)?;
        self.loudness.push(row.get_ref(17)?)?;
        Ok(())
    }

    fn finish(
        self,
        agents: HashMap<i64, String>,
        teams: HashMap<i64, String>,
        vendors: HashMap<i64, String>,
    ) -> ColumnStore {
        let mut ids = self.ids;
        ids.shrink_to_fit();
        let mut has_problem = self.has_problem;
        let mut reviewed = self.reviewed;
        let mut in_open_sample = self.in_open_sample;
        for bits in [&mut has_problem, &mut reviewed, &mut in_open_sample] {
            bits.shrink_to_fit();
        }
        ColumnStore {
            rows: ids.len(),
            ids,
            start: self.start.finish(),
            agent: self.agent.finish(),
            team: self.team.finish(),
            vendor: self.vendor.finish(),
            direction: self.direction.finish(),
            queue: self.queue.finish(),
            disposition: self.disposition.finish(),
            duration: self.duration.finish(),
            dead_air: self.dead_air.finish(),
            dead_air_count: self.dead_air_count.finish(),
            overtalk: self.overtalk.finish(),
            silence: self.silence.finish(),
            agent_talk: self.agent_talk.finish(),
            loudness: self.loudness.finish(),
            has_problem,
            reviewed,
            in_open_sample,
            agents,
            teams,
            vendors,
        }
    }
}

/// Why a row could not be read: SQLite failed, or a value is not of its column's kind.
enum ReadError {
    Sqlite(rusqlite::Error),
    Unsupported,
}

impl From<rusqlite::Error> for ReadError {
    fn from(error: rusqlite::Error) -> Self {
        ReadError::Sqlite(error)
    }
}

impl From<Unsupported> for ReadError {
    fn from(_: Unsupported) -> Self {
        ReadError::Unsupported
    }
}
