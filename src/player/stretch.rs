//! Pitch-kept tempo through wsola, over interleaved stereo. wsola hands out whole hops (15 ms);
//! this keeps the hop being played out and the tempo it was made at, so the player can count
//! source time per output frame.

use std::num::{NonZeroU16, NonZeroU32};

use wsola::TimeStretch;

/// The player stretches after mixing, so always two channels.
const STEREO: NonZeroU16 = NonZeroU16::MIN.saturating_add(1);

#[derive(Debug, Clone)]
pub struct Stretch {
    engine: TimeStretch,
    /// The last hop pulled, `at` samples of it played out already.
    hop: Vec<f32>,
    at: usize,
    len: usize,
    /// Tempo `hop` was made at: each of its frames stands for this many source frames.
    hop_tempo: f32,
    /// The input has ended; the engine is flushing its tail.
    input_ended: bool,
}

/// What `refill` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refill {
    /// A new hop is ready for `take`.
    Ready,
    /// The engine needs more input first.
    NeedsInput,
    /// Input ended and everything has been played out.
    Finished,
}

impl Stretch {
    pub fn new(rate: NonZeroU32) -> Result<Stretch, wsola::Error> {
        let engine = TimeStretch::new(rate, STEREO)?;
        let hop = vec![0.0; engine.min_output_buff_size()];
        Ok(Stretch {
            engine,
            hop,
            at: 0,
            len: 0,
            hop_tempo: 1.0,
            input_ended: false,
        })
    }

    pub fn set_tempo(&mut self, tempo: f32) {
        self.engine.set_tempo(tempo);
    }

    /// Drops everything buffered, for a new start (a seek, or leaving 1.0x).
    pub fn reset(&mut self) {
        self.engine.reset();
        self.at = 0;
        self.len = 0;
        self.input_ended = false;
    }

    pub fn push(&mut self, stereo: &[f32]) {
        self.engine.push(stereo);
    }

    /// No more input will come: the next refills flush the engine's tail.
    pub fn end_input(&mut self) {
        if !self.input_ended {
            self.input_ended = true;
            self.engine.set_draining();
        }
    }

    /// Copies played-out frames into `out`: how many, and the source frames they stand for.
    pub fn take(&mut self, out: &mut [f32]) -> (usize, f64) {
        let available = self.hop.get(self.at..self.len).unwrap_or_default();
        let samples = available.len().min(out.len()) / 2 * 2;
        let (Some(from), Some(to)) = (available.get(..samples), out.get_mut(..samples)) else {
            return (0, 0.0);
        };
        to.copy_from_slice(from);
        self.at += samples;
        let frames = samples / 2;
        (frames, frames as f64 * f64::from(self.hop_tempo))
    }

    /// Pulls the next hop once the current one is played out.
    pub fn refill(&mut self) -> Refill {
        if self.at < self.len {
            return Refill::Ready;
        }
        let tempo = self.engine.tempo();
        match self.engine.pull(&mut self.hop) {
            Ok(written) if written > 0 => {
                self.at = 0;
                self.len = written.min(self.hop.len());
                self.hop_tempo = tempo;
                Refill::Ready
            }
            // wsola resets itself after flushing the tail, and then reports no input.
            _ if self.input_ended => Refill::Finished,
            _ => Refill::NeedsInput,
        }
    }
}
