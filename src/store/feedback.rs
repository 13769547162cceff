//! The agent's side of an evaluation: acknowledgements (`acknowledgements`) and disputes
//! (`disputes`, changed only once, when resolved).

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit_log::now_rfc3339;
use super::{StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledgement {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub evaluation_id: i64,
    pub revision: u32,
    pub comment: String,
    /// The profile that recorded it: the agent's own, or a lead's with the agent.
    pub by: String,
    pub by_agent: bool,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DisputeStatus {
    Open,
    Accepted,
    Rejected,
}

impl DisputeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DisputeStatus::Open => "open",
            DisputeStatus::Accepted => "accepted",
            DisputeStatus::Rejected => "rejected",
        }
    }
}

/// A dispute as stored, with the names lists show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDispute {
    pub id: i64,
    pub evaluation_id: i64,
    pub revision: u32,
    pub question_key: String,
    pub reason: String,
    /// JSON of `hark::scorecard::AnswerValue`.
    pub proposed: String,
    pub raised_by: String,
    pub raised_at: String,
    pub status: DisputeStatus,
    pub reply: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
    pub new_revision: Option<u32>,
    pub agent: Option<String>,
    pub recording_id: i64,
}

const DISPUTE_SELECT: &str = "SELECT d.id, d.evaluation_id, d.revision, d.question_key,
        d.reason, d.proposed, ru.name, d.raised_at, d.status, d.reply, su.name, d.resolved_at,
        d.new_revision, a.name, e.recording_id
    FROM disputes d
    JOIN evaluations e ON e.id = d.evaluation_id
    JOIN users ru ON ru.id = d.raised_by
    LEFT JOIN users su ON su.id = d.resolved_by
    LEFT JOIN agents a ON a.id = e.agent_id";

fn dispute_from_row(row: &Row<'_>) -> rusqlite::Result<StoredDispute> {
    let status: String = row.get(8)?;
    Ok(StoredDispute {
        id: row.get(0)?,
        evaluation_id: row.get(1)?,
        revision: row.get(2)?,
        question_key: row.get(3)?,
        reason: row.get(4)?,
        proposed: row.get(5)?,
        raised_by: row.get(6)?,
        raised_at: row.get(7)?,
        status: match status.as_str() {
            "accepted" => DisputeStatus::Accepted,
            "rejected" => DisputeStatus::Rejected,
            _ => DisputeStatus::Open,
        },
        reply: row.get(9)?,
        resolved_by: row.get(10)?,
        resolved_at: row.get(11)?,
        new_revision: row.get(12)?,
        agent: row.get(13)?,
        recording_id: row.get(14)?,
    })
}

pub fn acknowledgements(
    conn: &Connection,
    evaluation_id: i64,
) -> StoreResult<Vec<Acknowledgement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.id, k.evaluation_id, k.revision, k.comment, u.name, u.role = 'agent', k.at
         FROM acknowledgements k JOIN users u ON u.id = k.by_user
         WHERE k.evaluation_id = ?1 ORDER BY k.id",
    )?;
    let rows = stmt
        .query_map([evaluation_id], |row| {
            Ok(Acknowledgement {
                id: row.get(0)?,
                evaluation_id: row.get(1)?,
                revision: row.get(2)?,
                comment: row.get(3)?,
                by: row.get(4)?,
                by_agent: row.get(5)?,
                at: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn insert_acknowledgement(
    tx: &Transaction<'_>,
    evaluation_id: i64,
    revision: u32,
    comment: &str,
    by_user: i64,
) -> StoreResult<i64> {
    tx.execute(
        "INSERT INTO acknowledgements (evaluation_id, revision, comment, by_user, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![evaluation_id, revision, comment, by_user, now_rfc3339()],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn dispute(conn: &Connection, id: i64) -> StoreResult<StoredDispute> {
    conn.prepare_cached(&format!("{DISPUTE_SELECT} WHERE d.id = ?1"))?
        .query_row([id], dispute_from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: format!("dispute #{id}"),
        })
}

pub fn disputes_of(conn: &Connection, evaluation_id: i64) -> StoreResult<Vec<StoredDispute>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{DISPUTE_SELECT} WHERE d.evaluation_id = ?1 ORDER BY d.id"
    ))?;
    let rows = stmt
        .query_map([evaluation_id], dispute_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every open dispute, oldest first.
pub fn open_disputes(conn: &Connection) -> StoreResult<Vec<StoredDispute>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{DISPUTE_SELECT} WHERE d.status = 'open' ORDER BY d.raised_at, d.id"
    ))?;
    let rows = stmt
        .query_map([], dispute_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What a new dispute holds.
#[derive(Debug, Clone)]
pub struct NewDispute<'a> {
    pub evaluation_id: i64,
    pub revision: u32,
    pub question_key: &'a str,
    pub reason: &'a str,
    pub proposed: &'a str,
    pub raised_by: i64,
}

pub fn insert_dispute(tx: &Transaction<'_>, new: &NewDispute<'_>) -> StoreResult<i64> {
    tx.execute(
        "INSERT INTO disputes (evaluation_id, revision, question_key, reason, proposed,
                               raised_by, raised_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new.evaluation_id,
            new.revision,
            new.question_key,
            new.reason,
            new.proposed,
            new.raised_by,
            now_rfc3339()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn resolve_dispute(
    tx: &Transaction<'_>,
    id: i64,
    status: DisputeStatus,
    reply: &str,
    resolved_by: i64,
    new_revision: Option<u32>,
) -> StoreResult<()> {
    let changed = tx.execute(
        "UPDATE disputes SET status = ?2, reply = ?3, resolved_by = ?4, resolved_at = ?5,
                             new_revision = ?6
         WHERE id = ?1 AND status = 'open'",
        params![
            id,
            status.as_str(),
            reply,
            resolved_by,
            now_rfc3339(),
            new_revision
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::Invalid(format!("dispute #{id} is not open")));
    }
    Ok(())
}
