//! Computed peaks of one recording and the views cut from them.
//!
//! The finest level has one bin per 10 ms of audio (bin `k` holds frames
//! `floor(k * rate / 100)..floor((k + 1) * rate / 100)`, so any rate keeps exact time); each
//! coarser level's bin holds `FANOUT` bins of the level below, up to a single bin. A one-hour
//! two-channel call is 360,000 finest bins, 3.3 MB with every level; any view is exact over
//! whole finest bins and costs a few dozen level-bin reads per output bin, whatever its range.

use super::types::{ChannelPeaks, WaveformPeaks};

/// Finest bins per second of audio: 10 ms, the analysis's frame too, so the finest view lines up
/// with the voice-activity timeline.
pub const BINS_PER_SECOND: u64 = 100;
/// Bins of one level per bin of the next coarser one.
pub const FANOUT: usize = 8;
/// Peak values are kept as `i16` steps of `1 / SCALE` (see `quantise`).
pub(super) const SCALE: f32 = 32767.0;

/// The lowest and highest quantised sample of one channel, per bin of one level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Extremes {
    pub min: Vec<i16>,
    pub max: Vec<i16>,
}

/// One zoom level: per kept channel, the extremes of each of its bins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Level {
    pub channels: Vec<Extremes>,
}

impl Level {
    pub fn bins(&self) -> usize {
        self.channels.first().map_or(0, |c| c.min.len())
    }

    /// The next coarser level: each bin the extremes of `FANOUT` of these.
    fn coarser(&self) -> Level {
        let reduce = |values: &[i16], pick: fn(i16, i16) -> i16, start: i16| -> Vec<i16> {
            values
                .chunks(FANOUT)
                .map(|group| group.iter().copied().fold(start, pick))
                .collect()
        };
        Level {
            channels: self
                .channels
                .iter()
                .map(|c| Extremes {
                    min: reduce(&c.min, i16::min, i16::MAX),
                    max: reduce(&c.max, i16::max, i16::MIN),
                })
                .collect(),
        }
    }
}

/// Min/max peaks of a whole recording at every zoom level (see the module comment), for the
/// first two channels (agent and customer; one for mono).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peaks {
    pub(super) sample_rate: u32,
    pub(super) frames: u64,
    /// Finest first; never empty (a recording without audio has one level of no bins).
    pub(super) levels: Vec<Level>,
}

/// Finest bins a recording of `frames` at `rate` has: the last one may be partial.
pub(super) fn finest_bins(frames: u64, rate: u32) -> u64 {
    let bins = (u128::from(frames) * u128::from(BINS_PER_SECOND)).div_ceil(u128::from(rate.max(1)));
    u64::try_from(bins).unwrap_or(u64::MAX)
}

/// The bin counts of every level above a finest level of `finest` bins.
pub(super) fn level_sizes(finest: usize) -> Vec<usize> {
    let mut sizes = vec![finest];
    let mut bins = finest;
    while bins > 1 {
        bins = bins.div_ceil(FANOUT);
        sizes.push(bins);
    }
    sizes
}

impl Peaks {
    /// Assembles peaks from their finest level, adding the coarser levels.
    pub(super) fn from_finest(sample_rate: u32, frames: u64, finest: Level) -> Peaks {
        let mut levels = vec![finest];
        while let Some(last) = levels.last().filter(|l| l.bins() > 1) {
            let next = last.coarser();
            levels.push(next);
        }
        Peaks {
            sample_rate,
            frames,
            levels,
        }
    }

    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    /// Decoded frames (samples per channel) the peaks were computed from.
    pub fn frames(&self) -> u64 {
        self.frames
    }

    /// Channels kept: 1 for mono, 2 otherwise (channels past the second are not call sides).
    pub fn channels(&self) -> usize {
        self.levels.first().map_or(0, |l| l.channels.len())
    }

    /// Bins of the finest level (one per 10 ms; the last may be shorter).
    pub fn finest_bins(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.bins() as u64)
    }

    /// Zoom levels held, the finest included.
    pub fn levels(&self) -> usize {
        self.levels.len()
    }

    /// The length of the recording, rounded up to a whole millisecond.
    pub fn duration_ms(&self) -> u64 {
        (self.frames.saturating_mul(1000)).div_ceil(u64::from(self.sample_rate.max(1)))
    }

    /// Peaks of `start_ms..end_ms` in `bins` equal parts. The range is clamped to the
    /// recording and widened to whole 10 ms finest bins (the returned `start_ms`/`end_ms` say
    /// what was covered); output bin `i` of `n` finest bins from `first` covers finest bins
    /// `first + i*n/bins .. first + (i+1)*n/bins`, so there are fewer output bins than asked
    /// when the range holds fewer finest bins. Each value is the exact extreme over its finest
    /// bins (up to the `1/32767` quantisation), read from the coarsest levels that fit inside.
    pub fn view(&self, start_ms: u64, end_ms: u64, bins: u32) -> WaveformPeaks {
        let total = self.finest_bins();
        let duration_ms = self.duration_ms();
        let ms_to_bin = |ms: u64| u128::from(ms) * u128::from(BINS_PER_SECOND);
        // A start past the last frame has nothing to show, even inside the last bin's 10 ms.
        let past_end = u128::from(start_ms) * u128::from(self.sample_rate.max(1))
            >= u128::from(self.frames) * 1000;
        let first = match past_end {
            true => total,
            false => u64::try_from(ms_to_bin(start_ms) / 1000).map_or(total, |b| b.min(total)),
        };
        let last = u64::try_from(ms_to_bin(end_ms).div_ceil(1000))
            .map_or(total, |b| b.min(total))
            .max(first);
        let count = last - first;
        let out = u64::from(bins).min(count);
        let bin_ms = |bin: u64| (bin.saturating_mul(1000) / BINS_PER_SECOND).min(duration_ms);
        let mut channels: Vec<ChannelPeaks> = (0..self.channels())
            .map(|_| ChannelPeaks {
                min: Vec::with_capacity(out as usize),
                max: Vec::with_capacity(out as usize),
            })
            .collect();
        for i in 0..out {
            let from = first + i * count / out;
            let to = first + (i + 1) * count / out;
            for (channel, peaks) in channels.iter_mut().enumerate() {
                let (min, max) = self.extremes(channel, from as usize, to as usize);
                peaks.min.push(f32::from(min) / SCALE);
                peaks.max.push(f32::from(max) / SCALE);
            }
        }
        WaveformPeaks {
            start_ms: bin_ms(first),
            end_ms: bin_ms(last),
            bins: out as u32,
            channels,
            cached: false,
        }
    }

    /// The extremes of finest bins `from..to` of one channel: single bins at the ragged ends of
    /// each level, whole coarser bins for the aligned middle, climbing a level at a time.
    fn extremes(&self, channel: usize, mut from: usize, mut to: usize) -> (i16, i16) {
        let (mut min, mut max) = (i16::MAX, i16::MIN);
        let mut take = |level: &Level, range: std::ops::Range<usize>| {
            if let Some(c) = level.channels.get(channel) {
                for i in range {
                    min = min.min(c.min.get(i).copied().unwrap_or(i16::MAX));
                    max = max.max(c.max.get(i).copied().unwrap_or(i16::MIN));
                }
            }
        };
        for (depth, level) in self.levels.iter().enumerate() {
            if from >= to {
                break;
            }
            if depth + 1 == self.levels.len() {
                take(level, from..to);
                break;
            }
            let aligned_from = from.next_multiple_of(FANOUT).min(to);
            let aligned_to = (to / FANOUT * FANOUT).max(aligned_from);
            take(level, from..aligned_from);
            take(level, aligned_to..to);
            (from, to) = (aligned_from / FANOUT, aligned_to / FANOUT);
        }
        if min > max { (0, 0) } else { (min, max) }
    }
}
