//! An evaluation in progress: started on a call with the newest version of a form (which
//! freezes that version), saved whole on every change so a killed app loses at most the last
//! change, and submitted once complete, which locks it as revision 1.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::revision::{Change, check_complete, write_revision};
use super::view::{EvaluationView, view};
use super::{EvaluationError, ensure_evaluator};
use crate::scorecard::forms;
use crate::scorecard::{
    EvaluationContent, Score, SubmitProblem, check_values, score, submit_problems,
};
use crate::store::evaluations::{self, EvaluationRow, EvaluationStatus, NewEvaluation};
use crate::store::scorecards::{self, ScorecardSummary};
use crate::store::users::{Role, User};
use crate::store::{Db, StoreError, audit_log, recordings};

/// What the call page's scoring panel needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallEvaluations {
    /// Forms that can be started (not archived).
    pub forms: Vec<ScorecardSummary>,
    /// The form to offer first: the one the profile used last, else the first.
    #[ts(type = "number | null")]
    pub suggested_scorecard_id: Option<i64>,
    /// The acting profile's evaluation in progress on this call.
    pub draft: Option<EvaluationView>,
    /// Submitted evaluations of this call (an agent sees only their own).
    pub submitted: Vec<EvaluationRow>,
}

/// What a draft save answers: when it was saved, the live score, what still blocks submitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftSaved {
    pub saved_at: String,
    pub score: Score,
    pub problems: Vec<SubmitProblem>,
}

pub fn for_call(
    conn: &Connection,
    actor: &User,
    recording_id: i64,
) -> Result<CallEvaluations, EvaluationError> {
    let forms: Vec<ScorecardSummary> = scorecards::list(conn)?
        .into_iter()
        .filter(|f| !f.archived)
        .collect();
    let all = evaluations::for_recording(conn, recording_id)?;
    let draft = all
        .iter()
        .find(|e| e.status == EvaluationStatus::Draft && e.reviewer_id == actor.id)
        .map(|e| view(conn, actor, e.id))
        .transpose()?;
    let submitted = all
        .into_iter()
        .filter(|e| e.status == EvaluationStatus::Submitted)
        .filter(|e| {
            actor.role != Role::Agent || (e.agent_id.is_some() && e.agent_id == actor.agent_id)
        })
        .collect();
    let last_used: Option<i64> = conn
        .prepare_cached(
            "SELECT v.scorecard_id FROM evaluations e
             JOIN scorecard_versions v ON v.id = e.scorecard_version_id
             JOIN scorecards s ON s.id = v.scorecard_id
             WHERE e.reviewer_id = ?1 AND NOT s.archived ORDER BY e.id DESC LIMIT 1",
        )?
        .query_row([actor.id], |row| row.get(0))
        .optional()?;
    let suggested_scorecard_id = last_used.or_else(|| forms.first().map(|f| f.id));
    Ok(CallEvaluations {
        forms,
        suggested_scorecard_id,
        draft,
        submitted,
    })
}

/// Starts evaluating `recording_id` with the newest version of form `scorecard_id` (or resumes
/// the profile's evaluation in progress on that call). It reviews the call's open sample item
/// assigned to the profile, if there is one.
pub fn start(
    db: &mut Db,
    actor: &User,
    recording_id: i64,
    scorecard_id: i64,
) -> Result<EvaluationView, EvaluationError> {
    ensure_evaluator(actor)?;
    if let Some(id) = evaluations::draft_id(db.conn(), recording_id, actor.id)? {
        return view(db.conn(), actor, id);
    }
    let form = forms::latest(db.conn(), scorecard_id)?;
    if scorecards::is_archived(db.conn(), scorecard_id)? {
        return Err(EvaluationError::Invalid(format!(
            "the scorecard {:?} is archived",
            form.definition.name
        )));
    }
    let agent_id = recordings::agent_id(db.conn(), recording_id)?;
    let sample = evaluations::sample_item_for(db.conn(), recording_id, actor.id)?;
    let id = db.write(|tx| -> Result<i64, EvaluationError> {
        let id = evaluations::insert(
            tx,
            &NewEvaluation {
                recording_id,
                scorecard_version_id: form.id,
                reviewer_id: actor.id,
                agent_id,
                sample,
            },
        )?;
        evaluations::save_draft(tx, id, "{}")?;
        audit_log::append(
            tx,
            actor,
            "evaluation.start",
            &format!("evaluation:{id}"),
            &serde_json::json!({
                "recording": recording_id,
                "scorecard": form.definition.name,
                "version": form.version,
                "sample": sample.map(|(s, p)| serde_json::json!({ "sample": s, "position": p })),
            }),
        )?;
        Ok(id)
    })?;
    view(db.conn(), actor, id)
}

fn own_draft(
    conn: &Connection,
    actor: &User,
    id: i64,
) -> Result<(EvaluationRow, forms::FormVersion), EvaluationError> {
    let row = evaluations::get(conn, id)?;
    if row.status != EvaluationStatus::Draft {
        return Err(EvaluationError::Invalid(format!(
            "evaluation #{id} is submitted and locked: a change is a new revision, with a reason"
        )));
    }
    if row.reviewer_id != actor.id {
        return Err(EvaluationError::NotAllowed(format!(
            "evaluation #{id} is {}'s draft; {} cannot change it",
            row.reviewer, actor.name
        )));
    }
    let form = forms::version(conn, row.scorecard_version_id)?;
    Ok((row, form))
}

/// Saves the draft's whole content (one small transaction, committed before this returns).
pub fn save_draft(
    db: &mut Db,
    actor: &User,
    id: i64,
    content: &EvaluationContent,
) -> Result<DraftSaved, EvaluationError> {
    let (_, form) = own_draft(db.conn(), actor, id)?;
    check_values(&form.definition, content)?;
    let json = serde_json::to_string(content)
        .map_err(|e| EvaluationError::Invalid(format!("answers: {e}")))?;
    let saved_at = db.write(|tx| evaluations::save_draft(tx, id, &json))?;
    let scored = score(&form.definition, content);
    let problems = submit_problems(&form.definition, content, &scored);
    Ok(DraftSaved {
        saved_at,
        score: scored,
        problems,
    })
}

/// Submits the draft with `content` (its latest state from the form): checked complete, then
/// locked as revision 1; its sample call is marked completed.
pub fn submit(
    db: &mut Db,
    actor: &User,
    id: i64,
    content: &EvaluationContent,
) -> Result<EvaluationView, EvaluationError> {
    let (row, form) = own_draft(db.conn(), actor, id)?;
    let json = serde_json::to_string(content)
        .map_err(|e| EvaluationError::Invalid(format!("answers: {e}")))?;
    if let Err(error) = check_complete(&form, content) {
        // What was typed is kept even when it cannot be submitted yet.
        if check_values(&form.definition, content).is_ok() {
            db.write(|tx| evaluations::save_draft(tx, id, &json))?;
        }
        return Err(error);
    }
    db.write(|tx| -> Result<(), EvaluationError> {
        let scored = write_revision(
            tx,
            &form,
            id,
            1,
            &Change {
                content,
                made_by: actor,
                reason: "Submitted",
                dispute_id: None,
            },
        )?;
        evaluations::mark_submitted(tx, id)?;
        audit_log::append(
            tx,
            actor,
            "evaluation.submit",
            &format!("evaluation:{id}"),
            &serde_json::json!({
                "recording": row.recording_id,
                "agent": row.agent,
                "scorecard": form.definition.name,
                "version": form.version,
                "score": scored.score,
                "computedScore": scored.computed,
                "criticalFailed": scored.critical_failed,
            }),
        )?;
        Ok(())
    })?;
    view(db.conn(), actor, id)
}

/// Throws away the profile's draft (a submitted evaluation is never deleted).
pub fn discard(db: &mut Db, actor: &User, id: i64) -> Result<(), EvaluationError> {
    let (row, form) = own_draft(db.conn(), actor, id)?;
    db.write(|tx| -> Result<(), StoreError> {
        evaluations::delete_draft(tx, id)?;
        audit_log::append(
            tx,
            actor,
            "evaluation.discard",
            &format!("evaluation:{id}"),
            &serde_json::json!({
                "recording": row.recording_id,
                "scorecard": form.definition.name,
                "version": form.version,
            }),
        )?;
        Ok(())
    })?;
    Ok(())
}
