//! The call page's backend: detail with current metrics only, analysing on open, playback
//! sources and waveform peaks for a recording id.

use hark::analysis::AnalysisOptions;
use hark::call;
use hark::waveform::PeaksCache;

use crate::common::{TestDb, demo_dir};

fn demo_ids(t: &TestDb) -> Vec<i64> {
    t.db.conn()
        .prepare("SELECT id FROM recordings ORDER BY id")
        .expect("prepare")
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids")
}

fn content_hash(t: &TestDb, id: i64) -> String {
    t.db.conn()
        .query_row(
            "SELECT content_hash FROM recordings WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .expect("hash")
}

#[test]
fn opening_an_unanalysed_call_analyses_it_and_caches_its_peaks() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let id = demo_ids(&t)[0];

    let before = call::detail(t.db.conn(), id).expect("detail");
    assert!(before.metrics.is_none(), "not analysed yet");
    assert_eq!(before.recording.id, id);
    let source = call::playback_source(t.db.conn(), id).expect("source");
    assert_eq!((source.talk.as_ref(), source.loudness_lufs), (None, None));

    let after = call::analyze(&mut t.db, id, &AnalysisOptions::default()).expect("analyze");
    let metrics = after.metrics.expect("metrics after analysis");
    assert!(metrics.talk_ms > 0);
    assert_eq!(after.recording.silence_share, Some(metrics.silence_share));
    let cache = PeaksCache::for_database(&t.path());
    assert!(
        cache.get(&content_hash(&t, id)).expect("cache").is_some(),
        "the analysis cached the waveform peaks"
    );
    let source = call::playback_source(t.db.conn(), id).expect("source");
    assert_eq!(
        source.talk.as_deref(),
        Some(metrics.timeline.talk.as_slice())
    );
    assert_eq!(source.loudness_lufs, metrics.loudness_lufs);

    let file = call::file(t.db.conn(), id).expect("file");
    let peaks = call::waveform(&t.path(), file, 0, metrics.duration_ms, 600).expect("waveform");
    assert!(peaks.cached);
    assert_eq!(peaks.channels.len(), 2);
    assert_eq!(peaks.bins, 600);
}

#[test]
fn metrics_of_other_content_are_not_shown_as_the_calls() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let id = demo_ids(&t)[1];
    call::analyze(&mut t.db, id, &AnalysisOptions::default()).expect("analyze");
    t.db.conn()
        .execute(
            "UPDATE recordings SET content_hash = ?2 WHERE id = ?1",
            rusqlite::params![id, "ab".repeat(32)],
        )
        .expect("update");
    let detail = call::detail(t.db.conn(), id).expect("detail");
    assert!(detail.metrics.is_none(), "stale metrics were shown");
    assert!(
        call::playback_source(t.db.conn(), id)
            .expect("source")
            .talk
            .is_none()
    );
}

#[test]
fn missing_recordings_and_unknown_ids_are_refused_with_the_reason() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let id = demo_ids(&t)[2];
    t.db.conn()
        .execute(
            "UPDATE recordings SET status = 'missing' WHERE id = ?1",
            [id],
        )
        .expect("update");
    let error = call::playback_source(t.db.conn(), id).expect_err("missing file");
    let text = error.to_string();
    let path: String =
        t.db.conn()
            .query_row("SELECT path FROM recordings WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .expect("path");
    assert!(text.contains("missing") && text.contains(&path), "{text}");

    let error = call::detail(t.db.conn(), 999_999).expect_err("unknown id");
    assert!(error.to_string().contains("999999"), "{error}");
    assert_eq!(hark::Error::from(error).code(), "not_found");
}
