//! Audio: what a recording is (probe) and, as Hark grows, decoding and playback sources.

mod codecs;
mod decode;
pub mod gsm610;
mod mp4;
mod pcm;
mod probe;
mod riff;
mod wav49;

pub use decode::{Decoder, open};
pub use probe::{AudioError, AudioInfo, DurationSource, frames_to_ms, probe};
