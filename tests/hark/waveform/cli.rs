//! `hark analyze --all` caches every analysed recording's peaks in `peaks/` beside the database.

use hark::store::Db;
use hark::waveform::PeaksCache;

use crate::common::{hark, run_ok};

#[test]
fn analyze_all_caches_peaks_beside_the_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("library.db");
    run_ok(hark().arg("--db").arg(&db_path).arg("demo"));
    assert!(!dir.path().join("peaks").exists());
    run_ok(hark().arg("--db").arg(&db_path).args(["analyze", "--all"]));

    let db = Db::open(&db_path).expect("open");
    let hashes: Vec<String> = db
        .conn()
        .prepare("SELECT content_hash FROM recordings ORDER BY id")
        .expect("prepare")
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("hashes");
    assert_eq!(hashes.len(), 8);
    let cache = PeaksCache::for_database(&db_path);
    assert_eq!(cache.dir(), dir.path().join("peaks"));
    for hash in &hashes {
        let peaks = cache.get(hash).expect("valid hash");
        assert!(peaks.is_some_and(|p| p.finest_bins() > 0), "{hash}");
    }
}
