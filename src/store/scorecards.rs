//! Scorecard forms (`scorecards`) and their versions (`scorecard_versions`). A version's
//! definition is JSON written by `hark::scorecard`; a version used by an evaluation is frozen
//! (the schema's triggers refuse to change or delete it).

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit_log::now_rfc3339;
use super::{StoreError, StoreResult};

/// One version of a form as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub id: i64,
    pub scorecard_id: i64,
    pub name: String,
    pub version: u32,
    /// JSON of `hark::scorecard::ScorecardDefinition`.
    pub definition: String,
    pub created_at: String,
    pub updated_at: String,
    /// Evaluations (drafts included) made with this version: it is frozen when any are.
    pub evaluations: u32,
}

/// A form as the scorecard list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorecardSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// The newest version's number and id.
    pub latest_version: u32,
    #[ts(type = "number")]
    pub latest_version_id: i64,
    pub versions: u32,
    /// Submitted evaluations over every version.
    pub evaluations: u32,
    pub updated_at: String,
    pub archived: bool,
}

const VERSION_SELECT: &str = "SELECT v.id, v.scorecard_id, s.name, v.version, v.definition,
        v.created_at, v.updated_at,
        (SELECT count(*) FROM evaluations e WHERE e.scorecard_version_id = v.id)
    FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id";

fn version_from_row(row: &Row<'_>) -> rusqlite::Result<StoredVersion> {
    Ok(StoredVersion {
        id: row.get(0)?,
        scorecard_id: row.get(1)?,
        name: row.get(2)?,
        version: row.get(3)?,
        definition: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        evaluations: row.get(7)?,
    })
}

pub fn list(conn: &Connection) -> StoreResult<Vec<ScorecardSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, v.version, v.id,
                (SELECT count(*) FROM scorecard_versions w WHERE w.scorecard_id = s.id),
                (SELECT count(*) FROM evaluations e
                   JOIN scorecard_versions w ON w.id = e.scorecard_version_id
                  WHERE w.scorecard_id = s.id AND e.status = 'submitted'),
                v.updated_at, s.archived
         FROM scorecards s
         JOIN scorecard_versions v ON v.scorecard_id = s.id
          AND v.version = (SELECT max(version) FROM scorecard_versions w
                            WHERE w.scorecard_id = s.id)
         ORDER BY s.archived, s.name",
    )?;
    let rows = stmt
        .query_map([], |row| {
            Ok(ScorecardSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                latest_version: row.get(2)?,
                latest_version_id: row.get(3)?,
                versions: row.get(4)?,
                evaluations: row.get(5)?,
                updated_at: row.get(6)?,
                archived: row.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn version(conn: &Connection, version_id: i64) -> StoreResult<StoredVersion> {
    conn.prepare_cached(&format!("{VERSION_SELECT} WHERE v.id = ?1"))?
        .query_row([version_id], version_from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: format!("scorecard version #{version_id}"),
        })
}

/// Every version of a form, oldest first.
pub fn versions(conn: &Connection, scorecard_id: i64) -> StoreResult<Vec<StoredVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{VERSION_SELECT} WHERE v.scorecard_id = ?1 ORDER BY v.version"
    ))?;
    let rows = stmt
        .query_map([scorecard_id], version_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The newest version of the form named `name` (or of the version number given).
pub fn find_version(
    conn: &Connection,
    name: &str,
    version: Option<u32>,
) -> StoreResult<Option<StoredVersion>> {
    Ok(conn
        .prepare_cached(&format!(
            "{VERSION_SELECT} WHERE s.name = ?1 AND (?2 IS NULL OR v.version = ?2)
             ORDER BY v.version DESC LIMIT 1"
        ))?
        .query_row(params![name.trim(), version], version_from_row)
        .optional()?)
}

pub fn latest_version(conn: &Connection, scorecard_id: i64) -> StoreResult<StoredVersion> {
    conn.prepare_cached(&format!(
        "{VERSION_SELECT} WHERE v.scorecard_id = ?1 ORDER BY v.version DESC LIMIT 1"
    ))?
    .query_row([scorecard_id], version_from_row)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: format!("scorecard #{scorecard_id}"),
    })
}

pub fn scorecard_id_by_name(conn: &Connection, name: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM scorecards WHERE name = ?1")?
        .query_row([name.trim()], |row| row.get(0))
        .optional()?)
}

/// A new form with its version 1; returns the version's id.
pub fn insert(
    tx: &Transaction<'_>,
    name: &str,
    definition: &str,
    created_by: i64,
) -> StoreResult<i64> {
    let now = now_rfc3339();
    tx.execute(
        "INSERT INTO scorecards (name, created_by, created_at) VALUES (?1, ?2, ?3)",
        params![name, created_by, now],
    )?;
    let scorecard_id = tx.last_insert_rowid();
    insert_version(tx, scorecard_id, 1, definition, created_by)
}

pub fn insert_version(
    tx: &Transaction<'_>,
    scorecard_id: i64,
    version: u32,
    definition: &str,
    created_by: i64,
) -> StoreResult<i64> {
    let now = now_rfc3339();
    tx.execute(
        "INSERT INTO scorecard_versions
             (scorecard_id, version, definition, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![scorecard_id, version, definition, created_by, now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Rewrites a version nobody has used yet (the schema refuses a used one).
pub fn update_version(tx: &Transaction<'_>, version_id: i64, definition: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE scorecard_versions SET definition = ?2, updated_at = ?3 WHERE id = ?1",
        params![version_id, definition, now_rfc3339()],
    )?;
    Ok(())
}

/// The form's name follows its newest version's.
pub fn rename(tx: &Transaction<'_>, scorecard_id: i64, name: &str) -> StoreResult<()> {
    tx.execute(
        "UPDATE scorecards SET name = ?2 WHERE id = ?1",
        params![scorecard_id, name],
    )?;
    Ok(())
}

/// Whether form `scorecard_id` is archived (an error when there is no such form).
pub fn is_archived(conn: &Connection, scorecard_id: i64) -> StoreResult<bool> {
    conn.prepare_cached("SELECT archived FROM scorecards WHERE id = ?1")?
        .query_row([scorecard_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: format!("scorecard #{scorecard_id}"),
        })
}

pub fn set_archived(tx: &Transaction<'_>, scorecard_id: i64, archived: bool) -> StoreResult<()> {
    tx.execute(
        "UPDATE scorecards SET archived = ?2 WHERE id = ?1",
        params![scorecard_id, archived],
    )?;
    Ok(())
}
