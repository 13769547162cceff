//! `hark sample`: the command line an auditor writes down draws, verifies and exports.

use crate::common::{TestDb, hark, run_ok};

#[test]
fn a_quota_sample_drawn_from_the_command_line_verifies_and_exports_with_its_seed() {
    let t = TestDb::new();
    let db = t.path();
    let db_arg = db.to_str().expect("utf-8 path");
    drop(t.db);
    run_ok(hark().args(["--db", db_arg, "synthetic", "--count", "800", "--seed", "5"]));
    for name in ["Rae", "Sam"] {
        run_ok(hark().args(["--db", db_arg, "user", "add", name, "--role", "reviewer"]));
    }
    let drawn = run_ok(hark().args([
        "--db",
        db_arg,
        "--user",
        "Test Admin",
        "sample",
        "--quota",
        "2",
        "--per",
        "agent",
        "--period",
        "month",
        "--where",
        "duration >= 30s",
        "--seed",
        "2026",
        "--assign",
        "Rae,Sam",
        "--json",
    ]));
    let detail: serde_json::Value = serde_json::from_str(&drawn).expect("json");
    assert_eq!(detail["sample"]["seed"], "2026");
    assert_eq!(detail["sample"]["method"]["kind"], "quota");
    let items = detail["items"].as_array().expect("items");
    let groups = detail["groups"].as_array().expect("groups");
    let wanted: u64 = groups
        .iter()
        .map(|g| g["wanted"].as_u64().unwrap() - g["shortfall"].as_u64().unwrap())
        .sum();
    assert_eq!(
        items.len() as u64,
        wanted,
        "every group gave its quota or all it had"
    );
    assert!(
        items
            .iter()
            .all(|i| i["assignee"] == "Rae" || i["assignee"] == "Sam")
    );

    let verified = run_ok(hark().args(["--db", db_arg, "sample", "verify", "1"]));
    assert!(verified.contains("matches"), "{verified}");
    let queue = run_ok(hark().args(["--db", db_arg, "sample", "queue", "--reviewer", "Rae"]));
    assert_eq!(queue.lines().count(), items.len().div_ceil(2));

    let csv_path = db.with_file_name("sample-1.csv");
    run_ok(hark().args([
        "--db",
        db_arg,
        "sample",
        "export",
        "1",
        "--output",
        csv_path.to_str().expect("utf-8"),
    ]));
    let csv_text = std::fs::read_to_string(&csv_path).expect("csv written");
    assert_eq!(csv_text.lines().count(), items.len() + 1);
    assert!(csv_text.lines().nth(1).expect("a row").contains(",2026,"));

    // A swapped call makes verify fail with a non-zero exit status.
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute(
        "UPDATE sample_items SET recording_id = recording_id + 1 WHERE sample_id = 1 AND position = 1",
        [],
    )
    .expect("tamper");
    let status = hark()
        .args(["--db", db_arg, "sample", "verify", "1"])
        .status()
        .expect("run");
    assert!(!status.success(), "verify passed a tampered sample");
}

#[test]
fn a_draw_without_a_method_says_how_to_draw() {
    let t = TestDb::new();
    let db_arg = t.path().to_str().expect("utf-8").to_owned();
    let output = hark()
        .args(["--db", &db_arg, "sample", "--where", "duration > 1m"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--random N"), "{stderr}");
}

#[test]
fn a_saved_filter_names_the_population_of_a_draw() {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, 300, 9).expect("synthetic");
    let criteria = hark::sampling::Criteria::parse("duration >= 2m").expect("criteria");
    let admin = t.admin.clone();
    t.db.write(|tx| hark::store::saved_filters::save(tx, &admin, "Long calls", &criteria))
        .expect("save filter");
    let db_arg = t.path().to_str().expect("utf-8").to_owned();
    let expected = run_ok(hark().args([
        "--db",
        &db_arg,
        "sample",
        "count",
        "--where",
        "(duration >= 2m) and (direction = inbound)",
    ]));
    let drawn = run_ok(hark().args([
        "--db",
        &db_arg,
        "sample",
        "--random",
        "5",
        "--filter",
        "Long calls",
        "--where",
        "direction = inbound",
        "--seed",
        "3",
        "--json",
    ]));
    let detail: serde_json::Value = serde_json::from_str(&drawn).expect("json");
    assert_eq!(
        detail["sample"]["populationSize"].to_string(),
        expected.trim(),
        "the filter and --where both applied"
    );
    assert!(
        detail["sample"]["criteria"]
            .as_str()
            .expect("criteria")
            .contains("duration")
    );
    let missing = hark()
        .args([
            "--db", &db_arg, "sample", "--random", "5", "--filter", "Nope",
        ])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no saved filter named 'Nope'"));
}
