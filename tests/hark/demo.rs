use hark::demo;
use hark::library::{self, LibraryQuery};

use crate::common::{TestDb, demo_dir, ffmpeg_decoded_frames, ffprobe_duration_ms};

#[test]
fn the_demo_loads_every_call_once_with_its_metadata() {
    let mut t = TestDb::new();
    let first = demo::load(&mut t.db, &t.admin, &demo_dir()).expect("load");
    assert!((6..=10).contains(&first.loaded), "{first:?}");
    let again = demo::load(&mut t.db, &t.admin, &demo_dir()).expect("load again");
    assert_eq!(again.loaded, 0);
    assert_eq!(again.already_present, first.loaded);

    let page = library::page(t.db.conn(), &LibraryQuery::default()).expect("page");
    assert_eq!(page.total, i64::from(first.loaded));
    for row in &page.rows {
        assert_eq!(
            row.channels,
            Some(2),
            "{} is a two-channel call",
            row.file_name
        );
        assert!(row.agent.is_some() && row.team.is_some() && row.queue.is_some());
        assert!(row.call_start.is_some() && row.external_call_id.is_some());
    }
    let codecs: std::collections::BTreeSet<_> =
        page.rows.iter().filter_map(|r| r.codec.clone()).collect();
    for codec in ["pcm_s16le", "pcm_mulaw", "mp3", "flac", "vorbis"] {
        assert!(
            codecs.contains(codec),
            "the demo covers {codec}: {codecs:?}"
        );
    }
    let log = hark::store::audit_log::recent(t.db.conn(), 5).expect("log");
    assert!(log.iter().any(|e| e.action == "demo.load"));
}

/// ffprobe reports an MP3's length including the encoder's delay and padding (about 1,100
/// to 1,700 samples); Hark reports the playable length, as ffmpeg decodes it. So MP3s are
/// compared with ffmpeg's decoded sample count, everything else with ffprobe.
#[test]
fn demo_durations_match_ffprobe_within_50_ms() {
    let mut t = TestDb::new();
    demo::load(&mut t.db, &t.admin, &demo_dir()).expect("load");
    let page = library::page(t.db.conn(), &LibraryQuery::default()).expect("page");
    for row in &page.rows {
        let path = std::path::Path::new(&row.path);
        let hark_ms = row.duration_ms.expect("duration") as f64;
        let reference_ms = if row.codec.as_deref() == Some("mp3") {
            let rate = f64::from(row.sample_rate.expect("rate"));
            ffmpeg_decoded_frames(path) as f64 * 1000.0 / rate
        } else {
            ffprobe_duration_ms(path)
        };
        assert!(
            (hark_ms - reference_ms).abs() <= 50.0,
            "{}: hark {hark_ms} ms, reference {reference_ms} ms",
            row.file_name
        );
    }
}

#[test]
fn a_missing_demo_folder_is_named_in_the_error() {
    let mut t = TestDb::new();
    let error = demo::load(&mut t.db, &t.admin, std::path::Path::new("/no/such/demo"))
        .expect_err("missing");
    assert!(error.to_string().contains("/no/such/demo"), "{error}");
}
