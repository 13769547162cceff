//! Speech metrics of a call: who talks when (voice activity per channel at 10 ms), and from
//! that talk time and share per side, silence, dead air, overtalk, monologues; plus clipping and
//! integrated loudness. Two-channel recordings are agent on the left (channel 0), customer on
//! the right (channel 1); mono ones get silence and talk only.
//!
//! Analysis streams the decoder's chunks once and keeps only per-frame numbers, so memory does
//! not grow with the audio (an hour is a few megabytes).

mod dsp;
mod library;
mod loudness;
mod meter;
pub mod timeline;
pub mod vad;

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audio::{self, AudioError};
use crate::store::StoreError;
use crate::waveform::{Peaks, PeaksBuilder};

pub use library::{AnalysisProgress, AnalysisReport, analyze_library};

/// Bumped whenever a change to the analysis changes its results: stored metrics of another
/// version are analysed again.
pub const ANALYZER_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisOptions {
    /// Silences at least this long between talk are dead air.
    pub dead_air_ms: u64,
    /// Both sides talking at once at least this long is overtalk.
    pub overtalk_min_ms: u64,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            dead_air_ms: 2000,
            overtalk_min_ms: 1000,
        }
    }
}

/// A stretch of the recording, in milliseconds from the start of the decoded audio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    #[ts(type = "number")]
    pub start_ms: u64,
    #[ts(type = "number")]
    pub end_ms: u64,
}

impl Span {
    pub fn new(start_ms: u64, end_ms: u64) -> Span {
        Span { start_ms, end_ms }
    }

    pub fn len_ms(&self) -> u64 {
        self.end_ms.saturating_sub(self.start_ms)
    }
}

/// The spans behind the numbers, for the player's timeline. Per-side lists are `None` for mono.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// Anyone talking.
    pub talk: Vec<Span>,
    pub agent: Option<Vec<Span>>,
    pub customer: Option<Vec<Span>>,
    pub dead_air: Vec<Span>,
    pub overtalk: Option<Vec<Span>>,
}

/// Speech metrics of one recording. Shares are fractions (0..1) of the duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub analyzer_version: u32,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub sample_rate: u32,
    /// 2: agent (left) and customer (right) apart; 1: mono, per-side fields are null.
    pub channels_analyzed: u8,
    /// Anyone talking.
    #[ts(type = "number")]
    pub talk_ms: u64,
    pub talk_share: f64,
    /// Nobody talking (the start and end of the recording included).
    pub silence_share: f64,
    #[ts(type = "number | null")]
    pub agent_talk_ms: Option<u64>,
    #[ts(type = "number | null")]
    pub customer_talk_ms: Option<u64>,
    pub agent_talk_share: Option<f64>,
    pub customer_talk_share: Option<f64>,
    #[ts(type = "number | null")]
    pub agent_longest_monologue_ms: Option<u64>,
    #[ts(type = "number | null")]
    pub customer_longest_monologue_ms: Option<u64>,
    #[ts(type = "number")]
    pub dead_air_threshold_ms: u64,
    pub dead_air_count: u32,
    #[ts(type = "number")]
    pub dead_air_longest_ms: u64,
    #[ts(type = "number")]
    pub dead_air_average_ms: u64,
    pub overtalk_count: Option<u32>,
    #[ts(type = "number | null")]
    pub overtalk_ms: Option<u64>,
    /// Samples at or beyond 99.9 % of full scale, as a fraction of all samples analysed.
    pub clipping_share: f64,
    /// Integrated loudness (BS.1770 / EBU R 128) of the whole recording; null if silent.
    pub loudness_lufs: Option<f64>,
    pub agent_loudness_lufs: Option<f64>,
    pub customer_loudness_lufs: Option<f64>,
    pub timeline: Timeline,
}

/// Analyses one recording, streaming it through the decoder once.
pub fn analyze_file(path: &Path, options: &AnalysisOptions) -> Result<Metrics, AnalysisError> {
    measure(&mut audio::open(path)?, options, |_| {})
}

/// As [`analyze_file`], plus the recording's waveform peaks from the same decoder pass (the
/// library run caches them, so an analysed call's waveform needs no decode of its own).
pub fn analyze_file_with_peaks(
    path: &Path,
    options: &AnalysisOptions,
) -> Result<(Metrics, Peaks), AnalysisError> {
    let mut decoder = audio::open(path)?;
    let mut peaks = PeaksBuilder::new(decoder.info().sample_rate, decoder.channels());
    let metrics = measure(&mut decoder, options, |chunk| peaks.push(chunk))?;
    Ok((metrics, peaks.finish()))
}

/// The metrics of the rest of the decoder's stream; `also` sees every chunk too.
fn measure(
    decoder: &mut audio::Decoder,
    options: &AnalysisOptions,
    mut also: impl FnMut(&[f32]),
) -> Result<Metrics, AnalysisError> {
    let rate = decoder.info().sample_rate;
    let stride = decoder.channels();
    // Channels past the second are not call sides Hark knows how to name: left alone.
    let mut meter = meter::Meter::new(rate, stride, stride.min(2));
    while let Some(chunk) = decoder.read()? {
        meter.push(chunk);
        also(chunk);
    }
    Ok(metrics_from(&meter.finish(), rate, options))
}

fn metrics_from(measured: &meter::Measured, rate: u32, options: &AnalysisOptions) -> Metrics {
    let duration_ms = measured.samples_per_channel * 1000 / u64::from(rate.max(1));
    let frame_ms = 1000 / vad::FRAMES_PER_SECOND;
    let sides: Vec<Vec<Span>> = measured
        .energy_db
        .iter()
        .map(|energy| {
            vad::detect(energy)
                .into_iter()
                .map(|(s, e)| {
                    Span::new(s as u64 * frame_ms, (e as u64 * frame_ms).min(duration_ms))
                })
                .collect()
        })
        .collect();
    let stereo = sides.len() >= 2;
    let (agent, customer) = match sides.as_slice() {
        [a, c, ..] => (a.clone(), c.clone()),
        [a] => (a.clone(), Vec::new()),
        [] => (Vec::new(), Vec::new()),
    };
    let talk = timeline::union(&agent, &customer);
    let talk_ms = timeline::total_ms(&talk);
    let dead_air = timeline::dead_air(&talk, options.dead_air_ms);
    let overtalk: Vec<Span> = timeline::intersection(&agent, &customer)
        .into_iter()
        .filter(|s| s.len_ms() >= options.overtalk_min_ms)
        .collect();
    let share = |ms: u64| match duration_ms {
        0 => 0.0,
        d => ms as f64 / d as f64,
    };
    let per_side = |value: u64| stereo.then_some(value);
    let dead_air_ms: Vec<u64> = dead_air.iter().map(Span::len_ms).collect();
    let samples = measured.samples_per_channel * measured.energy_db.len() as u64;
    let program: Vec<f64> = match measured.sub_blocks.as_slice() {
        [a, c, ..] => a.iter().zip(c).map(|(a, c)| a + c).collect(),
        [a] => a.clone(),
        [] => Vec::new(),
    };
    let side_loudness = |i: usize| {
        stereo
            .then(|| loudness::integrated(&measured.sub_blocks[i]))
            .flatten()
    };
    Metrics {
        analyzer_version: ANALYZER_VERSION,
        duration_ms,
        sample_rate: rate,
        channels_analyzed: if stereo { 2 } else { 1 },
        talk_ms,
        talk_share: share(talk_ms),
        silence_share: share(duration_ms.saturating_sub(talk_ms)),
        agent_talk_ms: per_side(timeline::total_ms(&agent)),
        customer_talk_ms: per_side(timeline::total_ms(&customer)),
        agent_talk_share: stereo.then(|| share(timeline::total_ms(&agent))),
        customer_talk_share: stereo.then(|| share(timeline::total_ms(&customer))),
        agent_longest_monologue_ms: per_side(timeline::longest_monologue(
            &agent,
            &customer,
            options.dead_air_ms,
        )),
        customer_longest_monologue_ms: per_side(timeline::longest_monologue(
            &customer,
            &agent,
            options.dead_air_ms,
        )),
        dead_air_threshold_ms: options.dead_air_ms,
        dead_air_count: dead_air.len() as u32,
        dead_air_longest_ms: dead_air_ms.iter().copied().max().unwrap_or(0),
        dead_air_average_ms: dead_air_ms
            .iter()
            .sum::<u64>()
            .checked_div(dead_air_ms.len() as u64)
            .unwrap_or(0),
        overtalk_count: stereo.then_some(overtalk.len() as u32),
        overtalk_ms: per_side(timeline::total_ms(&overtalk)),
        clipping_share: match samples {
            0 => 0.0,
            n => measured.clipped as f64 / n as f64,
        },
        loudness_lufs: loudness::integrated(&program),
        agent_loudness_lufs: side_loudness(0),
        customer_loudness_lufs: side_loudness(1),
        timeline: Timeline {
            talk,
            agent: stereo.then_some(agent),
            customer: stereo.then_some(customer),
            dead_air,
            overtalk: stereo.then_some(overtalk),
        },
    }
}
