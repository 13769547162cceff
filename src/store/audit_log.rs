//! The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
//! previous entry's hash, and `audit_head` keeps the newest (seq, hash), so an edited, inserted
//! or deleted entry (the newest included) is found by [`verify`].

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::StoreResult;
use super::users::User;

/// The append-only triggers the schema installs; their absence is itself reported.
const GUARD_TRIGGERS: [&str; 2] = ["audit_log_no_update", "audit_log_no_delete"];

pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    #[ts(type = "number | null")]
    pub user_id: Option<i64>,
    pub user_name: String,
    pub action: String,
    pub object: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// BLAKE3 over every field but `hash`, each length-prefixed so no two field lists collide.
    fn compute_hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        let user_id = self.user_id.map(|id| id.to_string()).unwrap_or_default();
        let seq = self.seq.to_string();
        for field in [
            seq.as_str(),
            &self.at,
            &user_id,
            &self.user_name,
            &self.action,
            &self.object,
            &self.details,
            &self.prev_hash,
        ] {
            hasher.update(&(field.len() as u64).to_le_bytes());
            hasher.update(field.as_bytes());
        }
        hasher.finalize().to_hex().to_string()
    }
}

/// Appends an entry inside the caller's transaction, so the change and its record commit
/// together or not at all.
pub fn append(
    tx: &Transaction<'_>,
    actor: &User,
    action: &str,
    object: &str,
    details: &serde_json::Value,
) -> StoreResult<AuditEntry> {
    let (head_seq, head_hash): (i64, String) =
        tx.query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let mut entry = AuditEntry {
        seq: head_seq + 1,
        at: now_rfc3339(),
        user_id: Some(actor.id),
        user_name: actor.name.clone(),
        action: action.to_owned(),
        object: object.to_owned(),
        details: details.to_string(),
        prev_hash: head_hash,
        hash: String::new(),
    };
    entry.hash = entry.compute_hash();
    tx.execute(
        "INSERT INTO audit_log (seq, at, user_id, user_name, action, object, details, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            entry.seq,
            entry.at,
            entry.user_id,
            entry.user_name,
            entry.action,
            entry.object,
            entry.details,
            entry.prev_hash,
            entry.hash
        ],
    )?;
    tx.execute(
        "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1",
        params![entry.seq, entry.hash],
    )?;
    Ok(entry)
}

/// The newest entries first.
pub fn recent(conn: &Connection, limit: u32) -> StoreResult<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, user_id, user_name, action, object, details, prev_hash, hash
         FROM audit_log ORDER BY seq DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], entry_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: row.get(0)?,
        at: row.get(1)?,
        user_id: row.get(2)?,
        user_name: row.get(3)?,
        action: row.get(4)?,
        object: row.get(5)?,
        details: row.get(6)?,
        prev_hash: row.get(7)?,
        hash: row.get(8)?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditProblem {
    /// The entry the problem was found at (0 when it concerns the log as a whole).
    #[ts(type = "number")]
    pub seq: i64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditVerification {
    pub ok: bool,
    #[ts(type = "number")]
    pub entries: i64,
    pub problems: Vec<AuditProblem>,
}

/// Walks the whole chain and reports every entry that was edited, removed or inserted.
pub fn verify(conn: &Connection) -> StoreResult<AuditVerification> {
    let mut problems = Vec::new();
    let mut problem = |seq: i64, message: String| problems.push(AuditProblem { seq, message });

    for trigger in GUARD_TRIGGERS {
        let present: Option<String> = conn
            .query_row(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [trigger],
                |row| row.get(0),
            )
            .optional()?;
        if present.is_none() {
            problem(0, format!("the append-only guard {trigger} was removed"));
        }
    }

    let mut stmt = conn.prepare(
        "SELECT seq, at, user_id, user_name, action, object, details, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1;
    let mut prev_hash = String::new();
    let mut entries = 0;
    while let Some(row) = rows.next()? {
        let entry = entry_from_row(row)?;
        entries += 1;
        if entry.seq != expected_seq {
            let missing = if entry.seq == expected_seq + 1 {
                format!("entry {expected_seq} is missing (deleted)")
            } else {
                format!(
                    "entries {expected_seq} to {} are missing (deleted)",
                    entry.seq - 1
                )
            };
            problem(entry.seq, missing);
        }
        if entry.prev_hash != prev_hash {
            problem(
                entry.seq,
                format!("entry {} does not follow the entry before it", entry.seq),
            );
        }
        if entry.compute_hash() != entry.hash {
            problem(
                entry.seq,
                format!(
                    "entry {} ({} on {} by {}) was edited: its content does not match its hash",
                    entry.seq, entry.action, entry.object, entry.user_name
                ),
            );
        }
        expected_seq = entry.seq + 1;
        prev_hash = entry.hash;
    }

    let (head_seq, head_hash): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    if head_seq != expected_seq - 1 || head_hash != prev_hash {
        problem(
            head_seq,
            format!(
                "the log ends at entry {} but entry {head_seq} was the last one written: \
                 newest entries were deleted or the head was altered",
                expected_seq - 1
            ),
        );
    }

    Ok(AuditVerification {
        ok: problems.is_empty(),
        entries,
        problems,
    })
}
