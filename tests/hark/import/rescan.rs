//! Re-scans: unchanged files cost one stat, moved files keep their row (and history), deleted
//! files are marked missing, never dropped.

use std::sync::atomic::AtomicBool;

use hark::import;
use hark::store::recordings::{self, RecordingStatus};

use super::spool::{self, GOOD};
use crate::common::TestDb;

#[test]
fn rescans_are_incremental_and_keep_history_through_moves_and_deletes() {
    let dir = tempfile::tempdir().expect("dir");
    let root = dir.path().join("spool");
    spool::build(&root);
    let mut t = TestDb::new();
    let cancel = AtomicBool::new(false);
    let options = spool::options(&root, None);
    let first = import::run(&mut t.db, &t.admin, &options, &mut |_| {}, &cancel).expect("first");
    let good = GOOD.len() as u64;
    assert_eq!(first.added, good);
    assert_eq!(first.problems.len(), 3);

    let again = import::run(&mut t.db, &t.admin, &options, &mut |_| {}, &cancel).expect("again");
    assert_eq!(again.unchanged, good, "readable files are not read again");
    assert_eq!(again.added, 0);
    assert_eq!(again.updated, 0);
    assert_eq!(again.problems.len(), 3, "unreadable files are tried again");

    // Move one recording to another folder under a new name, and delete another.
    let from = root.join(GOOD[0].relative);
    let id = recordings::id_by_path(t.db.conn(), &from.to_string_lossy())
        .expect("q")
        .expect("row");
    let to = root.join("moved/renamed call.wav");
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::rename(&from, &to).expect("move");
    let deleted = root.join(GOOD[1].relative);
    let deleted_id = recordings::id_by_path(t.db.conn(), &deleted.to_string_lossy())
        .expect("q")
        .expect("row");
    std::fs::remove_file(&deleted).expect("delete");

    let third = import::run(&mut t.db, &t.admin, &options, &mut |_| {}, &cancel).expect("third");
    assert_eq!(third.moved, 1);
    assert_eq!(third.missing, 1);
    assert_eq!(third.added, 0);
    let moved_id = recordings::id_by_path(t.db.conn(), &to.to_string_lossy()).expect("q");
    assert_eq!(moved_id, Some(id), "the moved file keeps its id");
    let index = recordings::index_by_path(t.db.conn()).expect("index");
    let gone = index
        .get(&*deleted.to_string_lossy())
        .expect("a deleted file's row stays");
    assert_eq!(gone.id, deleted_id);
    assert_eq!(gone.status, RecordingStatus::Missing);
    let log = hark::store::audit_log::recent(t.db.conn(), 20).expect("log");
    assert!(
        log.iter()
            .any(|e| e.action == "recording.move" && e.details.contains("renamed call.wav"))
    );

    // The originals are never written: the moved file's bytes are what was copied there.
    let status_after = std::fs::metadata(&to).expect("stat");
    assert!(status_after.len() > 0);
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let mut t = TestDb::new();
    let cancel = AtomicBool::new(false);
    let options = import::ImportOptions {
        roots: vec!["/no/such/spool".into()],
        ..import::ImportOptions::default()
    };
    let error =
        import::run(&mut t.db, &t.admin, &options, &mut |_| {}, &cancel).expect_err("missing");
    assert!(error.to_string().contains("/no/such/spool"), "{error}");
}

#[test]
fn a_symlink_loop_is_passed_over_with_its_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let root = dir.path().join("spool");
    spool::build(&root);
    std::os::unix::fs::symlink(&root, root.join("2026/loop back")).expect("symlink");
    let mut t = TestDb::new();
    let cancel = AtomicBool::new(false);
    let report = import::run(
        &mut t.db,
        &t.admin,
        &spool::options(&root, None),
        &mut |_| {},
        &cancel,
    )
    .expect("import");
    assert_eq!(
        report.files_seen,
        GOOD.len() as u64 + 3,
        "nothing is counted twice"
    );
    let looped = report
        .passed_over
        .iter()
        .find(|p| p.path.contains("loop back"))
        .expect("the loop is reported");
    assert!(looped.reason.contains("loops back"), "{}", looped.reason);
}
