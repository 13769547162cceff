//! Revisions: the submission is revision 1; a correction or an accepted dispute adds the next
//! one, scored again on the same frozen form. Nothing submitted is changed in place.

use rusqlite::Transaction;

use super::view::{EvaluationView, has_open_dispute, permissions, view};
use super::{EvaluationError, ensure_evaluator};
use crate::scorecard::forms::FormVersion;
use crate::scorecard::{EvaluationContent, Score, check_values, score, submit_problems};
use crate::store::evaluations::{self, NewAnswer, NewRevision};
use crate::store::users::User;
use crate::store::{Db, audit_log};

/// A submitted state to write: its content, who made it, why, and the dispute behind it.
pub(super) struct Change<'a> {
    pub content: &'a EvaluationContent,
    pub made_by: &'a User,
    pub reason: &'a str,
    pub dispute_id: Option<i64>,
}

/// Writes revision `number` of an evaluation (its row and one answer row per question) and
/// returns its score. The caller has checked the content.
pub(super) fn write_revision(
    tx: &Transaction<'_>,
    form: &FormVersion,
    evaluation_id: i64,
    number: u32,
    change: &Change<'_>,
) -> Result<Score, EvaluationError> {
    let Change {
        content,
        made_by,
        reason,
        dispute_id,
    } = *change;
    let scored = score(&form.definition, content);
    let json = serde_json::to_string(content)
        .map_err(|e| EvaluationError::Invalid(format!("answers: {e}")))?;
    evaluations::insert_revision(
        tx,
        &NewRevision {
            evaluation_id,
            revision: number,
            content: &json,
            score: scored.score,
            computed_score: scored.computed,
            critical_failed: scored.critical_failed,
            passed: scored.passed,
            made_by: made_by.id,
            reason,
            dispute_id,
        },
    )?;
    for (section, question) in form.definition.questions() {
        let answer = content.answers.get(&question.key);
        let value = answer.and_then(|a| a.value.as_ref());
        let scored_question = scored.questions.iter().find(|q| q.key == question.key);
        evaluations::insert_answer(
            tx,
            evaluation_id,
            number,
            &NewAnswer {
                question_key: &question.key,
                section_key: &section.key,
                answer: value.map(|v| v.describe(&question.answer)),
                na: scored_question.is_some_and(|q| q.na),
                earned: scored_question.filter(|q| !q.na).map(|q| q.earned),
                possible: scored_question.filter(|q| !q.na).map(|q| q.possible),
                weight: scored_question.map(|q| q.weight),
                failed: scored_question.is_some_and(|q| q.failed),
                comment: answer.map_or("", |a| a.comment.as_str()),
            },
        )?;
    }
    Ok(scored)
}

/// Checks content meant for a submitted state: values that fit, required answers and
/// comments present.
pub(super) fn check_complete(
    form: &FormVersion,
    content: &EvaluationContent,
) -> Result<(), EvaluationError> {
    check_values(&form.definition, content)?;
    let scored = score(&form.definition, content);
    let problems = submit_problems(&form.definition, content, &scored);
    match problems.is_empty() {
        true => Ok(()),
        false => Err(EvaluationError::Incomplete(problems)),
    }
}

/// The score and the remaining problems `content` would have as a revision of the submitted
/// evaluation `evaluation_id`, without writing anything (the live score while correcting).
pub fn preview(
    conn: &rusqlite::Connection,
    actor: &User,
    evaluation_id: i64,
    content: &EvaluationContent,
) -> Result<ScorePreview, EvaluationError> {
    let current = view(conn, actor, evaluation_id)?;
    if !current.can.revise {
        return Err(EvaluationError::NotAllowed(format!(
            "{} may not revise evaluation #{evaluation_id}",
            actor.name
        )));
    }
    check_values(&current.form.definition, content)?;
    let score = score(&current.form.definition, content);
    let problems = submit_problems(&current.form.definition, content, &score);
    Ok(ScorePreview { score, problems })
}

/// What content would score, and what would stop it from being stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorePreview {
    pub score: Score,
    pub problems: Vec<crate::scorecard::SubmitProblem>,
}

/// Corrects a submitted evaluation: a new revision with `content`, by `actor`, because
/// `reason`. Its reviewer, a lead or an admin may; not while a dispute on it is open (resolving
/// the dispute is how that question changes).
pub fn revise(
    db: &mut Db,
    actor: &User,
    evaluation_id: i64,
    content: &EvaluationContent,
    reason: &str,
) -> Result<EvaluationView, EvaluationError> {
    ensure_evaluator(actor)?;
    let current = view(db.conn(), actor, evaluation_id)?;
    if !permissions(actor, &current.evaluation).revise {
        return Err(EvaluationError::NotAllowed(format!(
            "{} may not revise evaluation #{evaluation_id}: only a submitted evaluation's \
             reviewer, a lead or an admin may",
            actor.name
        )));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EvaluationError::Invalid(
            "a revision needs a reason: say why the evaluation changes".into(),
        ));
    }
    if has_open_dispute(&current) {
        return Err(EvaluationError::Invalid(format!(
            "evaluation #{evaluation_id} has an open dispute: resolve it first"
        )));
    }
    if *content == current.content {
        return Err(EvaluationError::Invalid(
            "nothing changed: a revision must change an answer, a comment or the feedback".into(),
        ));
    }
    check_complete(&current.form, content)?;
    let number = current.evaluation.revision + 1;
    db.write(|tx| -> Result<(), EvaluationError> {
        let scored = write_revision(
            tx,
            &current.form,
            evaluation_id,
            number,
            &Change {
                content,
                made_by: actor,
                reason,
                dispute_id: None,
            },
        )?;
        audit_log::append(
            tx,
            actor,
            "evaluation.revise",
            &format!("evaluation:{evaluation_id}"),
            &serde_json::json!({
                "revision": number,
                "reason": reason,
                "score": scored.score,
                "previousScore": current.score.score,
            }),
        )?;
        Ok(())
    })?;
    view(db.conn(), actor, evaluation_id)
}
