//! Hark's error: one enum over the areas' errors, with a stable machine-readable code so the
//! desktop shell can hand the UI `{code, message}`.

use crate::audio::AudioError;
use crate::demo::DemoError;
use crate::evaluation::EvaluationError;
use crate::fingerprint::FingerprintError;
use crate::import::ImportError;
use crate::player::PlayerError;
use crate::sampling::{CriteriaError, SampleError};
use crate::scorecard::ScorecardError;
use crate::store::StoreError;
use crate::waveform::WaveformError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error(transparent)]
    Demo(#[from] DemoError),
    #[error(transparent)]
    Read(#[from] FingerprintError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Player(#[from] PlayerError),
    #[error(transparent)]
    Waveform(#[from] WaveformError),
    #[error(transparent)]
    Sample(#[from] SampleError),
    #[error("criteria: {0}")]
    Criteria(#[from] CriteriaError),
    #[error(transparent)]
    Scorecard(#[from] ScorecardError),
    #[error(transparent)]
    Evaluation(#[from] EvaluationError),
}

impl Error {
    /// A short, stable code the UI can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Store(StoreError::NewerSchema { .. }) => "db_newer_schema",
            Error::Store(StoreError::NotFound { .. }) => "not_found",
            Error::Store(StoreError::Invalid(_)) => "invalid",
            Error::Store(_) => "db",
            Error::Audio(_) => "audio",
            Error::Demo(DemoError::NotFound(_)) => "demo_missing",
            Error::Demo(_) => "demo",
            Error::Read(_) => "io",
            Error::Import(ImportError::NoSuchPath(_)) => "no_such_path",
            Error::Import(_) => "import",
            Error::Player(PlayerError::Audio(_)) => "audio",
            Error::Player(_) => "player",
            // A recording that cannot be decoded is the same problem whoever decodes it.
            Error::Waveform(WaveformError::Audio(_)) => "audio",
            Error::Waveform(_) => "waveform",
            Error::Sample(SampleError::Store(StoreError::NotFound { .. })) => "not_found",
            Error::Sample(SampleError::Criteria(_)) | Error::Criteria(_) => "criteria",
            Error::Sample(SampleError::Invalid(_)) => "invalid",
            Error::Sample(_) => "sample",
            Error::Scorecard(ScorecardError::Store(StoreError::NotFound { .. }))
            | Error::Evaluation(EvaluationError::Store(StoreError::NotFound { .. })) => "not_found",
            Error::Scorecard(ScorecardError::NotAllowed(_))
            | Error::Evaluation(EvaluationError::NotAllowed(_)) => "not_allowed",
            Error::Scorecard(ScorecardError::Invalid(_) | ScorecardError::File { .. })
            | Error::Evaluation(
                EvaluationError::Invalid(_)
                | EvaluationError::Scorecard(
                    ScorecardError::Invalid(_) | ScorecardError::File { .. },
                ),
            ) => "invalid",
            Error::Evaluation(EvaluationError::Incomplete(_)) => "incomplete",
            Error::Scorecard(_) => "scorecard",
            Error::Evaluation(_) => "evaluation",
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// An error as the UI receives it: a stable `code` to branch on and a `message` to show.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl From<Error> for CommandError {
    fn from(error: Error) -> Self {
        CommandError {
            code: error.code().to_owned(),
            message: error.to_string(),
        }
    }
}

impl From<crate::analysis::AnalysisError> for Error {
    fn from(error: crate::analysis::AnalysisError) -> Self {
        match error {
            crate::analysis::AnalysisError::Audio(e) => Error::Audio(e),
            crate::analysis::AnalysisError::Store(e) => Error::Store(e),
        }
    }
}
