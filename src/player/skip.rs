//! Skip silence: the stretches where nobody talks, as jumps over them, and the short fades
//! that hide each jump.

use crate::analysis::Span;

/// Kept at both ends of a skipped silence, so turns still breathe.
pub const AIR_MS: u64 = 250;
/// Length of the fade out before and the fade in after a jump: long enough to avoid a click,
/// short enough not to eat a syllable.
pub const FADE_MS: u64 = 5;

/// One silence to jump over, in source frames: playback reaching `from` continues at `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub from: u64,
    pub to: u64,
}

/// The silences of at least `min_ms` between the talk spans, before the first and after the
/// last, as jumps from `AIR_MS` into each to `AIR_MS` before its end. In order.
pub fn gaps(talk: &[Span], duration_ms: u64, min_ms: u64, rate: u32) -> Vec<Gap> {
    let mut spans: Vec<Span> = talk
        .iter()
        .map(|s| Span::new(s.start_ms.min(duration_ms), s.end_ms.min(duration_ms)))
        .filter(|s| s.end_ms > s.start_ms)
        .collect();
    spans.sort_by_key(|s| s.start_ms);
    let mut silences = Vec::new();
    let mut cursor = 0;
    for span in &spans {
        if span.start_ms > cursor {
            silences.push(Span::new(cursor, span.start_ms));
        }
        cursor = cursor.max(span.end_ms);
    }
    if duration_ms > cursor {
        silences.push(Span::new(cursor, duration_ms));
    }
    let frame = |ms: u64| ms.saturating_mul(u64::from(rate)) / 1000;
    silences
        .into_iter()
        .filter(|s| s.len_ms() >= min_ms && s.len_ms() > 2 * AIR_MS)
        .map(|s| Gap {
            from: frame(s.start_ms + AIR_MS),
            to: frame(s.end_ms - AIR_MS),
        })
        .collect()
}

/// The first gap not yet behind `position` (its landing point still ahead).
pub fn next_gap(gaps: &[Gap], position: f64) -> Option<Gap> {
    let index = gaps.partition_point(|g| g.to as f64 <= position);
    gaps.get(index).copied()
}

/// Fades around skip-silence jumps, over interleaved stereo output.
#[derive(Debug, Clone)]
pub struct JoinFade {
    length: usize,
    /// Output frames since the last jump, while its fade in runs.
    since_jump: Option<usize>,
}

impl JoinFade {
    pub fn new(rate: u32) -> JoinFade {
        JoinFade {
            length: (u64::from(rate) * FADE_MS / 1000).max(1) as usize,
            since_jump: None,
        }
    }

    pub fn jumped(&mut self) {
        self.since_jump = Some(0);
    }

    pub fn clear(&mut self) {
        self.since_jump = None;
    }

    /// Fades `out`, rendered from source frame `start` on at `step` source frames per output
    /// frame: in over the first frames after a jump, out over the last ones before `jump_at`.
    pub fn apply(&mut self, out: &mut [f32], start: f64, step: f64, jump_at: Option<f64>) {
        let length = self.length as f64;
        for (i, frame) in out.chunks_exact_mut(2).enumerate() {
            let mut gain = 1.0f64;
            if let Some(since) = self.since_jump {
                if since < self.length {
                    gain = (since + 1) as f64 / length;
                    self.since_jump = Some(since + 1);
                } else {
                    self.since_jump = None;
                }
            }
            if let Some(at) = jump_at {
                let frames_left = (at - (start + i as f64 * step)) / step;
                if frames_left < length {
                    gain *= frames_left.max(0.0) / length;
                }
            }
            if gain < 1.0 {
                frame.iter_mut().for_each(|s| *s *= gain as f32);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn silences_between_before_and_after_talk_become_jumps() {
        let talk = [Span::new(3000, 5000), Span::new(5500, 6000)];
        let gaps = gaps(&talk, 12_000, 2000, 1000);
        assert_eq!(
            gaps,
            vec![
                Gap {
                    from: 250,
                    to: 2750
                },
                Gap {
                    from: 6250,
                    to: 11_750
                }
            ]
        );
        assert_eq!(next_gap(&gaps, 0.0), Some(gaps[0]));
        assert_eq!(next_gap(&gaps, 2750.0), Some(gaps[1]));
        assert_eq!(next_gap(&gaps, 11_750.0), None);
    }

    #[test]
    fn overlapping_and_unsorted_spans_are_merged() {
        let talk = [Span::new(4000, 9000), Span::new(0, 5000)];
        assert_eq!(gaps(&talk, 9000, 500, 8000), Vec::new());
    }
}
