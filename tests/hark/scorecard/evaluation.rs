//! Evaluating a call: drafts, submitting (checked, then locked), revisions with who, when and
//! why, the sample call completed and the recording counted as reviewed.

use hark::evaluation::{self, EvaluationError};
use hark::sampling::{AssignRequest, Method, SampleRequest, SampleSize, draw_sample};
use hark::scorecard::{AnswerValue, EvaluationContent, Pin, forms};
use hark::session;
use hark::store::evaluations::EvaluationStatus;
use hark::store::users::{Role, User};
use hark::store::{Db, audit_log};

use super::fixture::{answers, forty_twenty};
use crate::common::TestDb;

pub struct Scene {
    pub t: TestDb,
    pub reviewer: User,
    pub lead: User,
    pub scorecard_id: i64,
    pub recording_id: i64,
}

/// A small library, the 40/20 form with a comment required when "b" fails, a reviewer and a
/// lead.
pub fn scene() -> Scene {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, 20, 11).expect("library");
    let mut form = forty_twenty();
    form.sections[0].questions[1].comment_required_when_failed = true;
    let scorecard_id = forms::create(&mut t.db, &t.admin, form)
        .expect("form")
        .scorecard_id;
    let reviewer = session::create_user(&mut t.db, Some(&t.admin), "Dana QA", Role::Reviewer)
        .expect("reviewer");
    let lead =
        session::create_user(&mut t.db, Some(&t.admin), "Lee Lead", Role::Lead).expect("lead");
    let recording_id: i64 =
        t.db.conn()
            .query_row(
                "SELECT min(id) FROM recordings WHERE agent_id IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .expect("a recording with an agent");
    Scene {
        t,
        reviewer,
        lead,
        scorecard_id,
        recording_id,
    }
}

/// The 60 % answers, with the comment "b" needs.
pub fn complete() -> EvaluationContent {
    let mut content = answers(&[
        ("a", AnswerValue::Yes),
        ("b", AnswerValue::No),
        ("c", AnswerValue::Yes),
    ]);
    if let Some(b) = content.answers.get_mut("b") {
        b.comment = "Did not confirm the address".into();
    }
    content.feedback.strengths = "Warm greeting".into();
    content
}

/// Starts and submits the 60 % evaluation as the scene's reviewer; returns its id.
pub fn submitted(s: &mut Scene) -> i64 {
    let draft =
        evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id).expect("start");
    evaluation::submit(&mut s.t.db, &s.reviewer, draft.evaluation.id, &complete()).expect("submit");
    draft.evaluation.id
}

fn actions(db: &Db) -> Vec<String> {
    audit_log::recent(db.conn(), 100)
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .rev()
        .collect()
}

#[test]
fn a_draft_is_saved_whole_and_read_back_after_reopening() {
    let mut s = scene();
    let draft =
        evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id).expect("start");
    assert_eq!(draft.evaluation.status, EvaluationStatus::Draft);
    assert!(draft.can.edit && !draft.can.revise);
    assert_eq!(draft.problems.len(), 3, "three questions unanswered");

    let mut content = answers(&[("a", AnswerValue::Yes)]);
    content.pins.push(Pin {
        id: 1,
        at_ms: 4_250,
        text: "Lovely opening — «خوش آمدید»".into(),
        question: Some("a".into()),
    });
    content.feedback.notes = "Half way".into();
    let saved = evaluation::save_draft(&mut s.t.db, &s.reviewer, draft.evaluation.id, &content)
        .expect("save");
    assert_eq!(saved.score.score, Some(100.0));
    assert_eq!(saved.problems.len(), 2);

    // Starting again on the same call resumes the draft, whatever form is asked for.
    let again = evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id)
        .expect("resume");
    assert_eq!(again.evaluation.id, draft.evaluation.id);

    let path = s.t.path();
    drop(s.t.db);
    let db = Db::open(&path).expect("reopen");
    let view = evaluation::view(db.conn(), &s.reviewer, draft.evaluation.id).expect("view");
    assert_eq!(view.content, content);
    assert!(view.saved_at.is_some());
}

#[test]
fn submitting_checks_required_answers_and_comments_then_locks() {
    let mut s = scene();
    let id = evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id)
        .expect("start")
        .evaluation
        .id;
    let mut content = complete();
    content.answers.get_mut("b").expect("b").comment.clear();
    let error = evaluation::submit(&mut s.t.db, &s.reviewer, id, &content).expect_err("no comment");
    let EvaluationError::Incomplete(problems) = &error else {
        panic!("expected the problems, got {error}");
    };
    assert_eq!(problems.len(), 1);
    assert!(error.to_string().contains("needs a comment"), "{error}");
    // What was typed is kept.
    let view = evaluation::view(s.t.db.conn(), &s.reviewer, id).expect("view");
    assert_eq!(view.content, content);
    assert_eq!(view.evaluation.status, EvaluationStatus::Draft);

    // Someone else cannot submit or save this reviewer's draft.
    let other =
        session::create_user(&mut s.t.db, Some(&s.t.admin), "Ravi", Role::Reviewer).expect("other");
    assert!(matches!(
        evaluation::submit(&mut s.t.db, &other, id, &complete()),
        Err(EvaluationError::NotAllowed(_))
    ));

    let view = evaluation::submit(&mut s.t.db, &s.reviewer, id, &complete()).expect("submit");
    assert_eq!(view.evaluation.status, EvaluationStatus::Submitted);
    assert_eq!(view.evaluation.revision, 1);
    assert_eq!(view.evaluation.score, Some(60.0));
    assert_eq!(view.revisions.len(), 1);
    assert_eq!(view.revisions[0].reason, "Submitted");

    let locked =
        evaluation::save_draft(&mut s.t.db, &s.reviewer, id, &complete()).expect_err("locked");
    assert!(locked.to_string().contains("locked"), "{locked}");
    // The schema refuses changes behind Hark's back too.
    for sql in [
        "UPDATE evaluation_revisions SET score = 100",
        "DELETE FROM evaluation_revisions",
        "UPDATE evaluation_answers SET answer = 'Yes'",
        "UPDATE evaluations SET reviewer_id = 1",
        "DELETE FROM evaluations",
    ] {
        assert!(s.t.db.conn().execute(sql, []).is_err(), "{sql} was allowed");
    }
    let log = actions(&s.t.db);
    assert_eq!(
        log.last().map(String::as_str),
        Some("evaluation.submit"),
        "{log:?}"
    );
    assert!(log.contains(&"evaluation.start".to_owned()), "{log:?}");
}

#[test]
fn a_later_change_is_a_new_revision_with_who_when_and_why() {
    let mut s = scene();
    let id = submitted(&mut s);
    let mut fixed = complete();
    fixed.answers.get_mut("b").expect("b").value = Some(AnswerValue::Yes);

    let no_reason =
        evaluation::revise(&mut s.t.db, &s.reviewer, id, &fixed, "  ").expect_err("reason");
    assert!(no_reason.to_string().contains("needs a reason"));
    let same =
        evaluation::revise(&mut s.t.db, &s.reviewer, id, &complete(), "why").expect_err("same");
    assert!(same.to_string().contains("nothing changed"));
    let other =
        session::create_user(&mut s.t.db, Some(&s.t.admin), "Ravi", Role::Reviewer).expect("other");
    assert!(matches!(
        evaluation::revise(&mut s.t.db, &other, id, &fixed, "I disagree"),
        Err(EvaluationError::NotAllowed(_))
    ));

    let view = evaluation::revise(
        &mut s.t.db,
        &s.lead,
        id,
        &fixed,
        "Calibration session: b was met",
    )
    .expect("revise");
    assert_eq!(view.evaluation.revision, 2);
    assert_eq!(view.evaluation.score, Some(100.0));
    let history: Vec<(u32, Option<f64>, &str, &str)> = view
        .revisions
        .iter()
        .map(|r| (r.revision, r.score, r.made_by.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        history,
        vec![
            (1, Some(60.0), "Dana QA", "Submitted"),
            (2, Some(100.0), "Lee Lead", "Calibration session: b was met"),
        ]
    );
    let change = &view.revisions[1].changes;
    assert_eq!(change.len(), 1);
    assert_eq!(
        (change[0].from.as_deref(), change[0].to.as_deref()),
        (Some("No"), Some("Yes"))
    );
    // Revision 1's answers are still there, as they were.
    let old = hark::store::evaluations::answers(s.t.db.conn(), id, 1).expect("answers");
    assert!(
        old.iter()
            .any(|(k, a, _)| k == "b" && a.as_deref() == Some("No"))
    );
    assert!(actions(&s.t.db).contains(&"evaluation.revise".to_owned()));
}

#[test]
fn submitting_completes_the_sample_call_and_marks_the_recording_reviewed() {
    let mut s = scene();
    let request = SampleRequest {
        name: "Week 49".into(),
        criteria: String::new(),
        method: Method::Random {
            size: SampleSize::Count(20),
        },
        seed: Some("7".into()),
        assign: Some(AssignRequest {
            reviewers: vec![s.reviewer.id],
            daily_cap: None,
            due_days: 3,
        }),
    };
    let sample = draw_sample(&mut s.t.db, &s.t.admin, &request).expect("draw");
    let reviewed = |db: &Db, id: i64| -> bool {
        db.conn()
            .query_row(
                "SELECT reviewed FROM recording_facts WHERE recording_id = ?1",
                [id],
                |r| r.get(0),
            )
            .expect("facts")
    };
    assert!(!reviewed(&s.t.db, s.recording_id));
    let count = |db: &Db| {
        hark::sampling::count(
            db.conn(),
            &hark::sampling::Criteria::parse("reviewed").expect("criteria"),
        )
        .expect("count")
    };
    assert_eq!(count(&s.t.db), 0);

    let id = submitted(&mut s);
    let view = evaluation::view(s.t.db.conn(), &s.reviewer, id).expect("view");
    assert_eq!(view.evaluation.sample_id, Some(sample.sample.id));
    let item = hark::sampling::sample::detail(s.t.db.conn(), sample.sample.id)
        .expect("detail")
        .items
        .into_iter()
        .find(|i| i.recording_id == s.recording_id)
        .expect("item");
    assert!(item.completed_at.is_some());
    assert!(reviewed(&s.t.db, s.recording_id));
    assert_eq!(
        count(&s.t.db),
        1,
        "`reviewed` in criteria sees the evaluation"
    );

    // A call evaluated outside any sample counts as reviewed too.
    let other: i64 =
        s.t.db
            .conn()
            .query_row("SELECT max(id) FROM recordings", [], |r| r.get(0))
            .expect("id");
    hark::sampling::sample::replace(&mut s.t.db, &s.t.admin, sample.sample.id, 0, "test").ok();
    let lead_draft = evaluation::start(&mut s.t.db, &s.lead, other, s.scorecard_id).expect("start");
    evaluation::submit(&mut s.t.db, &s.lead, lead_draft.evaluation.id, &complete())
        .expect("submit");
    assert!(reviewed(&s.t.db, other));
}

#[test]
fn a_draft_can_be_discarded_but_a_submitted_evaluation_cannot() {
    let mut s = scene();
    let draft =
        evaluation::start(&mut s.t.db, &s.reviewer, s.recording_id, s.scorecard_id).expect("start");
    evaluation::discard(&mut s.t.db, &s.reviewer, draft.evaluation.id).expect("discard");
    assert!(evaluation::view(s.t.db.conn(), &s.reviewer, draft.evaluation.id).is_err());
    // The form version stays frozen only while something uses it.
    let form = forms::latest(s.t.db.conn(), s.scorecard_id).expect("form");
    assert!(!form.frozen);

    let id = submitted(&mut s);
    assert!(evaluation::discard(&mut s.t.db, &s.reviewer, id).is_err());
    assert!(actions(&s.t.db).contains(&"evaluation.discard".to_owned()));
}

#[test]
fn agents_do_not_score_calls() {
    let mut s = scene();
    let agent = agent_profile(&mut s);
    let error =
        evaluation::start(&mut s.t.db, &agent, s.recording_id, s.scorecard_id).expect_err("agent");
    assert!(matches!(error, EvaluationError::NotAllowed(_)), "{error}");
}

/// The profile of the scene's call's agent.
pub fn agent_profile(s: &mut Scene) -> User {
    let name: String = s
        .t
        .db
        .conn()
        .query_row(
            "SELECT a.name FROM recordings r JOIN agents a ON a.id = r.agent_id WHERE r.id = ?1",
            [s.recording_id],
            |r| r.get(0),
        )
        .expect("agent");
    session::create_agent_profile(&mut s.t.db, &s.lead, &format!("{name} (agent)"), &name)
        .expect("agent profile")
}

#[test]
fn a_correction_is_scored_before_it_is_stored_and_nothing_is_written() {
    let mut s = scene();
    let id = submitted(&mut s);
    let mut fixed = complete();
    fixed.answers.get_mut("b").expect("b").value = Some(AnswerValue::Yes);
    let preview = evaluation::preview(s.t.db.conn(), &s.lead, id, &fixed).expect("preview");
    assert_eq!(preview.score.score, Some(100.0));
    assert!(preview.problems.is_empty());
    let view = evaluation::view(s.t.db.conn(), &s.lead, id).expect("view");
    assert_eq!(
        (view.evaluation.revision, view.evaluation.score),
        (1, Some(60.0))
    );
    let other =
        session::create_user(&mut s.t.db, Some(&s.t.admin), "Ravi", Role::Reviewer).expect("other");
    assert!(matches!(
        evaluation::preview(s.t.db.conn(), &other, id, &fixed),
        Err(EvaluationError::NotAllowed(_))
    ));
}
