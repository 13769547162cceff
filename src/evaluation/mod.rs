//! Evaluating calls: drafts saved as the reviewer works, submitting (which locks), revisions
//! for every later change, the agent's acknowledgement and disputes, the agents' pages, and
//! the CSV export. Every step but a draft save is audited in its own transaction.

mod agents;
mod draft;
pub mod export;
mod feedback;
mod revision;
mod view;

pub use agents::{AgentPage, AgentSummary, FormUse, agent_page, agents};
pub use draft::{CallEvaluations, DraftSaved, discard, for_call, save_draft, start, submit};
pub use feedback::{Dispute, acknowledge, open_disputes, raise_dispute, resolve_dispute};
pub use revision::{ScorePreview, preview, revise};
pub use view::{AnswerChange, EvaluationView, Permissions, RevisionInfo, view};

use crate::scorecard::{ScorecardError, SubmitProblem};
use crate::store::StoreError;
use crate::store::users::{Role, User};

#[derive(Debug, thiserror::Error)]
pub enum EvaluationError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Scorecard(#[from] ScorecardError),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotAllowed(String),
    #[error("the evaluation cannot be submitted yet: {}", summary(.0))]
    Incomplete(Vec<SubmitProblem>),
    /// Writing an export failed (a full disk, a closed pipe).
    #[error("writing the export")]
    Write(#[source] std::io::Error),
}

fn summary(problems: &[SubmitProblem]) -> String {
    let shown: Vec<&str> = problems
        .iter()
        .take(3)
        .map(|p| p.message.as_str())
        .collect();
    match problems.len() {
        n if n > 3 => format!("{}; and {} more", shown.join("; "), n - 3),
        _ => shown.join("; "),
    }
}

impl From<rusqlite::Error> for EvaluationError {
    fn from(error: rusqlite::Error) -> Self {
        EvaluationError::Store(StoreError::from(error))
    }
}

/// Agents only see and answer feedback; everyone else may score calls.
fn ensure_evaluator(actor: &User) -> Result<(), EvaluationError> {
    match actor.role {
        Role::Agent => Err(EvaluationError::NotAllowed(format!(
            "{} is an agent's profile: agents do not score calls",
            actor.name
        ))),
        _ => Ok(()),
    }
}

fn is_lead(actor: &User) -> bool {
    matches!(actor.role, Role::Lead | Role::Admin)
}
