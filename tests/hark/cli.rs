use crate::common::{demo_dir, ffprobe_duration_ms, hark, run_ok};

#[test]
fn help_lists_the_commands() {
    let out = run_ok(hark().arg("--help"));
    for command in ["demo", "list", "probe", "db", "audit", "user"] {
        assert!(out.contains(command), "{command} in --help: {out}");
    }
}

#[test]
fn demo_then_list_json_lists_every_recording() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cli.db");
    let out = run_ok(hark().arg("--db").arg(&db).arg("demo"));
    assert!(out.contains("Loaded 8 demo recordings"), "{out}");
    let json = run_ok(hark().arg("--db").arg(&db).args(["list", "--json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    let demo_files = std::fs::read_dir(demo_dir())
        .expect("demo dir")
        .filter_map(|e| e.ok())
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("wav" | "mp3" | "flac" | "ogg")
            )
        })
        .count();
    assert_eq!(rows.len(), demo_files);
    for row in &rows {
        let path = row["path"].as_str().expect("path");
        let ms = row["durationMs"].as_f64().expect("duration");
        if row["codec"] != "mp3" {
            let reference = ffprobe_duration_ms(std::path::Path::new(path));
            assert!(
                (ms - reference).abs() <= 50.0,
                "{path}: {ms} vs {reference}"
            );
        }
    }
    let table = run_ok(hark().arg("--db").arg(&db).arg("list"));
    assert!(
        table.contains("Emma Clarke") && table.contains("8 recordings"),
        "{table}"
    );
}

#[test]
fn db_path_follows_flag_then_environment() {
    let out = run_ok(hark().args(["--db", "/tmp/x/elsewhere.db", "db", "path"]));
    assert_eq!(out.trim(), "/tmp/x/elsewhere.db");
    let out = run_ok(hark().env("HARK_DB", "/tmp/y/env.db").args(["db", "path"]));
    assert_eq!(out.trim(), "/tmp/y/env.db");
    let out = run_ok(
        hark()
            .env("XDG_DATA_HOME", "/tmp/z/data")
            .args(["db", "path"]),
    );
    assert_eq!(out.trim(), "/tmp/z/data/hark/hark.db");
}

#[test]
fn backup_makes_a_usable_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("live.db");
    run_ok(hark().arg("--db").arg(&db).arg("demo"));
    let copy = dir.path().join("copy.db");
    run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["db", "backup"])
            .arg(&copy),
    );
    let json = run_ok(hark().arg("--db").arg(&copy).args(["list", "--json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    assert_eq!(rows.len(), 8);
    let again = hark()
        .arg("--db")
        .arg(&db)
        .args(["db", "backup"])
        .arg(&copy)
        .output()
        .expect("run");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn probe_prints_json_and_fails_on_unreadable_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("notes.wav");
    std::fs::write(&text, "not audio at all").expect("write");
    let empty = dir.path().join("empty.wav");
    std::fs::write(&empty, "").expect("write");
    let demo_file = std::fs::read_dir(demo_dir())
        .expect("demo")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "flac"))
        .expect("a flac demo file");

    let good = run_ok(hark().args(["probe", "--json"]).arg(&demo_file));
    let info: serde_json::Value = serde_json::from_str(good.trim()).expect("json");
    assert_eq!(info["codec"], "flac");
    assert_eq!(info["channels"], 2);

    let output = hark()
        .args(["probe", "--json"])
        .arg(&demo_file)
        .arg(&text)
        .arg(&empty)
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("notes.wav") && stderr.contains("not audio"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.wav") && stderr.contains("0 bytes"),
        "{stderr}"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("pipe.db");
    run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["synthetic", "--count", "3000"]),
    );
    let mut child = hark()
        .arg("--db")
        .arg(&db)
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one line, then close the pipe, as `hark list | head -1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    std::io::Read::read(&mut stdout, &mut first).expect("read");
    drop(stdout);
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
