//! Named filters: criteria saved under a unique name for reuse in the UI and on the command
//! line. The canonical criteria text is stored, so a filter reads back as it would print.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::users::User;
use super::{StoreError, StoreResult, audit_log};
use crate::sampling::Criteria;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedFilter {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// In the criteria language, canonical.
    pub criteria: String,
    pub created_by: String,
    pub created_at: String,
}

const SELECT: &str = "SELECT f.id, f.name, f.criteria, u.name, f.created_at
    FROM saved_filters f JOIN users u ON u.id = f.created_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<SavedFilter> {
    Ok(SavedFilter {
        id: row.get(0)?,
        name: row.get(1)?,
        criteria: row.get(2)?,
        created_by: row.get(3)?,
        created_at: row.get(4)?,
    })
}

/// Every saved filter, by name.
pub fn list(conn: &Connection) -> StoreResult<Vec<SavedFilter>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY f.name"))?;
    let filters = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(filters)
}

/// The filter saved under `name`, if any.
pub fn get(conn: &Connection, name: &str) -> StoreResult<Option<SavedFilter>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE f.name = ?1"))?
        .query_row([name.trim()], from_row)
        .optional()?)
}

/// Saves `criteria` under a new `name`; a name already taken is refused.
pub fn save(
    tx: &Transaction<'_>,
    actor: &User,
    name: &str,
    criteria: &Criteria,
) -> StoreResult<SavedFilter> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("a saved filter needs a name".into()));
    }
    if get(tx, name)?.is_some() {
        return Err(StoreError::Invalid(format!(
            "a filter named {name:?} already exists"
        )));
    }
    let text = criteria.to_string();
    tx.execute(
        "INSERT INTO saved_filters (name, criteria, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![name, text, actor.id, audit_log::now_rfc3339()],
    )?;
    let id = tx.last_insert_rowid();
    audit_log::append(
        tx,
        actor,
        "filter.save",
        &format!("filter:{id}"),
        &serde_json::json!({ "name": name, "criteria": text }),
    )?;
    get(tx, name)?.ok_or_else(|| StoreError::NotFound {
        what: format!("saved filter {name:?}"),
    })
}

/// Replaces the criteria of the filter saved under `name`.
pub fn update(
    tx: &Transaction<'_>,
    actor: &User,
    name: &str,
    criteria: &Criteria,
) -> StoreResult<SavedFilter> {
    let existing = get(tx, name)?.ok_or_else(|| not_found(name))?;
    let text = criteria.to_string();
    tx.execute(
        "UPDATE saved_filters SET criteria = ?2 WHERE id = ?1",
        params![existing.id, text],
    )?;
    audit_log::append(
        tx,
        actor,
        "filter.update",
        &format!("filter:{}", existing.id),
        &serde_json::json!({ "name": existing.name, "from": existing.criteria, "to": text }),
    )?;
    get(tx, name)?.ok_or_else(|| not_found(name))
}

/// Deletes the filter saved under `name`; samples drawn with it keep their own copy.
pub fn delete(tx: &Transaction<'_>, actor: &User, name: &str) -> StoreResult<()> {
    let existing = get(tx, name)?.ok_or_else(|| not_found(name))?;
    tx.execute("DELETE FROM saved_filters WHERE id = ?1", [existing.id])?;
    audit_log::append(
        tx,
        actor,
        "filter.delete",
        &format!("filter:{}", existing.id),
        &serde_json::json!({ "name": existing.name, "criteria": existing.criteria }),
    )?;
    Ok(())
}

fn not_found(name: &str) -> StoreError {
    StoreError::NotFound {
        what: format!("saved filter {:?}", name.trim()),
    }
}
