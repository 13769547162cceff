//! One pass over the decoded samples: per channel, the band-passed energy of each 10 ms frame
//! (for voice activity) and the K-weighted energy of each 100 ms sub-block (for loudness), plus
//! clipped samples. Only these per-frame numbers are kept, never the audio: 2 channels x 360,000
//! frames for an hour is under 3 MB.

use super::dsp::{Biquad, k_weighting};
use super::vad::FRAMES_PER_SECOND;

/// A sample this close to full scale counts as clipped.
const CLIP_LEVEL: f32 = 0.999;
/// 10 ms frames per 100 ms loudness sub-block.
const FRAMES_PER_SUB_BLOCK: u64 = 10;
/// The telephone band: energy outside it is hum, rumble and hiss, not speech.
const BAND_LOW_HZ: f64 = 300.0;
const BAND_HIGH_HZ: f64 = 3400.0;

#[derive(Debug)]
struct Channel {
    highpass: Biquad,
    /// Kept at 8 kHz too: hiss between 3.4 and 4 kHz is a sixth of a white noise floor's
    /// in-band energy, and cutting it moved noisy-line boundaries by 40 ms.
    lowpass: Biquad,
    k: [Biquad; 2],
    frame_sum: f64,
    sub_sum: f64,
    energy_db: Vec<f32>,
    sub_blocks: Vec<f64>,
}

impl Channel {
    /// Runs one channel of `piece` (interleaved by `stride`) through the band filter and
    /// K-weighting, adding to the frame and sub-block sums; returns the clipped samples. The
    /// filters are copied to locals so their state lives in registers during the loop.
    #[inline(always)]
    fn run(&mut self, piece: &[f32], offset: usize, stride: usize) -> u64 {
        let [mut highpass, mut lowpass, mut shelf, mut rlb] =
            [self.highpass, self.lowpass, self.k[0], self.k[1]];
        let (mut frame_sum, mut sub_sum, mut clipped) = (0.0, 0.0, 0);
        for &x in piece.iter().skip(offset).step_by(stride) {
            clipped += u64::from(x.abs() >= CLIP_LEVEL);
            let x = f64::from(x);
            let y = lowpass.run(highpass.run(x));
            frame_sum += y * y;
            let k = rlb.run(shelf.run(x));
            sub_sum += k * k;
        }
        (self.highpass, self.lowpass, self.k) = (highpass, lowpass, [shelf, rlb]);
        self.frame_sum += frame_sum;
        self.sub_sum += sub_sum;
        clipped
    }
}

#[derive(Debug)]
pub struct Meter {
    rate: u64,
    /// Channels in the stream (the interleaving stride).
    stride: usize,
    channels: Vec<Channel>,
    /// Frames of the stream (samples per channel) seen so far.
    position: u64,
    /// Where the current 10 ms frame ends, in stream frames.
    frame_end: u64,
    frame_start: u64,
    frames: u64,
    sub_start: u64,
    clipped: u64,
}

/// What the pass measured.
#[derive(Debug)]
pub struct Measured {
    pub samples_per_channel: u64,
    /// Per analysed channel: band-passed energy of each 10 ms frame, in dBFS.
    pub energy_db: Vec<Vec<f32>>,
    /// Per analysed channel: K-weighted mean square of each full 100 ms sub-block.
    pub sub_blocks: Vec<Vec<f64>>,
    pub clipped: u64,
}

impl Meter {
    /// Measures the first `analysed` of `stride` interleaved channels at `rate` Hz.
    pub fn new(rate: u32, stride: usize, analysed: usize) -> Meter {
        let fs = f64::from(rate);
        let channel = || Channel {
            highpass: Biquad::highpass(fs, BAND_LOW_HZ),
            lowpass: Biquad::lowpass(fs, BAND_HIGH_HZ),
            k: k_weighting(fs),
            frame_sum: 0.0,
            sub_sum: 0.0,
            energy_db: Vec::new(),
            sub_blocks: Vec::new(),
        };
        let rate = u64::from(rate.max(1));
        Meter {
            rate,
            stride: stride.max(1),
            channels: (0..analysed.clamp(1, stride.max(1)))
                .map(|_| channel())
                .collect(),
            position: 0,
            frame_end: (rate / FRAMES_PER_SECOND).max(1),
            frame_start: 0,
            frames: 0,
            sub_start: 0,
            clipped: 0,
        }
    }

    /// Feeds a chunk of interleaved samples. Works through it one 10 ms frame (or the part of
    /// one the chunk holds) at a time, one channel after the other, so each channel's filter
    /// state stays in registers instead of round-tripping through memory on every sample
    /// (that round trip was a third of the whole analysis's time).
    pub fn push(&mut self, interleaved: &[f32]) {
        let mut rest = interleaved;
        while rest.len() >= self.stride {
            let in_frame = (self.frame_end - self.position) as usize;
            let frames = (rest.len() / self.stride).min(in_frame);
            let (piece, tail) = rest.split_at(frames * self.stride);
            for (offset, ch) in self.channels.iter_mut().enumerate() {
                self.clipped += ch.run(piece, offset, self.stride);
            }
            self.position += frames as u64;
            if self.position == self.frame_end {
                self.end_frame();
            }
            rest = tail;
        }
    }

    /// Closes the current 10 ms frame. Frame `k` ends at sample `floor((k + 1) * rate / 100)`,
    /// so rates such as 11,025 Hz keep exact time without drifting.
    fn end_frame(&mut self) {
        let len = (self.position - self.frame_start).max(1) as f64;
        for ch in &mut self.channels {
            let mean_square = ch.frame_sum / len;
            ch.energy_db
                .push((10.0 * mean_square.max(1e-14).log10()) as f32);
            ch.frame_sum = 0.0;
        }
        self.frames += 1;
        self.frame_start = self.position;
        self.frame_end = ((self.frames + 1) * self.rate / FRAMES_PER_SECOND).max(self.position + 1);
        if self.frames.is_multiple_of(FRAMES_PER_SUB_BLOCK) {
            let len = (self.position - self.sub_start).max(1) as f64;
            for ch in &mut self.channels {
                ch.sub_blocks.push(ch.sub_sum / len);
                ch.sub_sum = 0.0;
            }
            self.sub_start = self.position;
        }
    }

    pub fn finish(mut self) -> Measured {
        // A last partial frame still counts for talk (its energy is a mean, so length-fair);
        // a sub-block left unfinished is dropped, as BS.1770 only gates whole blocks.
        if self.position > self.frame_start {
            self.end_frame();
        }
        Measured {
            samples_per_channel: self.position,
            energy_db: self
                .channels
                .iter_mut()
                .map(|c| std::mem::take(&mut c.energy_db))
                .collect(),
            sub_blocks: self
                .channels
                .iter_mut()
                .map(|c| std::mem::take(&mut c.sub_blocks))
                .collect(),
            clipped: self.clipped,
        }
    }
}
