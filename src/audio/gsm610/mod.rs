//! GSM 06.10 full-rate (RPE-LTP) speech decoder, written from the ETSI specification.
//!
//! Call recorders (Asterisk among them) store GSM either as raw 33-byte frames (`.gsm`) or inside
//! WAV as Microsoft's "WAV49" (format tag 0x0031: 65-byte blocks of two frames). Neither
//! Symphonia nor any Rust crate decodes GSM, so Hark carries its own decoder.
//!
//! The standard specifies decoding as exact 16-bit fixed-point arithmetic, so a conforming
//! decoder's output is bit-exact. The tests check that against ffmpeg on encoded audio and
//! against libgsm on random parameters: ffmpeg leaves out some of the spec's saturation (and
//! clamps invalid lags), so it differs once values overflow, which encoded speech rarely if
//! ever does. Each frame runs:
//! parameter unpacking (`params`) → RPE excitation per sub-segment (`rpe`) → long-term
//! (pitch) synthesis → short-term (LPC lattice) synthesis (`short_term`) → de-emphasis and
//! truncation to 13 bits.
//!
//! The decoder never panics: every bit pattern is a decodable frame, and only the standard
//! frame's 4-bit signature can be wrong.

mod arith;
mod params;
mod rpe;
mod short_term;
mod tables;

use arith::{add, mult_r};
use params::{FrameParams, LsbFirst, MsbFirst, SubframeParams, read_frame};
use short_term::ShortTermSynth;
use tables::{DEEMPHASIS, QLB};

/// Bytes in one standard frame: a 4-bit signature and 260 bits of parameters.
pub const FRAME_BYTES: usize = 33;
/// Bytes in one WAV49 block: two frames' 520 bits, without signatures.
pub const WAV49_BLOCK_BYTES: usize = 65;
/// Samples (8 kHz) decoded from one frame: 20 ms.
pub const SAMPLES_PER_FRAME: usize = 160;

/// The signature every standard frame starts with, in its high nibble.
const SIGNATURE: u8 = 0xD;

/// Longest LTP lag: the pitch history the long-term synthesis must keep.
const MAX_LAG: usize = 120;
/// Shortest LTP lag, and the lag in force before the first valid one (the spec's initial `nrp`).
const MIN_LAG: usize = 40;
/// Samples per sub-segment.
const SUBFRAME: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GsmError {
    #[error("not a GSM 06.10 frame: signature nibble is {found:#x}, expected 0xd")]
    BadSignature { found: u8 },
}

/// Decoder state: the filters' memories, which carry from one frame to the next.
#[derive(Debug, Clone)]
pub struct Gsm610Decoder {
    /// Reconstructed excitation: `MAX_LAG` samples of history, then the sub-segment being built.
    drp: [i16; MAX_LAG + SUBFRAME],
    /// The last valid LTP lag, reused when a frame carries an out-of-range one.
    nrp: usize,
    short_term: ShortTermSynth,
    /// De-emphasis filter memory.
    msr: i16,
}

impl Default for Gsm610Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Gsm610Decoder {
    /// A decoder in the standard's initial (home) state: all memories zero.
    pub fn new() -> Self {
        Gsm610Decoder {
            drp: [0; MAX_LAG + SUBFRAME],
            nrp: MIN_LAG,
            short_term: ShortTermSynth::default(),
            msr: 0,
        }
    }

    /// Back to the initial state, e.g. after a seek, so stale filter memory does not leak in.
    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Decodes one standard 33-byte frame into 160 samples. A frame without the 0xD signature
    /// is rejected and leaves the state untouched.
    pub fn decode_frame(
        &mut self,
        frame: &[u8; FRAME_BYTES],
        out: &mut [i16; SAMPLES_PER_FRAME],
    ) -> Result<(), GsmError> {
        let found = frame[0] >> 4;
        if found != SIGNATURE {
            return Err(GsmError::BadSignature { found });
        }
        let mut bits = MsbFirst::new(frame);
        let _signature = params::BitReader::bits(&mut bits, 4);
        self.decode_params(&read_frame(&mut bits), out);
        Ok(())
    }

    /// Decodes one 65-byte WAV49 block into 320 samples. Every block is decodable (the format
    /// has no signature), so this never fails; it returns `Result` to match [`Self::decode_frame`].
    pub fn decode_wav49_block(
        &mut self,
        block: &[u8; WAV49_BLOCK_BYTES],
        out: &mut [i16; 2 * SAMPLES_PER_FRAME],
    ) -> Result<(), GsmError> {
        let mut bits = LsbFirst::new(block);
        let (first, second) = out.split_at_mut(SAMPLES_PER_FRAME);
        for half in [first, second] {
            let frame = read_frame(&mut bits);
            let mut samples = [0i16; SAMPLES_PER_FRAME];
            self.decode_params(&frame, &mut samples);
            half.copy_from_slice(&samples);
        }
        Ok(())
    }

    fn decode_params(&mut self, frame: &FrameParams, out: &mut [i16; SAMPLES_PER_FRAME]) {
        // The excitation of the whole frame, which the lattice filter then shapes.
        for (sub, chunk) in frame.sub.iter().zip(out.chunks_exact_mut(SUBFRAME)) {
            self.long_term_synthesis(sub, chunk);
        }
        self.short_term
            .run(&short_term::decode_lars(&frame.larc), out);
        self.postprocess(out);
    }

    /// Long-term (pitch) synthesis (§4.3.2): adds the gain-scaled excitation from one lag ago to
    /// this sub-segment's RPE pulses, then slides the history along.
    fn long_term_synthesis(&mut self, sub: &SubframeParams, out: &mut [i16]) {
        let nc = usize::from(sub.nc);
        // Lags outside 40..=120 cannot come from a conforming encoder; the spec keeps the last.
        let lag = if (MIN_LAG..=MAX_LAG).contains(&nc) {
            nc
        } else {
            self.nrp
        };
        self.nrp = lag;
        let gain = QLB[usize::from(sub.bc & 3)];
        let erp = rpe::excitation(sub);
        for (k, &pulse) in erp.iter().enumerate() {
            // lag >= 40 > k, so this always reads history, never the sub-segment being built.
            let past = self.drp[MAX_LAG + k - lag];
            self.drp[MAX_LAG + k] = add(pulse, mult_r(gain, past));
        }
        out.copy_from_slice(&self.drp[MAX_LAG..]);
        self.drp.copy_within(SUBFRAME.., 0);
    }

    /// De-emphasis, then doubling with the low 3 bits cleared (§4.3.5): the codec carries 13-bit
    /// samples, scaled back up to 16 bits.
    fn postprocess(&mut self, samples: &mut [i16; SAMPLES_PER_FRAME]) {
        for sample in samples.iter_mut() {
            self.msr = add(*sample, mult_r(self.msr, DEEMPHASIS));
            *sample = add(self.msr, self.msr) & !7;
        }
    }
}
