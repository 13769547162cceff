//! Constant tables of GSM 06.10 (§5.2 of the standard), as the decoder uses them.

/// Bits of each coded Log-Area Ratio: the lower-order ratios matter more, so they get more bits.
pub(super) const LAR_BITS: [u32; 8] = [6, 6, 5, 5, 4, 4, 3, 3];

/// Table 5.1 `MIC`: the smallest level of each LAR quantiser. Codes are transmitted offset by it
/// so they are unsigned; adding it back gives the signed level.
pub(super) const MIC: [i16; 8] = [-32, -32, -16, -16, -8, -8, -4, -4];

/// Table 5.1 `B`: the offset each LAR quantiser applied, removed before rescaling.
pub(super) const B: [i16; 8] = [0, 0, 2048, -2560, 94, -1792, -341, -1144];

/// Table 5.2 `INVA`: 1/A in Q15, undoing each LAR quantiser's slope A.
pub(super) const INVA: [i16; 8] = [13107, 13107, 13107, 13107, 19223, 17476, 31454, 29708];

/// Table 5.3b `QLB`: the four long-term predictor gains (0.10, 0.35, 0.65, 1.00 in Q15).
pub(super) const QLB: [i16; 4] = [3277, 11469, 21299, 32767];

/// Table 5.6 `FAC`: the eight normalised mantissas of the block maximum, in Q15.
pub(super) const FAC: [i16; 8] = [18431, 20479, 22527, 24575, 26623, 28671, 30719, 32767];

/// De-emphasis coefficient 0.86 in Q15: undoes the encoder's pre-emphasis (§4.3.5).
pub(super) const DEEMPHASIS: i16 = 28180;
