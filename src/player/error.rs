use std::path::PathBuf;

use crate::audio::AudioError;

#[derive(Debug, thiserror::Error)]
pub enum PlayerError {
    /// Opening, decoding or seeking the recording failed; the message names the file.
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error("no call is open in the player")]
    NothingOpen,
    #[error("{path}: cannot be played: {reason}")]
    Unplayable { path: PathBuf, reason: String },
}
