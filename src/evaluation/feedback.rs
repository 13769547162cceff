//! The agent's answer to an evaluation: acknowledging it (with an optional comment), or
//! disputing one question with a reason and a proposed answer, which a lead or admin accepts
//! (a new revision, re-scored) or rejects, replying either way.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::revision::{Change, write_revision};
use super::view::{EvaluationView, view};
use super::{EvaluationError, is_lead};
use crate::scorecard::forms::{self, FormVersion};
use crate::scorecard::{AnswerValue, EvaluationContent};
use crate::store::feedback::{self, DisputeStatus, NewDispute, StoredDispute};
use crate::store::users::User;
use crate::store::{Db, audit_log, evaluations};

/// A dispute as lists and the evaluation show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dispute {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub evaluation_id: i64,
    #[ts(type = "number")]
    pub recording_id: i64,
    pub agent: Option<String>,
    /// The revision disputed.
    pub revision: u32,
    pub question: String,
    pub question_text: String,
    /// The answer in the evaluation now.
    pub current_answer: Option<String>,
    pub proposed: AnswerValue,
    pub proposed_answer: String,
    pub reason: String,
    pub raised_by: String,
    pub raised_at: String,
    pub status: DisputeStatus,
    pub reply: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
    /// For an accepted dispute: the revision that re-scored the evaluation.
    pub new_revision: Option<u32>,
    /// Seconds from raising to now (open) or to its resolution.
    #[ts(type = "number")]
    pub age_seconds: i64,
}

fn seconds_between(from: &str, to: Option<&str>) -> i64 {
    let parse = |text: &str| chrono::DateTime::parse_from_rfc3339(text).ok();
    let end = to
        .and_then(parse)
        .map_or_else(chrono::Utc::now, |t| t.to_utc());
    parse(from).map_or(0, |start| (end - start.to_utc()).num_seconds().max(0))
}

pub(super) fn dispute_view(
    form: &FormVersion,
    content: &EvaluationContent,
    stored: StoredDispute,
) -> Result<Dispute, EvaluationError> {
    let proposed: AnswerValue = serde_json::from_str(&stored.proposed).map_err(|e| {
        EvaluationError::Invalid(format!(
            "dispute #{}: the proposed answer cannot be read: {e}",
            stored.id
        ))
    })?;
    let question = form
        .definition
        .question(&stored.question_key)
        .map(|(_, q)| q);
    let current_answer = question.and_then(|q| {
        content
            .answers
            .get(&q.key)
            .and_then(|a| a.value.as_ref())
            .map(|v| v.describe(&q.answer))
    });
    Ok(Dispute {
        id: stored.id,
        evaluation_id: stored.evaluation_id,
        recording_id: stored.recording_id,
        agent: stored.agent,
        revision: stored.revision,
        question_text: question.map_or_else(|| stored.question_key.clone(), |q| q.text.clone()),
        proposed_answer: question.map_or_else(String::new, |q| proposed.describe(&q.answer)),
        question: stored.question_key,
        current_answer,
        proposed,
        reason: stored.reason,
        age_seconds: seconds_between(&stored.raised_at, stored.resolved_at.as_deref()),
        raised_by: stored.raised_by,
        raised_at: stored.raised_at,
        status: stored.status,
        reply: stored.reply,
        resolved_by: stored.resolved_by,
        resolved_at: stored.resolved_at,
        new_revision: stored.new_revision,
    })
}

/// Records the agent's acknowledgement of the evaluation's newest revision.
pub fn acknowledge(
    db: &mut Db,
    actor: &User,
    evaluation_id: i64,
    comment: &str,
) -> Result<EvaluationView, EvaluationError> {
    let current = view(db.conn(), actor, evaluation_id)?;
    if !current.can.acknowledge {
        return Err(EvaluationError::NotAllowed(format!(
            "{} cannot acknowledge evaluation #{evaluation_id}: its agent (or a lead with them) \
             acknowledges a submitted evaluation",
            actor.name
        )));
    }
    let revision = current.evaluation.revision;
    if current
        .acknowledgements
        .iter()
        .any(|a| a.revision == revision)
    {
        return Err(EvaluationError::Invalid(format!(
            "revision {revision} of evaluation #{evaluation_id} is already acknowledged"
        )));
    }
    let comment = comment.trim();
    db.write(|tx| -> Result<(), EvaluationError> {
        feedback::insert_acknowledgement(tx, evaluation_id, revision, comment, actor.id)?;
        audit_log::append(
            tx,
            actor,
            "evaluation.acknowledge",
            &format!("evaluation:{evaluation_id}"),
            &serde_json::json!({
                "revision": revision,
                "agent": current.evaluation.agent,
                "comment": comment,
            }),
        )?;
        Ok(())
    })?;
    view(db.conn(), actor, evaluation_id)
}

/// Disputes one question of a submitted evaluation, proposing another answer.
pub fn raise_dispute(
    db: &mut Db,
    actor: &User,
    evaluation_id: i64,
    question_key: &str,
    proposed: &AnswerValue,
    reason: &str,
) -> Result<EvaluationView, EvaluationError> {
    let current = view(db.conn(), actor, evaluation_id)?;
    if !current.can.dispute {
        return Err(EvaluationError::NotAllowed(format!(
            "{} cannot dispute evaluation #{evaluation_id}: its agent (or a lead for them) \
             disputes a submitted evaluation",
            actor.name
        )));
    }
    let Some((_, question)) = current.form.definition.question(question_key) else {
        return Err(EvaluationError::Invalid(format!(
            "the form {:?} has no question {question_key:?}",
            current.form.definition.name
        )));
    };
    if !question.answer.scores() {
        return Err(EvaluationError::Invalid(format!(
            "{:?} is not scored: there is nothing to dispute",
            question.text
        )));
    }
    proposed.check(question).map_err(EvaluationError::Invalid)?;
    let now = current
        .content
        .answers
        .get(question_key)
        .and_then(|a| a.value.as_ref());
    if now == Some(proposed) {
        return Err(EvaluationError::Invalid(format!(
            "{:?} is already answered {}",
            question.text,
            proposed.describe(&question.answer)
        )));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EvaluationError::Invalid("a dispute needs a reason".into()));
    }
    if current
        .disputes
        .iter()
        .any(|d| d.question == question_key && d.status == DisputeStatus::Open)
    {
        return Err(EvaluationError::Invalid(format!(
            "{:?} already has an open dispute",
            question.text
        )));
    }
    let proposed_json = serde_json::to_string(proposed)
        .map_err(|e| EvaluationError::Invalid(format!("proposed answer: {e}")))?;
    let revision = current.evaluation.revision;
    db.write(|tx| -> Result<(), EvaluationError> {
        let id = feedback::insert_dispute(
            tx,
            &NewDispute {
                evaluation_id,
                revision,
                question_key,
                reason,
                proposed: &proposed_json,
                raised_by: actor.id,
            },
        )?;
        audit_log::append(
            tx,
            actor,
            "dispute.open",
            &format!("dispute:{id}"),
            &serde_json::json!({
                "evaluation": evaluation_id,
                "revision": revision,
                "question": question_key,
                "proposed": proposed.describe(&question.answer),
                "reason": reason,
            }),
        )?;
        Ok(())
    })?;
    view(db.conn(), actor, evaluation_id)
}

/// Accepts (re-scoring the evaluation as a new revision with the proposed answer) or rejects
/// a dispute, with a reply. Leads and admins resolve disputes.
pub fn resolve_dispute(
    db: &mut Db,
    actor: &User,
    dispute_id: i64,
    accept: bool,
    reply: &str,
) -> Result<EvaluationView, EvaluationError> {
    if !is_lead(actor) {
        return Err(EvaluationError::NotAllowed(format!(
            "{} is a {}: a lead or an admin resolves disputes",
            actor.name,
            actor.role.as_str()
        )));
    }
    let stored = feedback::dispute(db.conn(), dispute_id)?;
    if stored.status != DisputeStatus::Open {
        return Err(EvaluationError::Invalid(format!(
            "dispute #{dispute_id} is already {}",
            stored.status.as_str()
        )));
    }
    let reply = reply.trim();
    if reply.is_empty() {
        return Err(EvaluationError::Invalid(
            "resolving a dispute needs a reply to the agent".into(),
        ));
    }
    let evaluation_id = stored.evaluation_id;
    let current = view(db.conn(), actor, evaluation_id)?;
    let dispute = dispute_view(&current.form, &current.content, stored)?;
    let mut content = current.content.clone();
    content
        .answers
        .entry(dispute.question.clone())
        .or_default()
        .value = Some(dispute.proposed.clone());
    let number = current.evaluation.revision + 1;
    let status = if accept {
        DisputeStatus::Accepted
    } else {
        DisputeStatus::Rejected
    };
    db.write(|tx| -> Result<(), EvaluationError> {
        let mut new_score = None;
        if accept {
            let reason = format!("Dispute #{dispute_id} accepted: {reply}");
            let scored = write_revision(
                tx,
                &current.form,
                evaluation_id,
                number,
                &Change {
                    content: &content,
                    made_by: actor,
                    reason: &reason,
                    dispute_id: Some(dispute_id),
                },
            )?;
            new_score = Some(scored.score);
        }
        feedback::resolve_dispute(
            tx,
            dispute_id,
            status,
            reply,
            actor.id,
            accept.then_some(number),
        )?;
        audit_log::append(
            tx,
            actor,
            if accept {
                "dispute.accept"
            } else {
                "dispute.reject"
            },
            &format!("dispute:{dispute_id}"),
            &serde_json::json!({
                "evaluation": evaluation_id,
                "question": dispute.question,
                "reply": reply,
                "revision": accept.then_some(number),
                "previousScore": current.score.score,
                "score": new_score,
            }),
        )?;
        Ok(())
    })?;
    view(db.conn(), actor, evaluation_id)
}

/// Every open dispute, oldest first, with its age.
pub fn open_disputes(conn: &Connection, actor: &User) -> Result<Vec<Dispute>, EvaluationError> {
    let mut forms_cache: Vec<FormVersion> = Vec::new();
    let mut disputes = Vec::new();
    for stored in feedback::open_disputes(conn)? {
        let row = evaluations::get(conn, stored.evaluation_id)?;
        if super::view::ensure_visible(actor, &row).is_err() {
            continue;
        }
        let form = match forms_cache
            .iter()
            .find(|f| f.id == row.scorecard_version_id)
        {
            Some(form) => form.clone(),
            None => {
                let form = forms::version(conn, row.scorecard_version_id)?;
                forms_cache.push(form.clone());
                form
            }
        };
        let content = evaluations::revisions(conn, row.id)?
            .last()
            .map(|r| super::view::parse_content(&r.content, &format!("evaluation #{}", row.id)))
            .transpose()?
            .unwrap_or_default();
        disputes.push(dispute_view(&form, &content, stored)?);
    }
    Ok(disputes)
}
