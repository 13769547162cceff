//! Drawn samples (`samples`, `sample_items`): written once when drawn, then only replacements,
//! completions and closing change them, each in the transaction that audits it.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit_log::now_rfc3339;
use super::{StoreError, StoreResult};

/// A sample as stored: what was drawn, how, from what, by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSample {
    pub id: i64,
    pub name: String,
    /// JSON of `hark::sampling::Method`.
    pub method: String,
    /// Criteria-language text.
    pub criteria: String,
    pub generator: String,
    pub seed: u64,
    pub population_size: u64,
    pub population: Vec<u8>,
    pub population_hash: String,
    pub drawn_by: i64,
    pub drawn_by_name: String,
    pub drawn_at: String,
    pub status: SampleStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SampleStatus {
    Open,
    Closed,
}

impl SampleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SampleStatus::Open => "open",
            SampleStatus::Closed => "closed",
        }
    }
}

/// One call of a sample, with what the review queue shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleItem {
    #[ts(type = "number")]
    pub sample_id: i64,
    pub position: u32,
    #[ts(type = "number")]
    pub recording_id: i64,
    pub group: Option<String>,
    pub replaced_reason: Option<String>,
    /// Position of the call that replaced this one.
    pub replaced_by: Option<u32>,
    #[ts(type = "number | null")]
    pub assigned_to: Option<i64>,
    pub assignee: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub completed_at: Option<String>,
    /// An evaluation of this sample call is in progress (a draft).
    pub in_progress: bool,
    pub file_name: String,
    pub agent: Option<String>,
    /// RFC 3339 in the call's own offset.
    pub call_start: Option<String>,
    #[ts(type = "number | null")]
    pub duration_ms: Option<i64>,
}

/// What a new sample row holds.
#[derive(Debug, Clone)]
pub struct NewSample<'a> {
    pub name: &'a str,
    pub method: &'a str,
    pub criteria: &'a str,
    pub generator: &'a str,
    pub seed: u64,
    pub population_size: u64,
    pub population: &'a [u8],
    pub population_hash: &'a str,
    pub drawn_by: i64,
}

/// One call to add to a sample.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub position: u32,
    pub recording_id: i64,
    pub group: Option<&'a str>,
    pub assigned_to: Option<i64>,
    pub due_date: Option<String>,
}

pub fn insert(tx: &Transaction<'_>, sample: &NewSample<'_>) -> StoreResult<i64> {
    tx.execute(
        "INSERT INTO samples (name, method, criteria, generator, seed, population_size,
                              population, population_hash, drawn_by, drawn_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            sample.name,
            sample.method,
            sample.criteria,
            sample.generator,
            sample.seed.to_string(),
            sample.population_size,
            sample.population,
            sample.population_hash,
            sample.drawn_by,
            now_rfc3339(),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn insert_item(tx: &Transaction<'_>, sample_id: i64, item: &NewItem<'_>) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO sample_items (sample_id, position, recording_id, stratum, assigned_to, due_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        sample_id,
        item.position,
        item.recording_id,
        item.group,
        item.assigned_to,
        item.due_date,
    ])?;
    Ok(())
}

/// Marks `position` replaced by `replaced_by`, with the reason.
pub fn mark_replaced(
    tx: &Transaction<'_>,
    sample_id: i64,
    position: u32,
    replaced_by: u32,
    reason: &str,
) -> StoreResult<()> {
    let changed = tx.execute(
        "UPDATE sample_items SET replaced_reason = ?3, replaced_by = ?4, replaced_at = ?5
         WHERE sample_id = ?1 AND position = ?2 AND replaced_by IS NULL",
        params![sample_id, position, reason, replaced_by, now_rfc3339()],
    )?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!(
            "sample {sample_id}: call {position} is not in the sample or was already replaced"
        )));
    }
    Ok(())
}

pub fn set_status(tx: &Transaction<'_>, sample_id: i64, status: SampleStatus) -> StoreResult<()> {
    tx.execute(
        "UPDATE samples SET status = ?2 WHERE id = ?1",
        params![sample_id, status.as_str()],
    )?;
    Ok(())
}

const SAMPLE_COLUMNS: &str = "s.id, s.name, s.method, s.criteria, s.generator, s.seed,
    s.population_size, s.population, s.population_hash, s.drawn_by, u.name, s.drawn_at, s.status";

fn sample_from_row(row: &Row<'_>) -> rusqlite::Result<StoredSample> {
    let seed: String = row.get(5)?;
    let status: String = row.get(12)?;
    Ok(StoredSample {
        id: row.get(0)?,
        name: row.get(1)?,
        method: row.get(2)?,
        criteria: row.get(3)?,
        generator: row.get(4)?,
        seed: seed.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e))
        })?,
        population_size: row.get(6)?,
        population: row.get(7)?,
        population_hash: row.get(8)?,
        drawn_by: row.get(9)?,
        drawn_by_name: row.get(10)?,
        drawn_at: row.get(11)?,
        status: if status == "closed" {
            SampleStatus::Closed
        } else {
            SampleStatus::Open
        },
    })
}

pub fn get(conn: &Connection, sample_id: i64) -> StoreResult<StoredSample> {
    conn.query_row(
        &format!(
            "SELECT {SAMPLE_COLUMNS} FROM samples s JOIN users u ON u.id = s.drawn_by
             WHERE s.id = ?1"
        ),
        [sample_id],
        sample_from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: format!("sample {sample_id}"),
    })
}

/// Every sample, newest first.
pub fn list(conn: &Connection) -> StoreResult<Vec<StoredSample>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SAMPLE_COLUMNS} FROM samples s JOIN users u ON u.id = s.drawn_by
         ORDER BY s.id DESC"
    ))?;
    let rows = stmt.query_map([], sample_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const ITEM_SELECT: &str = "SELECT i.sample_id, i.position, i.recording_id, i.stratum,
        i.replaced_reason, i.replaced_by, i.assigned_to, u.name, i.due_date, i.completed_at,
        r.path, a.name, r.call_start_ms, r.call_utc_offset_min, r.duration_ms,
        EXISTS (SELECT 1 FROM evaluations e WHERE e.sample_id = i.sample_id
                  AND e.sample_position = i.position AND e.status = 'draft')
    FROM sample_items i
    JOIN recordings r ON r.id = i.recording_id
    LEFT JOIN agents a ON a.id = r.agent_id
    LEFT JOIN users u ON u.id = i.assigned_to";

fn item_from_row(row: &Row<'_>) -> rusqlite::Result<SampleItem> {
    let path: String = row.get(10)?;
    let start_ms: Option<i64> = row.get(12)?;
    let offset_min: Option<i32> = row.get(13)?;
    Ok(SampleItem {
        sample_id: row.get(0)?,
        position: row.get(1)?,
        recording_id: row.get(2)?,
        group: row.get(3)?,
        replaced_reason: row.get(4)?,
        replaced_by: row.get(5)?,
        assigned_to: row.get(6)?,
        assignee: row.get(7)?,
        due_date: row.get(8)?,
        completed_at: row.get(9)?,
        in_progress: row.get(15)?,
        file_name: std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned()),
        agent: row.get(11)?,
        call_start: start_ms.and_then(|unix_ms| {
            super::recordings::CallStart {
                unix_ms,
                utc_offset_min: offset_min.unwrap_or(0),
            }
            .to_rfc3339()
        }),
        duration_ms: row.get(14)?,
    })
}

/// A sample's calls in draw order, replaced ones included.
pub fn items(conn: &Connection, sample_id: i64) -> StoreResult<Vec<SampleItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} WHERE i.sample_id = ?1 ORDER BY i.position"
    ))?;
    let rows = stmt.query_map([sample_id], item_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The calls assigned to a reviewer in open samples, not replaced, soonest due first.
pub fn assigned_to(conn: &Connection, reviewer: i64) -> StoreResult<Vec<SampleItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} JOIN samples s ON s.id = i.sample_id
         WHERE i.assigned_to = ?1 AND i.replaced_by IS NULL AND s.status = 'open'
         ORDER BY i.due_date IS NULL, i.due_date, i.sample_id, i.position"
    ))?;
    let rows = stmt.query_map([reviewer], item_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
