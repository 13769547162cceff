//! The player pipeline, pulled with no audio device.

mod channels;
mod errors;
mod fixtures;
mod loudness;
mod seek;
mod skip_silence;
mod speed;
mod transport;
