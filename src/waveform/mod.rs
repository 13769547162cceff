//! Waveform peaks: min/max per channel at several zoom levels, computed once per recording and
//! cached by content hash.

mod types;

pub use types::{ChannelPeaks, WaveformPeaks};
