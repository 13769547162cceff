//! A draft survives its process being killed mid-edit: a child process saves an evaluation's
//! draft as a reviewer types (one character more per save), reporting each save once it has
//! returned; it is killed with SIGKILL mid-stream; the database reopened holds the last
//! reported save (or the one after it, committed just before the kill) and is intact.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use hark::evaluation;
use hark::scorecard::{AnswerValue, EvaluationContent};
use hark::store::Db;
use hark::store::users;

use super::evaluation::scene;
use super::fixture::answers;

const DB_ENV: &str = "HARK_TEST_DRAFT_CHILD_DB";
const EVALUATION_ENV: &str = "HARK_TEST_DRAFT_CHILD_EVALUATION";
const TYPED: &str = "The agent confirmed the customer's address but did not read back the amount ";

/// The draft after `n` keystrokes: the comment has grown by `n` characters.
fn typed(n: usize) -> EvaluationContent {
    let mut content = answers(&[("a", AnswerValue::Yes), ("b", AnswerValue::No)]);
    let comment: String = TYPED.chars().cycle().take(n).collect();
    if let Some(b) = content.answers.get_mut("b") {
        b.comment = comment;
    }
    content
}

/// Run only as the child of the test below: saves forever until killed.
#[test]
#[ignore = "the child process of a_draft_survives_a_killed_process"]
fn draft_writer_child() {
    let (Ok(path), Ok(id)) = (std::env::var(DB_ENV), std::env::var(EVALUATION_ENV)) else {
        return;
    };
    let id: i64 = id.parse().expect("evaluation id");
    let mut db = Db::open(std::path::Path::new(&path)).expect("open");
    let reviewer = users::find_by_name(db.conn(), "Dana QA")
        .expect("query")
        .expect("reviewer");
    for n in 1.. {
        evaluation::save_draft(&mut db, &reviewer, id, &typed(n)).expect("save");
        println!("saved {n}");
    }
}

#[test]
fn a_draft_survives_a_killed_process() {
    let mut s = scene();
    let id = evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id)
        .expect("start")
        .evaluation
        .id;
    let path = s.t.path();
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "scorecard::draft_kill::draft_writer_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DB_ENV, &path)
        .env(EVALUATION_ENV, id.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the writer");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut last = 0;
    let started = std::time::Instant::now();
    while last < 150 {
        let line = lines
            .next()
            .expect("the writer stopped early")
            .expect("line");
        if let Some(n) = line.strip_prefix("saved ") {
            last = n.parse().expect("count");
        }
    }
    let elapsed = started.elapsed();
    child.kill().expect("SIGKILL"); // std's kill() is SIGKILL on Unix
    // For the record (not asserted): how long a whole-draft save takes in this build.
    eprintln!(
        "{last} draft saves in {} ms: {:.2} ms a save",
        elapsed.as_millis(),
        elapsed.as_secs_f64() * 1000.0 / last as f64
    );
    // What the child reported before dying was saved too.
    for line in lines.map_while(Result::ok) {
        if let Some(n) = line.strip_prefix("saved ") {
            last = n.parse().expect("count");
        }
    }
    let status = child.wait().expect("wait");
    assert!(
        !status.success(),
        "the writer was killed, not finished: {status:?}"
    );

    drop(s.t.db);
    let db = Db::open(&path).expect("reopen after the kill");
    let check: String = db
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let view = evaluation::view(db.conn(), &s.reviewer, id).expect("view");
    let kept = view.content.answers["b"].comment.chars().count();
    assert!(
        view.content == typed(last) || view.content == typed(last + 1),
        "the draft has {kept} characters typed; the last save reported had {last}"
    );
    assert!(last >= 150, "saves reported: {last}");
}
