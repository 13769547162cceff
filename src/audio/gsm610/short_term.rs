//! Short-term (LPC) synthesis: the Log-Area Ratios back to reflection coefficients, and the
//! lattice filter that turns the excitation into speech (§4.2.8 to §4.2.10, §4.3.3, §4.3.4).

use super::arith::{abs, add, mult_r, sub};
use super::tables::{B, INVA, MIC};

/// Decodes the coded LARs to `LARpp` (§4.2.8): undo the quantiser's offset `B` and slope `A`.
pub(super) fn decode_lars(larc: &[u8; 8]) -> [i16; 8] {
    let mut larpp = [0i16; 8];
    for i in 0..8 {
        let level = add(i16::from(larc[i] & 63), MIC[i]) << 10; // at most 31 << 10: fits
        let unbiased = sub(level, B[i] << 1);
        let scaled = mult_r(INVA[i], unbiased);
        larpp[i] = add(scaled, scaled);
    }
    larpp
}

/// The four stretches of a frame over which the LARs are interpolated (§4.2.9.1): the filter
/// glides from the previous frame's coefficients to this frame's during the first 40 samples,
/// so there is no click at the frame boundary.
const SEGMENTS: [(usize, usize); 4] = [(0, 13), (13, 27), (27, 40), (40, 160)];

/// The synthesis lattice's memory, which carries across frames.
#[derive(Debug, Clone, Default)]
pub(super) struct ShortTermSynth {
    /// Lattice delay line `v[0..=8]` (v[8] is computed but never read, as in the spec).
    v: [i16; 9],
    /// The previous frame's `LARpp`, the start point of the interpolation.
    prev_larpp: [i16; 8],
}

impl ShortTermSynth {
    /// Filters one frame's excitation `wt` in place into the reconstructed signal `sr`.
    pub fn run(&mut self, larpp: &[i16; 8], signal: &mut [i16; 160]) {
        for (segment, &(start, end)) in SEGMENTS.iter().enumerate() {
            let rrp = reflection_coefficients(&interpolate(&self.prev_larpp, larpp, segment));
            for sample in &mut signal[start..end] {
                let mut sri = *sample;
                for i in (0..8).rev() {
                    sri = sub(sri, mult_r(rrp[i], self.v[i]));
                    self.v[i + 1] = add(self.v[i], mult_r(rrp[i], sri));
                }
                *sample = sri;
                self.v[0] = sri;
            }
        }
        self.prev_larpp = *larpp;
    }
}

/// `LARp` for one segment: 3/4 old + 1/4 new, then halfway, then 1/4 old + 3/4 new, then new.
/// The halves and quarters are taken separately (then saturating-added) exactly as in the spec.
fn interpolate(prev: &[i16; 8], cur: &[i16; 8], segment: usize) -> [i16; 8] {
    let mut larp = [0i16; 8];
    for ((out, &p), &c) in larp.iter_mut().zip(prev).zip(cur) {
        *out = match segment {
            0 => add(add(p >> 2, c >> 2), p >> 1),
            1 => add(p >> 1, c >> 1),
            2 => add(add(p >> 2, c >> 2), c >> 1),
            _ => c,
        };
    }
    larp
}

/// `LARp` to reflection coefficients `rp` (§4.2.9.2): the spec's piecewise-linear
/// approximation of the inverse of the LAR's log-area mapping, which keeps |rp| < 1.
fn reflection_coefficients(larp: &[i16; 8]) -> [i16; 8] {
    let mut rp = [0i16; 8];
    for (out, &lar) in rp.iter_mut().zip(larp) {
        let magnitude = abs(lar);
        let r = if magnitude < 11059 {
            magnitude << 1
        } else if magnitude < 20070 {
            add(magnitude, 11059)
        } else {
            add(magnitude >> 2, 26112)
        };
        *out = if lar < 0 { sub(0, r) } else { r };
    }
    rp
}
