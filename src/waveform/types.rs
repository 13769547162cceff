//! Waveform peaks as the UI draws them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Minimum and maximum sample value (-1.0 to 1.0) of one channel per bin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelPeaks {
    pub min: Vec<f32>,
    pub max: Vec<f32>,
}

/// Peaks of `start_ms..end_ms` of a recording in `bins` equal bins (fewer when the range holds
/// fewer samples than bins at the finest level); one entry per channel, agent (left) first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WaveformPeaks {
    #[ts(type = "number")]
    pub start_ms: u64,
    #[ts(type = "number")]
    pub end_ms: u64,
    pub bins: u32,
    pub channels: Vec<ChannelPeaks>,
    /// True when the peaks came from the cache rather than from decoding the file now.
    pub cached: bool,
}
