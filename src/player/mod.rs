//! The call player: decodes a recording and plays it through rodio on its own thread, with
//! pitch-kept speed, per-side volume and solo, skip-silence, loudness normalisation and loops.
//!
//! `pipeline` renders (decoder → `mix` → `gain` → `stretch`, with `skip` jumps and loops) and
//! keeps the position; `output` wraps it as a rodio source and holds the device; `handle` is
//! the `Player` the app talks to.

mod error;
mod gain;
mod handle;
mod mix;
mod output;
mod pipeline;
mod settings;
mod skip;
mod stretch;
mod types;

pub use error::PlayerError;
pub use handle::{PlaybackSource, Player};
pub use settings::{MAX_SPEED, MAX_VOLUME, MIN_SPEED};
pub use types::{
    ChannelMode, OutputDevice, PlaybackSettings, PlaybackStatus, PlayerCommand, PlayerState,
    SkippedSilence,
};
