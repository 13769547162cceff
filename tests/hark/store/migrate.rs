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
