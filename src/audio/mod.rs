//! Audio: what a recording is (probe) and, as Hark grows, decoding and playback sources.

mod probe;

pub use probe::{AudioError, AudioInfo, DurationSource, probe};
