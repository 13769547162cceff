//! A generated Asterisk spool: nested date folders, every built-in prefix, names in Persian,
//! Hebrew, Arabic and Cyrillic with spaces, a Master.csv with missing and extra rows, and
//! corrupt, zero-byte and non-audio files.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use hark::import::{self, ImportOptions};
use hark::library::{self, LibraryQuery};
use hark::store::recordings::{Direction, RecordingStatus};

use crate::common::TestDb;

/// A good recording the spool holds, and what Hark must read for it.
pub struct Expected {
    pub relative: &'static str,
    pub seconds: f64,
    pub direction: Option<Direction>,
    pub queue: Option<&'static str>,
    pub agent: Option<&'static str>,
    pub start: &'static str,
}

pub const GOOD: [Expected; 7] = [
    Expected {
        relative: "2026/11/02/in-4401-5555550142-20261102-091405-1762074845.11.wav",
        seconds: 3.0,
        direction: Some(Direction::Inbound),
        queue: None,
        agent: Some("4401"),
        start: "2026-11-02T09:14:05+03:30",
    },
    Expected {
        relative: "2026/11/02/q-600-5555550123-20261102-143112-1762093272.58.wav",
        seconds: 4.5,
        direction: Some(Direction::Inbound),
        queue: Some("600"),
        agent: Some("4403"),
        start: "2026-11-02T14:31:12+03:30",
    },
    Expected {
        relative: "2026/11/03/صف فروش/out-5555550177-4403-20261103-112009-1762156209.104.mp3",
        seconds: 2.5,
        direction: Some(Direction::Outbound),
        queue: None,
        agent: Some("4403"),
        start: "2026-11-03T11:20:09+03:30",
    },
    Expected {
        relative: "2026/11/03/תור תמיכה/rg-700-5555550150-20261103-130755-1762163875.66.wav",
        seconds: 5.0,
        direction: Some(Direction::Inbound),
        queue: Some("700"),
        agent: None,
        start: "2026-11-03T13:07:55+03:30",
    },
    Expected {
        relative: "2026/11/04/قائمة الانتظار/exten-4402-4401-20261104-100000-1762239600.5.flac",
        seconds: 1.5,
        direction: Some(Direction::Internal),
        queue: None,
        agent: None,
        start: "2026-11-04T10:00:00+03:30",
    },
    Expected {
        relative: "2026/11/05/Опашка продажби/out-35929000111-4405-20261105-162218-1762349538.142.wav",
        seconds: 3.5,
        direction: Some(Direction::Outbound),
        queue: None,
        agent: Some("4405"),
        start: "2026-11-05T16:22:18+03:30",
    },
    Expected {
        relative: "2026/11/05/Опашка продажби/تماس مشتری 20261105-171500.wav",
        seconds: 2.0,
        direction: None,
        queue: None,
        agent: None,
        start: "2026-11-05T17:15:00+03:30",
    },
];

/// Bad files and why Hark must say they were not read.
pub const BAD: [(&str, &str); 3] = [
    (
        "2026/11/02/in-4401-5555550199-20261102-120000-1762084800.20.wav",
        "0 bytes",
    ),
    (
        "2026/11/04/out-5555550100-4401-20261104-120000-1762246800.30.wav",
        "not audio",
    ),
    (
        "2026/11/04/in-4401-5555550111-20261104-120500-1762247100.31.mp3",
        "not audio",
    ),
];

const MASTER_CSV: &str = r#""","5555550142","4401","from-trunk","","PJSIP/trunk-01","PJSIP/4401-02","Dial","PJSIP/4401","2026-11-02 09:14:03","2026-11-02 09:14:05","2026-11-02 09:14:08",5,3,"ANSWERED","DOCUMENTATION","1762074845.11",""
"","5555550124","600","from-queue","","PJSIP/trunk-03","PJSIP/4403-04","Queue","600,t","2026-11-02 14:31:10","2026-11-02 14:31:12","2026-11-02 14:31:17",7,5,"ANSWERED","DOCUMENTATION","1762093272.58",""
"","4403","5555550177","from-internal","","PJSIP/4403-05","PJSIP/trunk-06","Dial","PJSIP/trunk/5555550177","2026-11-03 11:20:08","2026-11-03 11:20:09","2026-11-03 11:20:12",4,3,"ANSWERED","DOCUMENTATION","1762156209.104",""
"","4405","35929000111","from-internal","","PJSIP/4405-07","PJSIP/trunk-08","Dial","PJSIP/trunk","2026-11-05 16:22:17","2026-11-05 16:22:18","2026-11-05 16:22:22",5,4,"ANSWERED","DOCUMENTATION","1762349538.142",""
"","5555550199","4401","from-trunk","","PJSIP/trunk-09","","Dial","PJSIP/4401","2026-11-02 16:00:00","","2026-11-02 16:00:20",20,0,"NO ANSWER","DOCUMENTATION","1762088400.77",""
"#;

fn tone(path: &Path, seconds: f64) {
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!("sine=frequency=440:duration={seconds}"))
        .args(["-ar", "8000", "-ac", "2"])
        .arg(path)
        .output()
        .expect("ffmpeg");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds the spool under `root`; returns the path of its Master.csv.
pub fn build(root: &Path) -> PathBuf {
    for good in &GOOD {
        let path = root.join(good.relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        tone(&path, good.seconds);
    }
    let zero = root.join(BAD[0].0);
    std::fs::write(&zero, b"").expect("zero");
    let text = root.join(BAD[1].0);
    std::fs::write(
        &text,
        "RIFF? no: this recording was replaced by a note\n".repeat(20),
    )
    .expect("text");
    let corrupt = root.join(BAD[2].0);
    std::fs::write(
        &corrupt,
        (0..3000u32).map(|i| (i * 31 % 7) as u8).collect::<Vec<_>>(),
    )
    .expect("corrupt");
    std::fs::write(root.join("2026/11/02/README.txt"), "spool notes").expect("notes");
    std::fs::write(root.join("2026/11/03/.hidden.wav"), "hidden").expect("hidden");
    let cdr = root.join("Master.csv");
    std::fs::write(&cdr, MASTER_CSV).expect("cdr");
    cdr
}

pub fn options(root: &Path, cdr: Option<PathBuf>) -> ImportOptions {
    ImportOptions {
        roots: vec![root.to_path_buf()],
        cdr: cdr.map(|path| import::cdr_input(&path, "auto").expect("cdr input")),
        utc_offset_min: Some(210),
        ..ImportOptions::default()
    }
}

#[test]
fn an_asterisk_spool_imports_with_metadata_problems_and_cdr_mismatches() {
    let dir = tempfile::tempdir().expect("dir");
    let root = dir.path().join("spool root");
    let cdr = build(&root);
    // The generic file (no Asterisk name) gets its queue and agent from a vendor CSV instead.
    let mut t = TestDb::new();
    let cancel = AtomicBool::new(false);
    let report = import::run(
        &mut t.db,
        &t.admin,
        &options(&root, Some(cdr)),
        &mut |_| {},
        &cancel,
    )
    .expect("import");

    assert_eq!(report.files_seen, (GOOD.len() + BAD.len()) as u64);
    assert_eq!(
        report.added,
        GOOD.len() as u64,
        "unreadable files are counted as problems"
    );
    assert_eq!(report.not_audio, 2, "README.txt and Master.csv");
    assert_eq!(report.problems.len(), BAD.len());
    for (relative, reason) in BAD {
        let problem = report
            .problems
            .iter()
            .find(|p| p.path.ends_with(relative))
            .unwrap_or_else(|| panic!("{relative} is listed"));
        assert!(
            problem.reason.contains(reason),
            "{relative}: {}",
            problem.reason
        );
    }

    let cdr = report.cdr.as_ref().expect("cdr report");
    assert_eq!(cdr.rows, 5);
    assert_eq!(cdr.matched_by_call_id, 4);
    assert_eq!(
        cdr.rows_without_recording,
        vec!["row 5: 1762088400.77".to_owned()]
    );
    // Recordings the CDR misses: the rg- and exten- calls, the generic one, and the bad files.
    assert_eq!(cdr.recordings_without_row.len(), 3 + BAD.len());
    // The queue call's record gives another caller than its file name: reported, not guessed.
    let conflict = cdr
        .conflicts
        .iter()
        .find(|c| c.field == "caller")
        .expect("a caller conflict");
    assert!(conflict.path.contains("q-600-5555550123"), "{conflict:?}");
    assert_eq!(
        (
            conflict.recording_value.as_str(),
            conflict.record_value.as_str()
        ),
        ("5555550123", "5555550124")
    );
    assert_eq!(conflict.row, 2);
    assert_eq!(cdr.conflicts.len(), 1, "{:?}", cdr.conflicts);

    let page = library::page(
        t.db.conn(),
        &LibraryQuery {
            limit: 100,
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    for good in &GOOD {
        let row = page
            .rows
            .iter()
            .find(|r| r.path.ends_with(good.relative))
            .unwrap_or_else(|| panic!("{} indexed", good.relative));
        assert_eq!(row.status, RecordingStatus::Ok);
        assert_eq!(row.direction, good.direction, "{}", good.relative);
        assert_eq!(row.queue.as_deref(), good.queue, "{}", good.relative);
        assert_eq!(row.agent.as_deref(), good.agent, "{}", good.relative);
        assert_eq!(
            row.call_start.as_deref(),
            Some(good.start),
            "{}",
            good.relative
        );
        let duration = row.duration_ms.expect("duration") as f64 / 1000.0;
        // MP3 keeps the encoder's last partial frame: within one frame (72 ms at 8 kHz).
        assert!(
            (duration - good.seconds).abs() < 0.08,
            "{}: {duration}",
            good.relative
        );
    }
    let unhashed: i64 =
        t.db.conn()
            .query_row(
                "SELECT count(*) FROM recordings WHERE content_hash IS NULL AND status = 'ok'",
                [],
                |r| r.get(0),
            )
            .expect("count");
    assert_eq!(unhashed, 0, "every readable recording has its content hash");

    let problems = library::page(
        t.db.conn(),
        &LibraryQuery {
            status: Some(RecordingStatus::Unreadable),
            ..LibraryQuery::default()
        },
    )
    .expect("problems");
    assert_eq!(problems.total, BAD.len() as i64);
    assert!(problems.rows.iter().all(|r| r.problem.is_some()));
}
