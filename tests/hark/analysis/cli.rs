//! `hark analyze`: files (text and JSON lines), and --all over the database.

use crate::common::{demo_dir, hark, run_ok};

/// The demo call with six seconds of dead air and 1.5 s of overtalk.
const CALL: &str = "in-5555550188-4512-20261102-100247-1793613767.37.wav";

#[test]
fn analyze_files_prints_metrics_as_text_and_json_lines() {
    let file = demo_dir().join(CALL);
    let flac = demo_dir().join("out-5555550164-4520-20261103-154530-1793720730.131.flac");
    let out = run_ok(hark().arg("analyze").arg("--json").arg(&file).arg(&flac));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let call = &lines[0];
    assert_eq!(call["channelsAnalyzed"], 2);
    assert_eq!(call["deadAirCount"], 1);
    assert_eq!(call["overtalkCount"], 1);
    assert!(
        call["timeline"]["agent"]
            .as_array()
            .expect("agent spans")
            .len()
            > 2
    );

    // A longer threshold leaves the 6 s dead air but not the 4.8 s one.
    let out = run_ok(
        hark()
            .args(["analyze", "--json", "--dead-air", "5.5"])
            .arg(&file)
            .arg(&flac),
    );
    let counts: Vec<u64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["deadAirCount"]
                .as_u64()
                .expect("count")
        })
        .collect();
    assert_eq!(counts, [1, 0]);

    let text = run_ok(hark().arg("analyze").arg(&file));
    for expected in [
        "talk: agent",
        "dead air (at least 2.0 s): 1",
        "overtalk: 1",
        "LUFS",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }

    let missing = hark()
        .args(["analyze", "/no/such/file.wav"])
        .output()
        .expect("run");
    assert!(!missing.status.success());
}

#[test]
fn analyze_all_stores_metrics_and_a_second_run_has_nothing_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    run_ok(hark().arg("--db").arg(&db).arg("demo"));
    let output = hark()
        .arg("--db")
        .arg(&db)
        .args(["analyze", "--all"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("Analysed 8 of 8 pending recordings"), "{out}");
    let progress = String::from_utf8_lossy(&output.stderr);
    assert!(progress.contains("8 of 8 recordings"), "{progress}");

    let json = run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["analyze", "--all", "--json"]),
    );
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        (report["pending"].as_u64(), report["analyzed"].as_u64()),
        (Some(0), Some(0))
    );
}
