//! The Library: paged, sorted, filtered reads over recordings for the table view and `hark list`.

use rusqlite::{Connection, OptionalExtension, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::StoreResult;
use crate::store::recordings::{CallStart, Direction, RecordingStatus};

/// The most rows one page may ask for: the table fetches small pages as it scrolls.
pub const MAX_PAGE: u32 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LibrarySort {
    #[default]
    CallStart,
    DurationMs,
    Agent,
    Team,
    Vendor,
    Queue,
    Disposition,
    Direction,
    FileName,
    AgentTalkShare,
    SilenceShare,
    DeadAirLongest,
    Overtalk,
    Loudness,
}

impl LibrarySort {
    /// The ORDER BY expression; a fixed list, never built from user text.
    fn column(self) -> &'static str {
        match self {
            LibrarySort::CallStart => "r.call_start_ms",
            LibrarySort::DurationMs => "r.duration_ms",
            LibrarySort::Agent => "f.agent_name",
            LibrarySort::Team => "f.team_name",
            LibrarySort::Vendor => "f.vendor_name",
            LibrarySort::Queue => "r.queue",
            LibrarySort::Disposition => "r.disposition",
            LibrarySort::Direction => "r.direction",
            LibrarySort::FileName => "r.path",
            LibrarySort::AgentTalkShare => "f.agent_talk_share",
            LibrarySort::SilenceShare => "f.silence_share",
            LibrarySort::DeadAirLongest => "f.dead_air_longest_ms",
            LibrarySort::Overtalk => "f.overtalk_ms",
            LibrarySort::Loudness => "f.loudness_lufs",
        }
    }

    /// The id that breaks ties, from the same table as the sort column: with it the order is
    /// exactly one index's order (every index ends in the rowid).
    fn tie_break(self) -> &'static str {
        if self.column().starts_with("f.") {
            "f.recording_id"
        } else {
            "r.id"
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryQuery {
    /// Matched (case-insensitively) against file path, agent, numbers and call id.
    pub search: Option<String>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub vendor: Option<String>,
    pub queue: Option<String>,
    pub direction: Option<Direction>,
    pub status: Option<RecordingStatus>,
    pub sort_by: LibrarySort,
    pub sort_desc: bool,
    pub offset: u32,
    pub limit: u32,
}

impl Default for LibraryQuery {
    fn default() -> Self {
        LibraryQuery {
            search: None,
            agent: None,
            team: None,
            vendor: None,
            queue: None,
            direction: None,
            status: None,
            sort_by: LibrarySort::CallStart,
            sort_desc: false,
            offset: 0,
            limit: 200,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryRow {
    #[ts(type = "number")]
    pub id: i64,
    pub path: String,
    pub file_name: String,
    /// RFC 3339 in the offset the source stated.
    pub call_start: Option<String>,
    #[ts(type = "number | null")]
    pub duration_ms: Option<i64>,
    pub direction: Option<Direction>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub vendor: Option<String>,
    pub queue: Option<String>,
    pub disposition: Option<String>,
    pub caller_number: Option<String>,
    pub callee_number: Option<String>,
    pub external_call_id: Option<String>,
    pub container: Option<String>,
    pub codec: Option<String>,
    pub sample_rate: Option<u32>,
    pub channels: Option<u16>,
    pub status: RecordingStatus,
    pub problem: Option<String>,
    /// Speech metrics, all null until the recording is analysed (per-side ones stay null for
    /// mono recordings).
    pub agent_talk_share: Option<f64>,
    pub silence_share: Option<f64>,
    #[ts(type = "number | null")]
    pub dead_air_longest_ms: Option<i64>,
    #[ts(type = "number | null")]
    pub overtalk_ms: Option<i64>,
    pub loudness_lufs: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryPage {
    /// Rows matching the filters, over all pages.
    #[ts(type = "number")]
    pub total: i64,
    pub offset: u32,
    pub rows: Vec<LibraryRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct LibraryFacets {
    pub agents: Vec<String>,
    pub teams: Vec<String>,
    pub vendors: Vec<String>,
    pub queues: Vec<String>,
    pub dispositions: Vec<String>,
}

/// Names and metrics come from `recording_facts` (migration 0005), which has one row per
/// recording and an index on each of them for sorting.
const FROM: &str = "FROM recordings r JOIN recording_facts f ON f.recording_id = r.id";

/// Which columns a query's filters are written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FilterColumns {
    /// recordings' own, which SQLite searches with their indexes: for counts, and for pages
    /// that sort the few rows matching.
    Indexed,
    /// `+r.column`: not searchable, so SQLite walks the (recordings) sort column's index and
    /// checks each row.
    WalkRecordings,
    /// `+f.column`: checked inside the recording_facts sort index walked, which holds them.
    WalkFacts,
}

impl FilterColumns {
    /// Sorting the matching rows costs a row fetch each; walking the sort index costs about
    /// `all / matching` entries per row of the page and of the offset before it.
    fn for_page(matching: i64, all: i64, query: &LibraryQuery) -> FilterColumns {
        let reach = f64::from(query.offset) + f64::from(query.limit.min(MAX_PAGE));
        if (matching as f64).powi(2) <= reach * all as f64 {
            FilterColumns::Indexed
        } else if query.sort_by.column().starts_with("f.") {
            FilterColumns::WalkFacts
        } else {
            FilterColumns::WalkRecordings
        }
    }
}

/// The WHERE clause and its bound values for a query's filters.
fn filters(query: &LibraryQuery, columns: FilterColumns) -> (String, Vec<Box<dyn ToSql>>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Box<dyn ToSql>> = Vec::new();
    let (prefix, table) = match columns {
        FilterColumns::Indexed => ("", "r"),
        FilterColumns::WalkRecordings => ("+", "r"),
        FilterColumns::WalkFacts => ("+", "f"),
    };
    let mut equal = |clause: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            clauses.push(format!("{prefix}{clause}"));
            values.push(Box::new(value.to_owned()));
        }
    };
    // Party ids, not joined names: counts then read only the recordings_agent (team, vendor)
    // index.
    equal(
        &format!("{table}.agent_id IN (SELECT id FROM agents WHERE name = ?)"),
        query.agent.as_deref(),
    );
    equal(
        &format!("{table}.team_id IN (SELECT id FROM teams WHERE name = ?)"),
        query.team.as_deref(),
    );
    equal(
        &format!("{table}.vendor_id IN (SELECT id FROM vendors WHERE name = ?)"),
        query.vendor.as_deref(),
    );
    equal(&format!("{table}.queue = ?"), query.queue.as_deref());
    equal(
        &format!("{table}.direction = ?"),
        query.direction.map(Direction::as_str),
    );
    equal("r.status = ?", query.status.map(RecordingStatus::as_str));
    if let Some(search) = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        clauses.push(
            "(r.path LIKE ? ESCAPE '\\' OR f.agent_name LIKE ? ESCAPE '\\'
              OR r.caller_number LIKE ? ESCAPE '\\' OR r.callee_number LIKE ? ESCAPE '\\'
              OR r.external_call_id LIKE ? ESCAPE '\\')"
                .into(),
        );
        let pattern = like_pattern(search);
        // One value per placeholder of the clause above.
        for _ in 0..5 {
            values.push(Box::new(pattern.clone()));
        }
    }
    if clauses.is_empty() {
        return (String::new(), values);
    }
    (format!(" WHERE {}", clauses.join(" AND ")), values)
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it taken literally.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

pub fn page(conn: &Connection, query: &LibraryQuery) -> StoreResult<LibraryPage> {
    let (filter_sql, values) = filters(query, FilterColumns::Indexed);
    let params: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();
    // Only the search reads recording_facts (agent names); without it the count reads one
    // recordings index.
    let count_from = if query
        .search
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty())
    {
        FROM
    } else {
        "FROM recordings r"
    };
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) {count_from}{filter_sql}"))?
        .query_row(params.as_slice(), |row| row.get(0))?;
    let all: i64 = conn
        .prepare_cached("SELECT count(*) FROM recordings")?
        .query_row([], |row| row.get(0))?;
    let (filter_sql, values) = filters(query, FilterColumns::for_page(total, all, query));
    let params: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();

    let direction = if query.sort_desc { "DESC" } else { "ASC" };
    // Plain `column, id` in one direction lets SQLite walk the column's index instead of
    // sorting the whole table for every page (NULLs come first ascending, last descending).
    let order = query.sort_by.column();
    let tie_break = query.sort_by.tie_break();
    let sql = format!(
        "SELECT {COLUMNS} {FROM}{filter_sql}
         ORDER BY {order} {direction}, {tie_break} {direction}
         LIMIT {} OFFSET {}",
        query.limit.min(MAX_PAGE),
        query.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params.as_slice(), read_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(LibraryPage {
        total,
        offset: query.offset,
        rows,
    })
}

/// One recording as the Library shows it; `None` when no recording has this id.
pub fn row(conn: &Connection, id: i64) -> StoreResult<Option<LibraryRow>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE r.id = ?1"))?
        .query_row([id], read_row)
        .optional()?)
}

/// The columns `read_row` reads, in its order.
const COLUMNS: &str = "r.id, r.path, r.call_start_ms, r.call_utc_offset_min, r.duration_ms,
    r.direction, f.agent_name, f.team_name, f.vendor_name, r.queue, r.disposition, r.caller_number,
    r.callee_number, r.external_call_id, r.container, r.codec, r.sample_rate, r.channels,
    r.status, r.problem, f.agent_talk_share, f.silence_share, f.dead_air_longest_ms,
    f.overtalk_ms, f.loudness_lufs";

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<LibraryRow> {
    let path: String = row.get(1)?;
    let start_ms: Option<i64> = row.get(2)?;
    let offset_min: Option<i32> = row.get(3)?;
    let direction: Option<String> = row.get(5)?;
    let status: String = row.get(18)?;
    Ok(LibraryRow {
        id: row.get(0)?,
        file_name: file_name(&path),
        path,
        call_start: start_ms.and_then(|unix_ms| {
            CallStart {
                unix_ms,
                utc_offset_min: offset_min.unwrap_or(0),
            }
            .to_rfc3339()
        }),
        duration_ms: row.get(4)?,
        direction: direction.as_deref().and_then(Direction::parse),
        agent: row.get(6)?,
        team: row.get(7)?,
        vendor: row.get(8)?,
        queue: row.get(9)?,
        disposition: row.get(10)?,
        caller_number: row.get(11)?,
        callee_number: row.get(12)?,
        external_call_id: row.get(13)?,
        container: row.get(14)?,
        codec: row.get(15)?,
        sample_rate: row.get(16)?,
        channels: row.get(17)?,
        status: RecordingStatus::parse(&status).unwrap_or(RecordingStatus::Unreadable),
        problem: row.get(19)?,
        agent_talk_share: row.get(20)?,
        silence_share: row.get(21)?,
        dead_air_longest_ms: row.get(22)?,
        overtalk_ms: row.get(23)?,
        loudness_lufs: row.get(24)?,
    })
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_owned())
}

/// The distinct values the Library's filter menus offer.
pub fn facets(conn: &Connection) -> StoreResult<LibraryFacets> {
    let names = |sql: &str| -> StoreResult<Vec<String>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let values = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(values)
    };
    Ok(LibraryFacets {
        agents: names("SELECT name FROM agents ORDER BY name")?,
        teams: names("SELECT name FROM teams ORDER BY name")?,
        vendors: names("SELECT name FROM vendors ORDER BY name")?,
        queues: names(
            "SELECT DISTINCT queue FROM recordings WHERE queue IS NOT NULL ORDER BY queue",
        )?,
        dispositions: names(
            "SELECT DISTINCT disposition FROM recordings WHERE disposition IS NOT NULL
             ORDER BY disposition",
        )?,
    })
}
