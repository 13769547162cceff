//! `hark review export`: one row per evaluation, one column per question, across versions.

use hark::evaluation::{self, export};
use hark::scorecard::{AnswerValue, forms};
use hark::store::evaluations::EvaluationFilter;

use super::evaluation::{complete, scene, submitted};
use super::fixture::yes_no;
use crate::common::{hark, run_ok};

fn rows(csv: &[u8]) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(csv)
        .records()
        .collect::<Result<_, _>>()
        .expect("csv")
}

#[test]
fn the_export_has_a_column_per_question_and_spans_versions() {
    let mut s = scene();
    submitted(&mut s);
    // Version 2 adds a question; an evaluation with it on another call.
    let mut next = forms::latest(s.t.db.conn(), s.scorecard_id)
        .expect("form")
        .definition;
    let mut added = yes_no("d", 1.0);
    added.text = "Offered the survey, \"politely\"".into();
    next.sections[1].questions.push(added);
    assert!(
        forms::save(&mut s.t.db, &s.t.admin, s.scorecard_id, next)
            .expect("v2")
            .new_version
    );
    let other: i64 =
        s.t.db
            .conn()
            .query_row("SELECT max(id) FROM recordings", [], |r| r.get(0))
            .expect("id");
    let draft = evaluation::start(&mut s.t.db, &s.reviewer, other, s.scorecard_id).expect("start");
    let mut content = complete();
    content.answers.insert(
        "d".into(),
        super::fixture::answers(&[("d", AnswerValue::Yes)]).answers["d"].clone(),
    );
    evaluation::submit(&mut s.t.db, &s.reviewer, draft.evaluation.id, &content).expect("submit");

    let mut out = Vec::new();
    let summary =
        export::csv(s.t.db.conn(), &EvaluationFilter::default(), &mut out).expect("export");
    assert_eq!(summary.evaluations, 2);
    assert_eq!(
        summary.spanned_versions(),
        vec!["Forty twenty versions 1, 2".to_owned()]
    );
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().expect("header").clone();
    let questions: Vec<&str> = header.iter().skip(15).collect();
    assert_eq!(
        questions,
        [
            "Question a",
            "Question b",
            "Question c",
            "Offered the survey, \"politely\""
        ]
    );
    let records = rows(&out);
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(&records[0][column("form_version")], "1");
    assert_eq!(&records[0][column("score")], "60.00");
    assert_eq!(&records[0][column("critical_fail")], "no");
    assert_eq!(&records[0][column("reviewer")], "Dana QA");
    assert_eq!(&records[0][column("Question b")], "No");
    assert_eq!(&records[0][15 + 3], "", "version 1 has no question d");
    assert_eq!(&records[1][column("form_version")], "2");
    assert_eq!(&records[1][15 + 3], "Yes");
    // (1×40 + 0 + 1×20 + 1×20) / (80 + 20 + 20) = 66.67 %
    assert_eq!(&records[1][column("score")], "66.67");
}

#[test]
fn hark_review_export_filters_by_agent_and_date_and_scorecards_export_and_import() {
    let mut s = scene();
    submitted(&mut s);
    let agent: String = s
        .t
        .db
        .conn()
        .query_row(
            "SELECT a.name FROM recordings r JOIN agents a ON a.id = r.agent_id WHERE r.id = ?1",
            [s.recording_id],
            |r| r.get(0),
        )
        .expect("agent");
    let db = s.t.path();
    let today = chrono::Utc::now().date_naive();
    let csv = run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["review", "export", "--agent", &agent, "--from"])
            .arg(today.to_string())
            .arg("--to")
            .arg(today.to_string()),
    );
    assert_eq!(rows(csv.as_bytes()).len(), 1);
    let tomorrow = today.succ_opt().expect("tomorrow").to_string();
    let none = run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["review", "export", "--from", &tomorrow]),
    );
    assert_eq!(rows(none.as_bytes()).len(), 0);
    let unknown = hark()
        .arg("--db")
        .arg(&db)
        .args(["review", "export", "--agent", "Nobody Here"])
        .output()
        .expect("run");
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no agent named \"Nobody Here\""));

    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("forty.json");
    run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args([
                "--user",
                "Test Admin",
                "scorecard",
                "export",
                "Forty twenty",
                "--output",
            ])
            .arg(&file),
    );
    let listed = run_ok(hark().arg("--db").arg(&db).args(["scorecard", "list"]));
    assert!(listed.contains("Forty twenty"), "{listed}");
    let other = dir.path().join("other.db");
    let imported = run_ok(
        hark()
            .arg("--db")
            .arg(&other)
            .args(["scorecard", "import"])
            .arg(&file),
    );
    assert!(
        imported.contains("Forty twenty version 1 (imported)"),
        "{imported}"
    );
    let shown = run_ok(
        hark()
            .arg("--db")
            .arg(&other)
            .args(["scorecard", "show", "Forty twenty"]),
    );
    assert!(
        shown.contains("[weight 40]") && shown.contains("comment when failed"),
        "{shown}"
    );
}
