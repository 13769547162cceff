//! Loudness normalisation: one gain per call, from its measured integrated loudness, and a
//! peak limiter behind it so the raised call never clips.

/// Where normalisation brings every call (EBU R 128's streaming level).
pub const TARGET_LUFS: f64 = -16.0;
/// A very loud call is only turned down so far, a very quiet one only raised so far: past these
/// the measurement is more likely wrong (a mostly silent call) than the call that extreme.
pub const MIN_GAIN_DB: f64 = -12.0;
pub const MAX_GAIN_DB: f64 = 24.0;
/// -1 dBFS: the limiter's ceiling.
pub const CEILING: f32 = 0.891_250_9;
/// How fast the limiter lets go after a peak.
const RELEASE_MS: f32 = 100.0;
/// Gain changes (normalisation switched, loudness arriving mid-play) are ramped, not stepped.
const RAMP_MS: u32 = 20;

/// The gain that brings a call measured at `lufs` to the target; 0 dB when unmeasured.
pub fn normalize_gain_db(lufs: Option<f64>) -> f64 {
    match lufs {
        Some(lufs) if lufs.is_finite() => (TARGET_LUFS - lufs).clamp(MIN_GAIN_DB, MAX_GAIN_DB),
        _ => 0.0,
    }
}

/// The gain and limiter stage, over interleaved stereo frames.
#[derive(Debug, Clone)]
pub struct Loudness {
    gain: f32,
    target: f32,
    /// Added to `gain` per frame while ramping; `ramp_left` frames to go.
    ramp_step: f32,
    ramp_left: u32,
    ramp_frames: u32,
    limit: bool,
    /// The limiter's current reduction: 1 is none.
    envelope: f32,
    release: f32,
}

impl Loudness {
    pub fn new(rate: u32) -> Loudness {
        let release_frames = (rate as f32 * RELEASE_MS / 1000.0).max(1.0);
        Loudness {
            gain: 1.0,
            target: 1.0,
            ramp_step: 0.0,
            ramp_left: 0,
            ramp_frames: (rate * RAMP_MS / 1000).max(1),
            limit: false,
            envelope: 1.0,
            release: 1.0 - (-1.0 / release_frames).exp(),
        }
    }

    /// Sets the gain (ramped from the current one unless `immediately`) and whether the limiter
    /// runs: it must whenever anything before it can push a sample past full scale.
    pub fn configure(&mut self, gain_db: f64, limit: bool, immediately: bool) {
        self.target = 10f64.powf(gain_db / 20.0) as f32;
        self.limit = limit;
        if immediately || self.target == self.gain {
            self.gain = self.target;
            self.ramp_left = 0;
        } else {
            self.ramp_left = self.ramp_frames;
            self.ramp_step = (self.target - self.gain) / self.ramp_frames as f32;
        }
    }

    /// Forgets the limiter's state, after a jump in the audio.
    pub fn reset(&mut self) {
        self.envelope = 1.0;
    }

    pub fn apply(&mut self, stereo: &mut [f32]) {
        if !self.limit && self.ramp_left == 0 {
            // Untouched unless there is a gain: 1.0x playback stays bit-exact with the file.
            if self.gain != 1.0 {
                stereo.iter_mut().for_each(|s| *s *= self.gain);
            }
            return;
        }
        for frame in stereo.chunks_exact_mut(2) {
            if self.ramp_left > 0 {
                self.ramp_left -= 1;
                self.gain = if self.ramp_left == 0 {
                    self.target
                } else {
                    self.gain + self.ramp_step
                };
            }
            let mut gain = self.gain;
            if self.limit {
                // Instant attack, so no sample gets through above the ceiling; slow release.
                let peak = frame.iter().fold(0f32, |m, s| m.max(s.abs())) * self.gain;
                if peak * self.envelope > CEILING {
                    self.envelope = CEILING / peak;
                }
                gain *= self.envelope;
                self.envelope += (1.0 - self.envelope) * self.release;
            }
            for sample in frame {
                *sample *= gain;
                if self.limit {
                    // Only float rounding can land a hair above the ceiling.
                    *sample = sample.clamp(-CEILING, CEILING);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gain_is_clamped_and_zero_when_unmeasured() {
        assert_eq!(normalize_gain_db(Some(-26.0)), 10.0);
        assert_eq!(normalize_gain_db(Some(-70.0)), MAX_GAIN_DB);
        assert_eq!(normalize_gain_db(Some(0.0)), MIN_GAIN_DB);
        assert_eq!(normalize_gain_db(None), 0.0);
        assert_eq!(normalize_gain_db(Some(f64::NEG_INFINITY)), 0.0);
    }

    #[test]
    fn limiter_holds_the_ceiling_under_a_big_gain() {
        let mut stage = Loudness::new(8000);
        stage.configure(24.0, true, true);
        let mut samples: Vec<f32> = (0..16_000).map(|i| 0.5 * (i as f32 * 0.3).sin()).collect();
        stage.apply(&mut samples);
        let peak = samples.iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!(peak <= CEILING, "{peak}");
        assert!(
            peak > 0.8,
            "the limiter should not crush the signal: {peak}"
        );
    }
}
