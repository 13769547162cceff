use std::process::Command;

use hark::store::audit_log;

use crate::common::{TestDb, hark, run_ok};

fn append_entries(t: &mut TestDb, count: usize) {
    for n in 0..count {
        t.db.write(|tx| {
            audit_log::append(
                tx,
                &t.admin,
                "test.step",
                &format!("thing:{n}"),
                &serde_json::json!({ "n": n }),
            )
        })
        .expect("append");
    }
}

/// Runs SQL through the sqlite3 shell, as someone tampering with the file would.
fn sqlite3(path: &std::path::Path, sql: &str) {
    run_ok(Command::new("sqlite3").arg(path).arg(sql));
}

fn verify_log(path: &std::path::Path) -> (bool, String) {
    let output = hark()
        .args(["--db"])
        .arg(path)
        .args(["audit", "verify-log"])
        .output()
        .expect("run hark");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn a_fresh_log_verifies() {
    let mut t = TestDb::new();
    append_entries(&mut t, 5);
    let result = audit_log::verify(t.db.conn()).expect("verify");
    assert!(result.ok, "{:?}", result.problems);
    assert_eq!(result.entries, 6, "the admin's creation plus five steps");
    let (ok, out) = verify_log(&t.path());
    assert!(ok, "{out}");
    assert!(out.contains("6 entries"), "{out}");
}

#[test]
fn the_log_refuses_updates_and_deletes_through_sql() {
    let mut t = TestDb::new();
    append_entries(&mut t, 2);
    let update =
        t.db.conn()
            .execute("UPDATE audit_log SET action = 'x' WHERE seq = 2", []);
    assert!(
        update
            .expect_err("update refused")
            .to_string()
            .contains("append-only")
    );
    let delete =
        t.db.conn()
            .execute("DELETE FROM audit_log WHERE seq = 2", []);
    assert!(
        delete
            .expect_err("delete refused")
            .to_string()
            .contains("append-only")
    );
}

#[test]
fn an_entry_edited_with_the_sqlite3_shell_is_reported() {
    let mut t = TestDb::new();
    append_entries(&mut t, 4);
    let path = t.path();
    drop(t.db);
    sqlite3(
        &path,
        "DROP TRIGGER audit_log_no_update; \
         UPDATE audit_log SET details = '{\"n\":99}' WHERE seq = 3;",
    );
    let (ok, out) = verify_log(&path);
    assert!(!ok, "verification must fail: {out}");
    assert!(
        out.contains("entry 3 (test.step on thing:1 by Test Admin) was edited"),
        "{out}"
    );
    assert!(out.contains("audit_log_no_update was removed"), "{out}");
}

#[test]
fn a_deleted_entry_is_reported_in_the_middle_and_at_the_end() {
    let mut t = TestDb::new();
    append_entries(&mut t, 4);
    let path = t.path();
    drop(t.db);
    sqlite3(
        &path,
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;",
    );
    let (ok, out) = verify_log(&path);
    assert!(!ok, "{out}");
    assert!(out.contains("entry 2 is missing (deleted)"), "{out}");

    sqlite3(&path, "DELETE FROM audit_log WHERE seq = 5;");
    let (ok, out) = verify_log(&path);
    assert!(!ok, "{out}");
    assert!(
        out.contains("the log ends at entry 4 but entry 5 was the last one written"),
        "{out}"
    );
}
