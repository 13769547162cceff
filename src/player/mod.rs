//! The call player: decodes a recording and plays it through rodio on its own thread, with
//! pitch-kept speed, per-side volume and solo, skip-silence, loudness normalisation and loops.

mod types;

pub use types::{
    ChannelMode, OutputDevice, PlaybackSettings, PlaybackStatus, PlayerCommand, PlayerState,
    SkippedSilence,
};
