//! Peaks computed while streaming the decoder's chunks: only the running extremes of the
//! current 10 ms bin and the finest level are kept, the coarser levels are built at the end.

use super::peaks::{BINS_PER_SECOND, Extremes, Level, Peaks, SCALE};

/// Floats folded side by side in the fast path (see `take_extremes`).
const LANES: usize = 16;

/// Builds [`Peaks`] from interleaved chunks; one more consumer of a decoder pass.
#[derive(Debug)]
pub struct PeaksBuilder {
    rate: u64,
    /// Channels in the stream (the interleaving stride).
    stride: usize,
    /// Frames seen so far.
    position: u64,
    /// Where the current bin ends, in stream frames.
    bin_end: u64,
    /// Bins closed so far.
    bins: u64,
    /// Running extremes of the current bin, per kept channel.
    current: Vec<(f32, f32)>,
    finest: Vec<Extremes>,
}

impl PeaksBuilder {
    /// Peaks of a stream of `channels` interleaved channels at `sample_rate` Hz; channels past
    /// the second are skipped.
    pub fn new(sample_rate: u32, channels: usize) -> PeaksBuilder {
        let rate = u64::from(sample_rate.max(1));
        let stride = channels.max(1);
        let kept = stride.min(2);
        PeaksBuilder {
            rate,
            stride,
            position: 0,
            bin_end: rate / BINS_PER_SECOND,
            bins: 0,
            current: vec![(f32::INFINITY, f32::NEG_INFINITY); kept],
            finest: vec![Extremes::default(); kept],
        }
    }

    /// Feeds a chunk of interleaved frames, one bin's part of it at a time.
    pub fn push(&mut self, interleaved: &[f32]) {
        let mut rest = interleaved;
        while rest.len() >= self.stride {
            let room = (self.bin_end - self.position) as usize;
            if room == 0 {
                // Only below 100 Hz, where some 10 ms bins hold no frame at all.
                self.close_bin();
                continue;
            }
            let frames = (rest.len() / self.stride).min(room);
            let (piece, tail) = rest.split_at(frames * self.stride);
            self.take_extremes(piece);
            self.position += frames as u64;
            if self.position == self.bin_end {
                self.close_bin();
            }
            rest = tail;
        }
    }

    /// Folds whole frames into the current bin's extremes. When whole frames fit `LANES`
    /// floats (1, 2, 4, 8 or 16 channels), the frames go through `LANES` independent
    /// accumulators that compile to vector min/max: one running extreme per channel is a chain
    /// of dependent steps, and made the peaks cost 40 % on top of a WAV call's analysis.
    fn take_extremes(&mut self, piece: &[f32]) {
        let stride = self.stride;
        // Whole frames after the vector part: LANES holds whole frames, or nothing is taken.
        let mut rest = piece;
        if LANES.is_multiple_of(stride) {
            let mut blocks = piece.chunks_exact(LANES);
            let mut lows = [f32::INFINITY; LANES];
            let mut highs = [f32::NEG_INFINITY; LANES];
            for block in &mut blocks {
                for ((x, low), high) in block.iter().zip(&mut lows).zip(&mut highs) {
                    fold(low, high, *x);
                }
            }
            // Halve the lanes until one per channel is left: lanes `width` apart hold the same
            // channel while `width` is a multiple of the (power of two) stride. Lanes that saw
            // nothing hold the infinities, which change nothing.
            let mut width = LANES;
            while width > stride {
                width /= 2;
                for lane in 0..width {
                    lows[lane] = lower(lows[lane], lows[lane + width]);
                    highs[lane] = higher(highs[lane], highs[lane + width]);
                }
            }
            for ((low, high), lane) in self.current.iter_mut().zip(0..) {
                *low = lower(*low, lows[lane]);
                *high = higher(*high, highs[lane]);
            }
            rest = blocks.remainder();
        }
        for (offset, (low, high)) in self.current.iter_mut().enumerate() {
            for &x in rest.iter().skip(offset).step_by(stride) {
                fold(low, high, x);
            }
        }
    }

    fn close_bin(&mut self) {
        for ((low, high), out) in self.current.iter_mut().zip(&mut self.finest) {
            let (min, max) = quantise(*low, *high);
            out.min.push(min);
            out.max.push(max);
            (*low, *high) = (f32::INFINITY, f32::NEG_INFINITY);
        }
        self.bins += 1;
        // Bin `k` ends at frame `floor((k + 1) * rate / 100)`: exact 10 ms at any rate.
        self.bin_end = (self.bins + 1) * self.rate / BINS_PER_SECOND;
    }

    pub fn finish(mut self) -> Peaks {
        let bin_start = self.bins * self.rate / BINS_PER_SECOND;
        if self.position > bin_start {
            self.close_bin();
        }
        let rate = u32::try_from(self.rate).unwrap_or(u32::MAX);
        Peaks::from_finest(
            rate,
            self.position,
            Level {
                channels: self.finest,
            },
        )
    }
}

/// Widens `low..high` to `x`. Written as compare-and-select, which maps to one vector min and
/// one max, and skips NaN (a comparison with NaN is false), so a damaged float sample cannot
/// poison a bin.
#[inline(always)]
fn fold(low: &mut f32, high: &mut f32, x: f32) {
    *low = lower(*low, x);
    *high = higher(*high, x);
}

#[inline(always)]
fn lower(current: f32, x: f32) -> f32 {
    if x < current { x } else { current }
}

#[inline(always)]
fn higher(current: f32, x: f32) -> f32 {
    if x > current { x } else { current }
}

/// A bin's extremes as `i16` steps of `1/32767`, rounded outwards (min down, max up) so a drawn
/// peak never falls short of the audio, and clamped to full scale (float files can exceed it).
/// `i16` rather than `i8`: telephone audio often peaks around -30 dBFS, which `i8` would draw
/// with four steps, and a UI that scales a quiet side up would show the stairs; `i16` costs
/// 3.3 MB per hour of two-channel call, a few per cent of the recording itself.
fn quantise(low: f32, high: f32) -> (i16, i16) {
    if low > high {
        // No sample in the bin (rates below 100 Hz) or only NaN: silence.
        return (0, 0);
    }
    let step = |x: f32| x.clamp(-SCALE, SCALE) as i16;
    (step((low * SCALE).floor()), step((high * SCALE).ceil()))
}
