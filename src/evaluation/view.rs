//! One evaluation as the call page and the agent's page show it: its form, its current
//! content and score, its history of revisions with what each changed, the agent's
//! acknowledgements and disputes, and what the acting profile may do with it.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::feedback::{Dispute, dispute_view};
use super::{EvaluationError, is_lead};
use crate::scorecard::forms::{self, FormVersion};
use crate::scorecard::{EvaluationContent, Score, SubmitProblem, score, submit_problems};
use crate::store::evaluations::{self, EvaluationRow, EvaluationStatus, StoredRevision};
use crate::store::feedback::{self, Acknowledgement, DisputeStatus};
use crate::store::users::{Role, User};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationView {
    pub evaluation: EvaluationRow,
    pub form: FormVersion,
    /// The draft's content, or the newest revision's.
    pub content: EvaluationContent,
    pub score: Score,
    /// What still stops submitting (drafts only).
    pub problems: Vec<SubmitProblem>,
    /// When the draft was last saved.
    pub saved_at: Option<String>,
    pub revisions: Vec<RevisionInfo>,
    pub acknowledgements: Vec<Acknowledgement>,
    pub disputes: Vec<Dispute>,
    pub can: Permissions,
}

/// What the acting profile may do with this evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Permissions {
    /// Fill in and submit the draft.
    pub edit: bool,
    /// Make a new revision of the submitted evaluation.
    pub revise: bool,
    pub acknowledge: bool,
    pub dispute: bool,
    pub resolve: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevisionInfo {
    pub revision: u32,
    pub score: Option<f64>,
    pub computed_score: Option<f64>,
    pub critical_failed: bool,
    pub made_by: String,
    pub made_at: String,
    pub reason: String,
    #[ts(type = "number | null")]
    pub dispute_id: Option<i64>,
    /// The answers this revision changed from the one before.
    pub changes: Vec<AnswerChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerChange {
    pub question: String,
    pub text: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub comment_changed: bool,
}

pub(super) fn parse_content(json: &str, what: &str) -> Result<EvaluationContent, EvaluationError> {
    serde_json::from_str(json).map_err(|e| {
        EvaluationError::Invalid(format!("{what}: the stored answers cannot be read: {e}"))
    })
}

fn changes(
    form: &FormVersion,
    before: &EvaluationContent,
    after: &EvaluationContent,
) -> Vec<AnswerChange> {
    form.definition
        .questions()
        .filter_map(|(_, question)| {
            let old = before.answers.get(&question.key);
            let new = after.answers.get(&question.key);
            let describe = |a: Option<&crate::scorecard::Answer>| {
                a.and_then(|a| a.value.as_ref())
                    .map(|v| v.describe(&question.answer))
            };
            let comment =
                |a: Option<&crate::scorecard::Answer>| a.map(|a| a.comment.trim().to_owned());
            let (from, to) = (describe(old), describe(new));
            let comment_changed =
                comment(old).unwrap_or_default() != comment(new).unwrap_or_default();
            (from != to || comment_changed).then(|| AnswerChange {
                question: question.key.clone(),
                text: question.text.clone(),
                from,
                to,
                comment_changed,
            })
        })
        .collect()
}

fn revision_infos(
    form: &FormVersion,
    stored: &[StoredRevision],
) -> Result<Vec<RevisionInfo>, EvaluationError> {
    let mut previous = EvaluationContent::default();
    let mut infos = Vec::with_capacity(stored.len());
    for revision in stored {
        let content = parse_content(
            &revision.content,
            &format!("revision {}", revision.revision),
        )?;
        infos.push(RevisionInfo {
            revision: revision.revision,
            score: revision.score,
            computed_score: revision.computed_score,
            critical_failed: revision.critical_failed,
            made_by: revision.made_by_name.clone(),
            made_at: revision.made_at.clone(),
            reason: revision.reason.clone(),
            dispute_id: revision.dispute_id,
            // The first revision is the submission: listing every answer as a change says
            // nothing, so only later revisions carry changes.
            changes: match revision.revision {
                1 => Vec::new(),
                _ => changes(form, &previous, &content),
            },
        });
        previous = content;
    }
    Ok(infos)
}

/// Whether `actor` speaks for the agent of `row`: the agent's own profile, or a lead or admin
/// recording it with them.
pub(super) fn speaks_for_agent(actor: &User, row: &EvaluationRow) -> bool {
    match actor.role {
        Role::Agent => row.agent_id.is_some() && actor.agent_id == row.agent_id,
        _ => is_lead(actor),
    }
}

pub(super) fn permissions(actor: &User, row: &EvaluationRow) -> Permissions {
    let submitted = row.status == EvaluationStatus::Submitted;
    let own = row.reviewer_id == actor.id;
    Permissions {
        edit: !submitted && own,
        revise: submitted && (own || is_lead(actor)) && actor.role != Role::Agent,
        acknowledge: submitted && speaks_for_agent(actor, row),
        dispute: submitted && speaks_for_agent(actor, row),
        resolve: submitted && is_lead(actor),
    }
}

/// Agents see only their own evaluations.
pub(super) fn ensure_visible(actor: &User, row: &EvaluationRow) -> Result<(), EvaluationError> {
    if actor.role == Role::Agent && (row.agent_id.is_none() || actor.agent_id != row.agent_id) {
        return Err(EvaluationError::NotAllowed(format!(
            "{} is an agent's profile and sees only their own evaluations",
            actor.name
        )));
    }
    if actor.role == Role::Agent && row.status == EvaluationStatus::Draft {
        return Err(EvaluationError::NotAllowed(
            "an evaluation is shown to its agent once it is submitted".into(),
        ));
    }
    Ok(())
}

/// The evaluation `id` as `actor` sees it.
pub fn view(conn: &Connection, actor: &User, id: i64) -> Result<EvaluationView, EvaluationError> {
    let row = evaluations::get(conn, id)?;
    ensure_visible(actor, &row)?;
    let form = forms::version(conn, row.scorecard_version_id)?;
    let stored = evaluations::revisions(conn, id)?;
    let draft = match row.status {
        EvaluationStatus::Draft => evaluations::draft(conn, id)?,
        EvaluationStatus::Submitted => None,
    };
    let content = match (&draft, stored.last()) {
        (Some(draft), _) => parse_content(&draft.content, &format!("draft of evaluation #{id}"))?,
        (None, Some(last)) => parse_content(&last.content, &format!("evaluation #{id}"))?,
        (None, None) => EvaluationContent::default(),
    };
    let score = score(&form.definition, &content);
    let problems = match row.status {
        EvaluationStatus::Draft => submit_problems(&form.definition, &content, &score),
        EvaluationStatus::Submitted => Vec::new(),
    };
    let disputes = feedback::disputes_of(conn, id)?
        .into_iter()
        .map(|d| dispute_view(&form, &content, d))
        .collect::<Result<Vec<_>, _>>()?;
    let can = permissions(actor, &row);
    Ok(EvaluationView {
        revisions: revision_infos(&form, &stored)?,
        acknowledgements: feedback::acknowledgements(conn, id)?,
        disputes,
        saved_at: draft.map(|d| d.saved_at),
        problems,
        score,
        content,
        form,
        evaluation: row,
        can,
    })
}

/// Whether any dispute of the evaluation is open.
pub(super) fn has_open_dispute(view: &EvaluationView) -> bool {
    view.disputes
        .iter()
        .any(|d| d.status == DisputeStatus::Open)
}
