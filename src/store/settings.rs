//! Small key/value settings kept in the database (language, current profile), so they travel
//! with the library and survive restarts.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::StoreResult;

pub const LOCALE: &str = "ui.locale";
pub const CURRENT_USER: &str = "session.current_user_id";

pub fn get(conn: &Connection, key: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
