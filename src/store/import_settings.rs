//! What imports remember: named file-name patterns and per-source CDR column mappings.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{StoreResult, audit_log};

pub fn save_pattern(tx: &Transaction<'_>, name: &str, template: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO filename_patterns (name, template, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET template = excluded.template",
        params![name, template, audit_log::now_rfc3339()],
    )?;
    Ok(())
}

pub fn pattern(conn: &Connection, name: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT template FROM filename_patterns WHERE name = ?1",
            [name],
            |row| row.get(0),
        )
        .optional()?)
}

pub fn patterns(conn: &Connection) -> StoreResult<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT name, template FROM filename_patterns ORDER BY name")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save_mapping(tx: &Transaction<'_>, source: &str, mapping_json: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO cdr_mappings (source, mapping, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping,
                                            updated_at = excluded.updated_at",
        params![source, mapping_json, audit_log::now_rfc3339()],
    )?;
    Ok(())
}

pub fn mapping(conn: &Connection, source: &str) -> StoreResult<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT mapping FROM cdr_mappings WHERE source = ?1",
            [source],
            |row| row.get(0),
        )
        .optional()?)
}
