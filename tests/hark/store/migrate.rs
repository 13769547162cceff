use hark::store::{Db, LATEST_SCHEMA_VERSION, StoreError};

#[test]
fn a_new_database_is_migrated_to_the_latest_version_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Db::open(&dir.path().join("nested/folder/hark.db")).expect("open");
    assert_eq!(db.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    let mode: String = db
        .conn()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
    let foreign_keys: i64 = db
        .conn()
        .query_row("PRAGMA foreign_keys", [], |row| row.get(0))
        .expect("foreign keys");
    assert_eq!(foreign_keys, 1);
}

#[test]
fn reopening_keeps_the_data_and_applies_nothing_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hark.db");
    {
        let mut db = Db::open(&path).expect("open");
        hark::session::create_user(&mut db, None, "Ana", hark::store::users::Role::Reviewer)
            .expect("profile");
    }
    let db = Db::open(&path).expect("reopen");
    let users = hark::store::users::list(db.conn()).expect("users");
    assert_eq!(users.len(), 1);
    assert_eq!(db.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
}

#[test]
fn a_database_from_a_newer_hark_is_refused_and_left_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch(
            "CREATE TABLE something_new (x INTEGER); INSERT INTO something_new VALUES (42);",
        )
        .expect("table");
        conn.pragma_update(None, "user_version", LATEST_SCHEMA_VERSION + 7)
            .expect("version");
    }
    let before = std::fs::read(&path).expect("read before");

    let error = Db::open(&path).expect_err("a newer database must be refused");
    let message = error.to_string();
    assert!(
        matches!(error, StoreError::NewerSchema { found, .. } if found == LATEST_SCHEMA_VERSION + 7)
    );
    assert!(
        message.contains(&format!("schema version {}", LATEST_SCHEMA_VERSION + 7))
            && message.contains(&format!("up to {LATEST_SCHEMA_VERSION}")),
        "message names both versions: {message}"
    );

    assert_eq!(std::fs::read(&path).expect("read after"), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("future.db")]);
}

#[test]
fn a_file_that_is_not_a_database_gets_a_message_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database").expect("write");
    let error = Db::open(&path).expect_err("not a database");
    let message = error.to_string();
    assert!(message.contains("notes.db"), "{message}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"these are my notes, not a database"
    );
}

#[test]
fn a_version_5_database_keeps_its_profiles_and_references_through_migration_6() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v5.db");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("create");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        let tx = conn.transaction().expect("tx");
        for sql in [
            include_str!("../../../src/store/migrations/0001_init.sql"),
            include_str!("../../../src/store/migrations/0002_import.sql"),
            include_str!("../../../src/store/migrations/0003_metrics.sql"),
            include_str!("../../../src/store/migrations/0004_sampling.sql"),
            include_str!("../../../src/store/migrations/0005_sampling_indexes.sql"),
        ] {
            tx.execute_batch(sql).expect("migration");
        }
        tx.pragma_update(None, "user_version", 5).expect("version");
        tx.execute_batch(
            "INSERT INTO users (id, name, role, created_at) VALUES
                 (1, 'Ana', 'admin', '2026-11-01T00:00:00Z'),
                 (7, 'سارا', 'reviewer', '2026-11-02T00:00:00Z');
             INSERT INTO saved_filters (name, criteria, created_by, created_at)
                 VALUES ('mine', 'duration > 2m', 7, '2026-11-03T00:00:00Z');",
        )
        .expect("rows");
        tx.commit().expect("commit");
    }
    let mut db = Db::open(&path).expect("migrate");
    assert_eq!(db.schema_version().expect("version"), LATEST_SCHEMA_VERSION);
    let users = hark::store::users::list(db.conn()).expect("users");
    let names: Vec<(i64, &str)> = users.iter().map(|u| (u.id, u.name.as_str())).collect();
    assert_eq!(names, [(1, "Ana"), (7, "سارا")]);
    let orphans: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("fk check");
    assert_eq!(orphans, 0);
    // The rebuilt table still guards its references and takes the new role.
    assert!(
        db.conn()
            .execute("DELETE FROM users WHERE id = 7", [])
            .is_err()
    );
    let admin = users[0].clone();
    db.write(|tx| {
        tx.execute("INSERT INTO agents (id, name) VALUES (3, 'Emma')", [])?;
        hark::store::users::create_for_agent(tx, "Emma (agent)", 3, &admin)
    })
    .expect("agent profile");
}
