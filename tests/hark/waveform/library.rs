//! The library's speech analysis fills the peaks cache from its own decoder pass, so every
//! analysed call's waveform opens from the cache.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use hark::analysis::{AnalysisOptions, analyze_file, analyze_file_with_peaks, analyze_library};
use hark::waveform::{self, PeaksCache};

use crate::common::{TestDb, demo_dir};

fn recordings(t: &TestDb) -> Vec<(String, String)> {
    t.db.conn()
        .prepare("SELECT path, content_hash FROM recordings ORDER BY id")
        .expect("prepare")
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn analysing_the_library_fills_the_peaks_cache() {
    let mut t = TestDb::new();
    hark::demo::load(&mut t.db, &t.admin, &demo_dir()).expect("demo");
    let cache = PeaksCache::for_database(&t.path());
    let options = AnalysisOptions::default();
    let cancel = AtomicBool::new(false);
    let report = analyze_library(&mut t.db, &options, 2, Some(&cache), &mut |_| {}, &cancel)
        .expect("analyze library");
    assert_eq!(report.analyzed, 8, "{report:?}");

    let recordings = recordings(&t);
    assert_eq!(recordings.len(), 8);
    for (path, hash) in &recordings {
        let path = Path::new(path);
        assert!(cache.file_for(hash).expect("hash").is_file(), "{path:?}");
        let view = waveform::load(&cache, path, hash, 0, u64::MAX, 1200).expect("load");
        assert!(view.cached, "{path:?} painted from the cache");
        let computed = waveform::compute(path).expect("compute");
        assert_eq!(view.channels, computed.view(0, u64::MAX, 1200).channels);
    }
}

#[test]
fn the_analysis_pass_computes_the_same_peaks_and_metrics() {
    for entry in std::fs::read_dir(demo_dir()).expect("demo dir") {
        let path = entry.expect("entry").path();
        if !hark::import::is_audio_name(&path) {
            continue;
        }
        let options = AnalysisOptions::default();
        let (metrics, peaks) = analyze_file_with_peaks(&path, &options).expect("analyze");
        assert_eq!(metrics, analyze_file(&path, &options).expect("metrics"));
        assert_eq!(peaks, waveform::compute(&path).expect("peaks"), "{path:?}");
        // One pass: the peaks saw every frame the metrics did.
        let rate = u64::from(metrics.sample_rate);
        assert_eq!(
            peaks.frames() * 1000 / rate,
            metrics.duration_ms,
            "{path:?}"
        );
        assert!(peaks.finest_bins() > 0);
    }
}
