//! Recordings: one row per audio file Hark has indexed. Hark never writes to the files.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::StoreResult;
use super::audit_log;
use super::parties::{self, PartyKind};
use super::users::User;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Inbound,
    Outbound,
    Internal,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Inbound => "inbound",
            Direction::Outbound => "outbound",
            Direction::Internal => "internal",
        }
    }

    /// Reads the spellings PBXs and CDR exports use (`in`, `inbound`, `incoming`, ...).
    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim().to_ascii_lowercase().as_str() {
            "in" | "inbound" | "incoming" | "i" => Some(Direction::Inbound),
            "out" | "outbound" | "outgoing" | "o" => Some(Direction::Outbound),
            "internal" | "local" | "exten" => Some(Direction::Internal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RecordingStatus {
    Ok,
    Missing,
    Unreadable,
}

impl RecordingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordingStatus::Ok => "ok",
            RecordingStatus::Missing => "missing",
            RecordingStatus::Unreadable => "unreadable",
        }
    }

    pub fn parse(text: &str) -> Option<RecordingStatus> {
        [Self::Ok, Self::Missing, Self::Unreadable]
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

/// A call's start: the instant, and the UTC offset the source stated it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallStart {
    pub unix_ms: i64,
    pub utc_offset_min: i32,
}

impl CallStart {
    pub fn from_datetime(time: chrono::DateTime<chrono::FixedOffset>) -> CallStart {
        CallStart {
            unix_ms: time.timestamp_millis(),
            utc_offset_min: time.offset().local_minus_utc() / 60,
        }
    }

    /// RFC 3339 in the offset the source used, e.g. `2026-11-02T09:14:05+03:30`.
    pub fn to_rfc3339(self) -> Option<String> {
        let offset = chrono::FixedOffset::east_opt(self.utc_offset_min * 60)?;
        let utc = chrono::DateTime::from_timestamp_millis(self.unix_ms)?;
        Some(
            utc.with_timezone(&offset)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        )
    }
}

/// What is known about a file's audio (from the decoder's probe).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AudioFacts {
    pub container: Option<String>,
    pub codec: Option<String>,
    pub sample_rate: Option<u32>,
    pub channels: Option<u16>,
    pub duration_ms: Option<u64>,
}

/// Call metadata from file names or call records; names are resolved to party rows on insert.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallFacts {
    pub call_start: Option<CallStart>,
    pub direction: Option<Direction>,
    pub agent: Option<String>,
    pub team: Option<String>,
    pub vendor: Option<String>,
    pub queue: Option<String>,
    pub disposition: Option<String>,
    pub caller_number: Option<String>,
    pub callee_number: Option<String>,
    pub external_call_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRecording {
    pub path: String,
    pub content_hash: Option<String>,
    pub size_bytes: u64,
    pub mtime_ns: i64,
    pub audio: AudioFacts,
    pub call: CallFacts,
    pub status: RecordingStatus,
    pub problem: Option<String>,
}

pub fn id_by_path(conn: &Connection, path: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM recordings WHERE path = ?1", [path], |row| {
            row.get(0)
        })
        .optional()?)
}

pub fn count(conn: &Connection) -> StoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM recordings", [], |row| row.get(0))?)
}

/// The agent, team and vendor rows a call's names refer to, created as needed.
struct PartyIds {
    agent_id: Option<i64>,
    team_id: Option<i64>,
    vendor_id: Option<i64>,
}

fn party_ids(tx: &Transaction<'_>, call: &CallFacts) -> StoreResult<PartyIds> {
    let team_id = call
        .team
        .as_deref()
        .map(|name| parties::ensure(tx, PartyKind::Team, name))
        .transpose()?;
    let vendor_id = call
        .vendor
        .as_deref()
        .map(|name| parties::ensure(tx, PartyKind::Vendor, name))
        .transpose()?;
    let agent_id = call
        .agent
        .as_deref()
        .map(|name| parties::ensure_agent(tx, name, team_id, vendor_id))
        .transpose()?;
    Ok(PartyIds {
        agent_id,
        team_id,
        vendor_id,
    })
}

/// Inserts one recording, creating its agent, team and vendor rows as needed. The caller
/// appends the audit entry for the batch this insert belongs to.
pub fn insert(tx: &Transaction<'_>, actor: &User, new: &NewRecording) -> StoreResult<i64> {
    let call = &new.call;
    let PartyIds {
        agent_id,
        team_id,
        vendor_id,
    } = party_ids(tx, call)?;
    let audio = &new.audio;
    tx.prepare_cached(
        "INSERT INTO recordings (
            path, content_hash, size_bytes, mtime_ns, container, codec, sample_rate, channels,
            duration_ms, call_start_ms, call_utc_offset_min, direction, agent_id, team_id,
            vendor_id, queue, disposition, caller_number, callee_number, external_call_id,
            status, problem, imported_at, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    )?
    .execute(params![
        new.path,
        new.content_hash,
        new.size_bytes as i64,
        new.mtime_ns,
        audio.container,
        audio.codec,
        audio.sample_rate,
        audio.channels,
        audio.duration_ms.map(|ms| ms as i64),
        call.call_start.map(|start| start.unix_ms),
        call.call_start.map(|start| start.utc_offset_min),
        call.direction.map(Direction::as_str),
        agent_id,
        team_id,
        vendor_id,
        call.queue,
        call.disposition,
        call.caller_number,
        call.callee_number,
        call.external_call_id,
        new.status.as_str(),
        new.problem,
        audit_log::now_rfc3339(),
        actor.id,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// What an import needs to know of a recording already in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: i64,
    pub size_bytes: u64,
    pub mtime_ns: i64,
    pub content_hash: Option<String>,
    pub status: RecordingStatus,
}

/// Every recording's path with what an import compares, for one-stat re-scans.
pub fn index_by_path(conn: &Connection) -> StoreResult<std::collections::HashMap<String, Known>> {
    let mut stmt = conn
        .prepare("SELECT path, id, size_bytes, mtime_ns, content_hash, status FROM recordings")?;
    let rows = stmt.query_map([], |row| {
        let status: String = row.get(5)?;
        Ok((
            row.get::<_, String>(0)?,
            Known {
                id: row.get(1)?,
                size_bytes: row.get::<_, i64>(2)? as u64,
                mtime_ns: row.get(3)?,
                content_hash: row.get(4)?,
                status: RecordingStatus::parse(&status).unwrap_or(RecordingStatus::Unreadable),
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces what was read from the file (after it changed, or became readable again). Call
/// metadata is only filled where the row has none, so edits and CDR values are kept.
pub fn update_file(tx: &Transaction<'_>, id: i64, new: &NewRecording) -> StoreResult<()> {
    let audio = &new.audio;
    tx.prepare_cached(
        "UPDATE recordings SET content_hash = ?2, size_bytes = ?3, mtime_ns = ?4, container = ?5,
            codec = ?6, sample_rate = ?7, channels = ?8, duration_ms = ?9, status = ?10,
            problem = ?11
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        new.content_hash,
        new.size_bytes as i64,
        new.mtime_ns,
        audio.container,
        audio.codec,
        audio.sample_rate,
        audio.channels,
        audio.duration_ms.map(|ms| ms as i64),
        new.status.as_str(),
        new.problem,
    ])?;
    fill_call_facts(tx, id, &new.call)
}

/// A recording found at a new path (same content): it keeps its id, and so its history.
pub fn move_to(tx: &Transaction<'_>, id: i64, path: &str, mtime_ns: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE recordings SET path = ?2, mtime_ns = ?3, status = 'ok', problem = NULL
         WHERE id = ?1",
        params![id, path, mtime_ns],
    )?;
    Ok(())
}

pub fn mark_missing(tx: &Transaction<'_>, id: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE recordings SET status = 'missing', problem = 'the file is no longer there'
         WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Sets each call field that the row does not have yet; fields it has are left as they are.
pub fn fill_call_facts(tx: &Transaction<'_>, id: i64, call: &CallFacts) -> StoreResult<()> {
    let PartyIds {
        agent_id,
        team_id,
        vendor_id,
    } = party_ids(tx, call)?;
    tx.prepare_cached(
        "UPDATE recordings SET
            call_start_ms = coalesce(call_start_ms, ?2),
            call_utc_offset_min = coalesce(call_utc_offset_min, ?3),
            direction = coalesce(direction, ?4),
            agent_id = coalesce(agent_id, ?5),
            team_id = coalesce(team_id, ?6),
            vendor_id = coalesce(vendor_id, ?7),
            queue = coalesce(queue, ?8),
            disposition = coalesce(disposition, ?9),
            caller_number = coalesce(caller_number, ?10),
            callee_number = coalesce(callee_number, ?11),
            external_call_id = coalesce(external_call_id, ?12)
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        call.call_start.map(|s| s.unix_ms),
        call.call_start.map(|s| s.utc_offset_min),
        call.direction.map(Direction::as_str),
        agent_id,
        team_id,
        vendor_id,
        call.queue,
        call.disposition,
        call.caller_number,
        call.callee_number,
        call.external_call_id,
    ])?;
    Ok(())
}

/// The call metadata a recording has now, for comparing with a call record.
pub fn call_facts(conn: &Connection, id: i64) -> StoreResult<CallFacts> {
    Ok(conn.query_row(
        "SELECT r.call_start_ms, r.call_utc_offset_min, r.direction, a.name, t.name, v.name,
                r.queue, r.disposition, r.caller_number, r.callee_number, r.external_call_id
         FROM recordings r
         LEFT JOIN agents a ON a.id = r.agent_id
         LEFT JOIN teams t ON t.id = r.team_id
         LEFT JOIN vendors v ON v.id = r.vendor_id
         WHERE r.id = ?1",
        [id],
        |row| {
            let start: Option<i64> = row.get(0)?;
            let direction: Option<String> = row.get(2)?;
            Ok(CallFacts {
                call_start: start.map(|unix_ms| CallStart {
                    unix_ms,
                    utc_offset_min: row.get::<_, Option<i32>>(1).ok().flatten().unwrap_or(0),
                }),
                direction: direction.as_deref().and_then(Direction::parse),
                agent: row.get(3)?,
                team: row.get(4)?,
                vendor: row.get(5)?,
                queue: row.get(6)?,
                disposition: row.get(7)?,
                caller_number: row.get(8)?,
                callee_number: row.get(9)?,
                external_call_id: row.get(10)?,
            })
        },
    )?)
}

/// The agent of recording `id` (an error when there is no such recording).
pub fn agent_id(conn: &Connection, id: i64) -> StoreResult<Option<i64>> {
    conn.prepare_cached("SELECT agent_id FROM recordings WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| super::StoreError::NotFound {
            what: format!("recording #{id}"),
        })
}
