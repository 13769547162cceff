//! The feedback loop: the agent's page, acknowledgements, disputes accepted (a re-scored
//! revision) or rejected, open disputes with their age, every step audited.

use hark::evaluation::{self, EvaluationError};
use hark::scorecard::AnswerValue;
use hark::session;
use hark::store::audit_log;
use hark::store::feedback::DisputeStatus;
use hark::store::users::Role;

use super::evaluation::{agent_profile, scene, submitted};

#[test]
fn a_submitted_evaluation_shows_on_its_agents_page() {
    let mut s = scene();
    let id = submitted(&mut s);
    let view = evaluation::view(s.t.db.conn(), &s.lead, id).expect("view");
    let agent_id = view.evaluation.agent_id.expect("agent");
    let page = evaluation::agent_page(s.t.db.conn(), &s.lead, agent_id).expect("page");
    assert_eq!(page.evaluations.len(), 1);
    assert_eq!(page.evaluations[0].score, Some(60.0));
    assert_eq!(page.agent.evaluations, 1);
    assert_eq!(page.agent.average_score, Some(60.0));
    assert_eq!(page.agent.unacknowledged, 1);
    assert_eq!(page.forms.len(), 1);
    assert_eq!(page.forms[0].versions, vec![1]);
    let listed = evaluation::agents(s.t.db.conn(), &s.lead).expect("agents");
    assert!(
        listed
            .iter()
            .any(|a| a.id == agent_id && a.evaluations == 1)
    );

    // A draft is not on the page.
    let other = s.recording_id;
    let lead_draft = evaluation::start(&mut s.t.db, &s.lead, other, s.scorecard_id).expect("start");
    assert_eq!(
        lead_draft.evaluation.status,
        hark::store::evaluations::EvaluationStatus::Draft
    );
    let page = evaluation::agent_page(s.t.db.conn(), &s.lead, agent_id).expect("page");
    assert_eq!(page.evaluations.len(), 1);
}

#[test]
fn the_agent_acknowledges_with_a_comment_and_the_time_once_per_revision() {
    let mut s = scene();
    let id = submitted(&mut s);
    let agent = agent_profile(&mut s);
    // Agents see only their own page and evaluations.
    let view = evaluation::view(s.t.db.conn(), &agent, id).expect("own evaluation");
    assert!(view.can.acknowledge && view.can.dispute && !view.can.resolve && !view.can.revise);
    let other_agent: String =
        s.t.db
            .conn()
            .query_row(
                "SELECT name FROM agents WHERE id <> ?1 LIMIT 1",
                [view.evaluation.agent_id.expect("agent")],
                |r| r.get(0),
            )
            .expect("another agent");
    let stranger =
        session::create_agent_profile(&mut s.t.db, &s.lead, "Someone else", &other_agent)
            .expect("another agent's profile");
    assert!(matches!(
        evaluation::view(s.t.db.conn(), &stranger, id),
        Err(EvaluationError::NotAllowed(_))
    ));
    assert!(evaluation::acknowledge(&mut s.t.db, &stranger, id, "").is_err());

    let view = evaluation::acknowledge(&mut s.t.db, &agent, id, "Thanks, noted about the address")
        .expect("ack");
    assert_eq!(view.acknowledgements.len(), 1);
    let ack = &view.acknowledgements[0];
    assert_eq!(
        (ack.revision, ack.comment.as_str(), ack.by_agent),
        (1, "Thanks, noted about the address", true)
    );
    assert!(chrono::DateTime::parse_from_rfc3339(&ack.at).is_ok());
    assert!(view.evaluation.acknowledged_at.is_some());
    let twice = evaluation::acknowledge(&mut s.t.db, &agent, id, "").expect_err("twice");
    assert!(twice.to_string().contains("already acknowledged"));

    // A reviewer may not acknowledge for the agent; a lead may, recorded as the lead.
    assert!(evaluation::acknowledge(&mut s.t.db, &s.reviewer, id, "").is_err());
}

#[test]
fn an_accepted_dispute_rescores_as_a_new_revision_and_keeps_the_history() {
    let mut s = scene();
    let id = submitted(&mut s);
    let agent = agent_profile(&mut s);

    let bad = evaluation::raise_dispute(&mut s.t.db, &agent, id, "b", &AnswerValue::Scale(3), "x");
    assert!(
        bad.is_err(),
        "a scale value is no answer to a yes/no question"
    );
    let same = evaluation::raise_dispute(&mut s.t.db, &agent, id, "a", &AnswerValue::Yes, "x");
    assert!(
        same.expect_err("same")
            .to_string()
            .contains("already answered")
    );
    let view = evaluation::raise_dispute(
        &mut s.t.db,
        &agent,
        id,
        "b",
        &AnswerValue::Yes,
        "I confirmed the address at 1:12",
    )
    .expect("dispute");
    assert_eq!(view.disputes.len(), 1);
    let dispute = view.disputes[0].clone();
    assert_eq!(dispute.status, DisputeStatus::Open);
    assert_eq!(
        (
            dispute.current_answer.as_deref(),
            dispute.proposed_answer.as_str()
        ),
        (Some("No"), "Yes")
    );
    assert!(
        evaluation::raise_dispute(&mut s.t.db, &agent, id, "b", &AnswerValue::Yes, "again")
            .is_err()
    );

    let open = evaluation::open_disputes(s.t.db.conn(), &s.lead).expect("open");
    assert_eq!(open.len(), 1);
    assert!(open[0].age_seconds >= 0 && open[0].age_seconds < 60);
    // While it is open, nobody corrects the evaluation around it.
    let mut fixed = super::evaluation::complete();
    fixed.feedback.notes = "edit".into();
    assert!(evaluation::revise(&mut s.t.db, &s.lead, id, &fixed, "edit").is_err());

    // Only a lead or admin resolves, with a reply.
    assert!(matches!(
        evaluation::resolve_dispute(&mut s.t.db, &agent, dispute.id, true, "ok"),
        Err(EvaluationError::NotAllowed(_))
    ));
    assert!(matches!(
        evaluation::resolve_dispute(&mut s.t.db, &s.reviewer, dispute.id, true, "ok"),
        Err(EvaluationError::NotAllowed(_))
    ));
    assert!(evaluation::resolve_dispute(&mut s.t.db, &s.lead, dispute.id, true, " ").is_err());

    let view = evaluation::resolve_dispute(
        &mut s.t.db,
        &s.lead,
        dispute.id,
        true,
        "Heard it at 1:12, agreed",
    )
    .expect("accept");
    assert_eq!(view.evaluation.revision, 2);
    assert_eq!(view.evaluation.score, Some(100.0));
    let resolved = &view.disputes[0];
    assert_eq!(
        (resolved.status, resolved.new_revision),
        (DisputeStatus::Accepted, Some(2))
    );
    assert_eq!(resolved.reply.as_deref(), Some("Heard it at 1:12, agreed"));
    let last = view.revisions.last().expect("revision 2");
    assert_eq!(last.dispute_id, Some(dispute.id));
    assert_eq!(last.made_by, "Lee Lead");
    assert!(
        last.reason
            .starts_with(&format!("Dispute #{} accepted", dispute.id))
    );
    assert_eq!(last.changes.len(), 1);
    assert_eq!(
        view.revisions[0].score,
        Some(60.0),
        "revision 1 keeps its score"
    );
    assert!(
        evaluation::open_disputes(s.t.db.conn(), &s.lead)
            .expect("open")
            .is_empty()
    );
    assert!(evaluation::resolve_dispute(&mut s.t.db, &s.lead, dispute.id, false, "no").is_err());

    // The new revision can be acknowledged in its turn.
    evaluation::acknowledge(&mut s.t.db, &agent, id, "").expect("ack revision 2");

    let actions: Vec<String> = audit_log::recent(s.t.db.conn(), 50)
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "dispute.open",
        "dispute.accept",
        "evaluation.acknowledge",
        "evaluation.submit",
    ] {
        assert!(
            actions.contains(&action.to_owned()),
            "{action} not in {actions:?}"
        );
    }
    assert!(
        audit_log::verify(s.t.db.conn())
            .expect("verify")
            .problems
            .is_empty()
    );
}

#[test]
fn a_rejected_dispute_leaves_the_score_and_says_why() {
    let mut s = scene();
    let id = submitted(&mut s);
    let lead2 = session::create_user(&mut s.t.db, Some(&s.t.admin), "Ana Admin", Role::Admin)
        .expect("admin");
    // A lead may raise a dispute for the agent too.
    let view = evaluation::raise_dispute(
        &mut s.t.db,
        &s.lead,
        id,
        "b",
        &AnswerValue::Yes,
        "Agent says so",
    )
    .expect("dispute");
    let dispute_id = view.disputes[0].id;
    let view = evaluation::resolve_dispute(
        &mut s.t.db,
        &lead2,
        dispute_id,
        false,
        "The address was not read back",
    )
    .expect("reject");
    assert_eq!(view.evaluation.revision, 1);
    assert_eq!(view.evaluation.score, Some(60.0));
    assert_eq!(view.disputes[0].status, DisputeStatus::Rejected);
    assert_eq!(view.disputes[0].new_revision, None);
    assert!(
        s.t.db
            .conn()
            .execute("UPDATE disputes SET status = 'open'", [])
            .is_err(),
        "a resolved dispute stays resolved"
    );
}
