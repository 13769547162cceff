//! The one error type at the webview boundary: `hark::error::CommandError`, `{code, message}`.

pub use hark::error::CommandError;

/// Converts any of the library's errors into the boundary's error.
pub fn from_error(error: impl Into<hark::Error>) -> CommandError {
    CommandError::from(error.into())
}

pub fn no_profile() -> CommandError {
    CommandError {
        code: "no_profile".into(),
        message: "choose or create a profile first".into(),
    }
}

pub fn poisoned() -> CommandError {
    CommandError {
        code: "internal".into(),
        message: "an earlier command failed while holding the database; restart Hark".into(),
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
