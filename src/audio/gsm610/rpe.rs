//! Regular-pulse excitation: the 13 coded pulses of a sub-segment back to 40 samples
//! (§4.2.15 to §4.2.17, as reused by the decoder in §4.3.1).

use super::arith::{add, mult_r};
use super::params::SubframeParams;
use super::tables::FAC;

/// Builds the reconstructed excitation `erp` of one sub-segment.
pub(super) fn excitation(sub: &SubframeParams) -> [i16; 40] {
    let (exp, mant) = split_block_maximum(sub.xmaxc);
    // The pulses were quantised relative to xmax = mantissa × 2^exp; rescale by the mantissa,
    // then shift right by (6 - exp) with rounding (`temp3` is half of the shift's step).
    let fac = FAC[usize::from(mant)];
    let shift = 6 - exp; // 0..=10, since exp is -4..=6
    let round = if shift > 0 { 1 << (shift - 1) } else { 0 };
    let mut erp = [0i16; 40];
    // Mc (0..=3) picks which of the 3-spaced grids the 13 pulses sit on; 3 + 3 × 12 = 39.
    let grid = usize::from(sub.mc & 3);
    for (i, &code) in sub.xmc.iter().enumerate() {
        // A 3-bit code is an odd level in -7..=7 (sign restored), then scaled to Q12.
        let level = (i16::from(code & 7) * 2 - 7) << 12;
        let scaled = mult_r(fac, level);
        erp[grid + 3 * i] = add(scaled, round) >> shift;
    }
    erp
}

/// Splits the coded block maximum `xmaxc` into exponent and normalised mantissa index
/// (§4.2.15), so the pulses can be rescaled without a division.
fn split_block_maximum(xmaxc: u8) -> (i16, u8) {
    let xmaxc = i16::from(xmaxc & 63);
    let mut exp = if xmaxc > 15 { (xmaxc >> 3) - 1 } else { 0 };
    let mut mant = xmaxc - (exp << 3);
    if mant == 0 {
        // xmaxc = 0: the spec sets the mantissa to 15 before subtracting 8.
        exp = -4;
        mant = 15;
    } else {
        // Normalise small mantissas up to 8..=15 (at most three steps, as in the spec).
        while mant <= 7 {
            mant = (mant << 1) | 1;
            exp -= 1;
        }
    }
    // mant is 8..=15 here, so the index is 0..=7.
    (exp, ((mant - 8) & 7) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_maximum_split() {
        assert_eq!(split_block_maximum(0), (-4, 7));
        assert_eq!(split_block_maximum(1), (-3, 7));
        assert_eq!(split_block_maximum(8), (0, 0));
        assert_eq!(split_block_maximum(15), (0, 7));
        assert_eq!(split_block_maximum(16), (1, 0));
        assert_eq!(split_block_maximum(63), (6, 7));
    }
}
