//! Numbered migrations, applied in one transaction and recorded in `PRAGMA user_version`.

use rusqlite::Connection;

/// Migrations in order; migration `i` (0-based) brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_import.sql"),
    include_str!("migrations/0003_metrics.sql"),
    include_str!("migrations/0004_sampling.sql"),
    include_str!("migrations/0005_sampling_indexes.sql"),
    include_str!("migrations/0006_scorecards.sql"),
];

pub const LATEST_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies every migration newer than the database's `user_version`, all in one transaction.
/// The caller has already refused databases newer than [`LATEST_SCHEMA_VERSION`].
pub fn apply(conn: &mut Connection) -> rusqlite::Result<()> {
    let current = user_version(conn)?;
    if current >= LATEST_SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()
}
