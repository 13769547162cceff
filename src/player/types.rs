//! What the player shows the UI and takes from it. Times are milliseconds of the recording
//! (source time), whatever the playback speed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::Span;

/// Which sides of a two-channel call are heard. Agent is the left channel, customer the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChannelMode {
    /// Agent left, customer right, as recorded.
    #[default]
    Stereo,
    /// Both sides mixed to the centre (one earbud, or hard-panned recordings).
    Mono,
    /// Only the agent, in both ears.
    SoloAgent,
    /// Only the customer, in both ears.
    SoloCustomer,
}

/// Everything about how the call is played that the reviewer can change while it plays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaybackSettings {
    /// Tempo, 0.5 to 3.0, pitch kept.
    pub speed: f32,
    /// Gain of the agent side (left, or the only channel of a mono call), 0.0 to 2.0.
    pub agent_volume: f32,
    /// Gain of the customer side (right), 0.0 to 2.0; ignored for mono calls.
    pub customer_volume: f32,
    pub channel_mode: ChannelMode,
    /// Jump over stretches where nobody talks for at least `skip_silence_ms`.
    pub skip_silence: bool,
    #[ts(type = "number")]
    pub skip_silence_ms: u64,
    /// Bring the call to a common loudness (from its measured LUFS) without touching the file.
    pub normalize: bool,
    /// Play this range over and over; `None` plays to the end.
    pub loop_range: Option<Span>,
}

impl Default for PlaybackSettings {
    fn default() -> Self {
        PlaybackSettings {
            speed: 1.0,
            agent_volume: 1.0,
            customer_volume: 1.0,
            channel_mode: ChannelMode::Stereo,
            skip_silence: false,
            skip_silence_ms: 2000,
            normalize: true,
            loop_range: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PlaybackStatus {
    /// Nothing open.
    Idle,
    Paused,
    Playing,
    /// Played to the end; play starts again from the beginning.
    Ended,
}

/// Whether sound can reach the reviewer. Without a device the player still opens calls, seeks
/// and reports positions, so waveform, metrics and scoring keep working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutputDevice {
    pub available: bool,
    /// The device's name when available; otherwise why there is none, for people.
    pub message: String,
}

/// A jump made by skip-silence, shown as a marker on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedSilence {
    #[ts(type = "number")]
    pub from_ms: u64,
    #[ts(type = "number")]
    pub to_ms: u64,
}

/// A snapshot of the player, sent to the UI at 25 Hz while playing and after every command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlayerState {
    #[ts(type = "number | null")]
    pub recording_id: Option<i64>,
    pub status: PlaybackStatus,
    #[ts(type = "number")]
    pub position_ms: u64,
    #[ts(type = "number")]
    pub duration_ms: u64,
    /// Channels of the open recording (1 or 2; 0 when idle).
    pub channels: u16,
    pub settings: PlaybackSettings,
    pub device: OutputDevice,
    /// Gain applied by loudness normalisation, in dB (0 when off or not yet measured).
    pub normalize_gain_db: f32,
    /// Silences jumped over since the call was opened, oldest first.
    pub skipped: Vec<SkippedSilence>,
    /// Why the last command or the decoder failed, for people; `None` when all is well.
    pub error: Option<String>,
}

/// What the UI asks the player to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum PlayerCommand {
    Play,
    Pause,
    Toggle,
    /// Go to this time of the recording.
    Seek {
        #[ts(type = "number")]
        ms: u64,
    },
    /// Move by this much (negative: back), clamped to the recording.
    Skip {
        #[serde(rename = "deltaMs")]
        #[ts(type = "number")]
        delta_ms: i64,
    },
    /// Replace the playback settings (speed, volumes, solo, skip silence, normalise, loop).
    Settings {
        settings: PlaybackSettings,
    },
    /// Close the recording and go idle.
    Close,
}
