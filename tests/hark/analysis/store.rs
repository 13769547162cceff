//! Stored metrics: a real database file, library runs that store, skip what is current, redo
//! what changed, and resume where they stopped.

use std::sync::atomic::AtomicBool;

use hark::analysis::{
    ANALYZER_VERSION, AnalysisOptions, AnalysisReport, analyze_file, analyze_library,
};
use hark::store::Db;
use hark::store::metrics;

use crate::common::{TestDb, demo_dir};

fn run(db: &mut Db, options: &AnalysisOptions) -> AnalysisReport {
    let cancel = AtomicBool::new(false);
    let mut last = None;
    let report = analyze_library(
        db,
        options,
        2,
        None,
        &mut |p| last = Some(p.clone()),
        &cancel,
    )
    .expect("analyze library");
    let last = last.expect("progress reported");
    assert_eq!(last.done, last.total);
    report
}

fn pending(db: &Db, options: &AnalysisOptions) -> Vec<metrics::Pending> {
    metrics::pending(db.conn(), ANALYZER_VERSION, options.dead_air_ms).expect("pending")
}

#[test]
fn library_run_stores_metrics_then_only_redoes_what_changed() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let options = AnalysisOptions::default();
    assert_eq!(pending(&t.db, &options).len(), 8);

    let first = run(&mut t.db, &options);
    assert_eq!((first.pending, first.analyzed), (8, 8), "{first:?}");
    assert!(first.failed.is_empty() && !first.cancelled);
    assert!(pending(&t.db, &options).is_empty());

    // What was stored reads back whole, from a fresh connection to the same file.
    let db = Db::open(&t.path()).expect("reopen");
    let ids: Vec<i64> = db
        .conn()
        .prepare("SELECT id FROM recordings ORDER BY id")
        .expect("prepare")
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids");
    for &id in &ids {
        let stored = metrics::get(db.conn(), id).expect("get").expect("stored");
        let (path, hash): (String, String) = db
            .conn()
            .query_row(
                "SELECT path, content_hash FROM recordings WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .expect("recording");
        assert_eq!(stored.content_hash, hash);
        let fresh = analyze_file(std::path::Path::new(&path), &options).expect("analyze");
        assert_eq!(stored.metrics, fresh, "{path}");
    }
    drop(db);

    // A second run finds nothing to do.
    let second = run(&mut t.db, &options);
    assert_eq!((second.pending, second.analyzed), (0, 0));

    // A changed file (new content hash) is pending again, and only it.
    t.db.conn()
        .execute(
            "UPDATE recordings SET content_hash = 'changed' WHERE id = ?1",
            [ids[2]],
        )
        .expect("update");
    let stale = pending(&t.db, &options);
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].recording_id, ids[2]);
    let third = run(&mut t.db, &options);
    assert_eq!(third.analyzed, 1);
    let stored = metrics::get(t.db.conn(), ids[2])
        .expect("get")
        .expect("stored");
    assert_eq!(stored.content_hash, "changed");

    // A missing file is not pending; another dead-air threshold makes the rest pending.
    t.db.conn()
        .execute(
            "UPDATE recordings SET status = 'missing' WHERE id = ?1",
            [ids[0]],
        )
        .expect("update");
    let longer = AnalysisOptions {
        dead_air_ms: 5000,
        ..options
    };
    assert_eq!(pending(&t.db, &longer).len(), 7);
}

#[test]
fn an_interrupted_run_resumes_with_what_is_left() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let options = AnalysisOptions::default();

    // Cancelled before it starts: nothing is written, everything stays pending.
    let cancel = AtomicBool::new(true);
    let report =
        analyze_library(&mut t.db, &options, 2, None, &mut |_| {}, &cancel).expect("cancelled run");
    assert!(report.cancelled && report.analyzed == 0);
    assert_eq!(pending(&t.db, &options).len(), 8);

    // A run stopped after three recordings (as by a crash after their commits) ...
    let first_three: Vec<_> = pending(&t.db, &options).into_iter().take(3).collect();
    t.db.write(|tx| {
        for item in &first_three {
            let m = analyze_file(std::path::Path::new(&item.path), &options).expect("analyze");
            metrics::save(tx, item.recording_id, &item.content_hash, &m)?;
        }
        Ok::<_, hark::store::StoreError>(())
    })
    .expect("save");
    // ... goes on with the other five only.
    let resumed = run(&mut t.db, &options);
    assert_eq!((resumed.pending, resumed.analyzed), (5, 5));
    assert!(pending(&t.db, &options).is_empty());
}
