//! Scorecards: the forms reviewers fill in (`definition`), what they fill in (`content`), the
//! score (`score`), what submitting needs (`check`), and keeping forms as frozen versions with
//! JSON import, export and ready templates (`forms`, `file`, `templates`).

pub mod check;
pub mod content;
pub mod definition;
pub mod file;
pub mod forms;
pub mod score;
pub mod templates;

pub use check::{SubmitProblem, SubmitProblemKind, check_values, submit_problems};
pub use content::{Answer, AnswerValue, EvaluationContent, Feedback, Pin};
pub use definition::{
    AnswerType, ChoiceOption, FailEffect, NaScoring, Question, ScorecardDefinition, Section,
};
pub use forms::{FormVersion, SaveOutcome};
pub use score::{QuestionScore, Score, SectionScore, score};

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ScorecardError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: {reason}")]
    File { path: String, reason: String },
    #[error("{0}")]
    NotAllowed(String),
}

impl From<rusqlite::Error> for ScorecardError {
    fn from(error: rusqlite::Error) -> Self {
        ScorecardError::Store(StoreError::from(error))
    }
}
