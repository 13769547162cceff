//! Agents, teams and vendors: the people and organisations recordings belong to.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::StoreResult;

/// Which party table a name belongs to. The table names are fixed here, never user input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyKind {
    Team,
    Vendor,
}

impl PartyKind {
    fn table(self) -> &'static str {
        match self {
            PartyKind::Team => "teams",
            PartyKind::Vendor => "vendors",
        }
    }
}

/// The id of the team or vendor with this name, created if new.
pub fn ensure(tx: &Transaction<'_>, kind: PartyKind, name: &str) -> StoreResult<i64> {
    let table = kind.table();
    let found: Option<i64> = tx
        .query_row(
            &format!("SELECT id FROM {table} WHERE name = ?1"),
            [name],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.execute(&format!("INSERT INTO {table} (name) VALUES (?1)"), [name])?;
    Ok(tx.last_insert_rowid())
}

/// The id of the agent with this name, created if new; a known team or vendor is filled in
/// when the agent had none.
pub fn ensure_agent(
    tx: &Transaction<'_>,
    name: &str,
    team_id: Option<i64>,
    vendor_id: Option<i64>,
) -> StoreResult<i64> {
    let found: Option<i64> = tx
        .query_row("SELECT id FROM agents WHERE name = ?1", [name], |row| {
            row.get(0)
        })
        .optional()?;
    match found {
        Some(id) => {
            tx.execute(
                "UPDATE agents SET team_id = coalesce(team_id, ?2),
                                   vendor_id = coalesce(vendor_id, ?3) WHERE id = ?1",
                params![id, team_id, vendor_id],
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO agents (name, team_id, vendor_id) VALUES (?1, ?2, ?3)",
                params![name, team_id, vendor_id],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// The id of the agent named `name`, if there is one.
pub fn agent_id_by_name(conn: &Connection, name: &str) -> StoreResult<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM agents WHERE name = ?1")?
        .query_row([name.trim()], |row| row.get(0))
        .optional()?)
}
