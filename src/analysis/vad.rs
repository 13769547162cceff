//! Voice activity for one channel, from the band-passed energy of each 10 ms frame.
//!
//! An adaptive double-threshold energy detector. The channel's noise floor is a low percentile
//! of its frame energies (each side of a call is silent most of the time, so that is the line
//! noise, whatever its level), and its speech level a high percentile. A frame louder than the
//! onset threshold (well above the floor) starts talk; the talk then extends both ways while
//! frames stay above the lower offset threshold, so soft word onsets and decaying endings are
//! kept without letting noise trigger anything. Pauses shorter than [`BRIDGE_FRAMES`] (the
//! hangover: breaths and the gaps between sentences of one turn) are bridged, and bursts
//! shorter than [`MIN_TALK_FRAMES`] (clicks, codec artefacts) dropped.

/// Frames per second: the detector works on 10 ms frames.
pub const FRAMES_PER_SECOND: u64 = 100;

/// Percentile of frame energies taken as the noise floor.
const FLOOR_PERCENTILE: f64 = 0.10;
/// Percentile taken as the speech level (the loud part of talk).
const LEVEL_PERCENTILE: f64 = 0.99;
/// Floor used when the channel is digital silence (energies of -inf dB), in dBFS.
const LOWEST_FLOOR_DB: f32 = -90.0;
/// The onset threshold sits this fraction of the way from the floor to the speech level ...
const ONSET_FRACTION: f32 = 0.30;
/// ... but at least this far above the floor, so a channel with no talk stays silent.
const MIN_ONSET_SNR_DB: f32 = 12.0;
/// The offset threshold: this far below the onset one, and at least this far above the floor.
const OFFSET_BELOW_ONSET_DB: f32 = 6.0;
const MIN_OFFSET_SNR_DB: f32 = 6.0;
/// Silences shorter than this (450 ms) are bridged: espeak and people pause up to ~0.4 s
/// between sentences of one turn, and a turn is what talk time and monologues count.
pub const BRIDGE_FRAMES: usize = 45;
/// Talk shorter than this (100 ms) is dropped.
const MIN_TALK_FRAMES: usize = 10;

/// Thresholds chosen for one channel, in dBFS.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub floor_db: f32,
    pub onset_db: f32,
    pub offset_db: f32,
}

pub fn thresholds(energy_db: &[f32]) -> Thresholds {
    let floor_db = percentile(energy_db, FLOOR_PERCENTILE).max(LOWEST_FLOOR_DB);
    let level_db = percentile(energy_db, LEVEL_PERCENTILE).max(floor_db);
    let onset_db = floor_db + (ONSET_FRACTION * (level_db - floor_db)).max(MIN_ONSET_SNR_DB);
    let offset_db = (onset_db - OFFSET_BELOW_ONSET_DB).max(floor_db + MIN_OFFSET_SNR_DB);
    Thresholds {
        floor_db,
        onset_db,
        offset_db,
    }
}

/// Talk as frame ranges `[start, end)`, in order and disjoint.
pub fn detect(energy_db: &[f32]) -> Vec<(usize, usize)> {
    let t = thresholds(energy_db);
    // Runs of frames above the offset threshold that reach the onset threshold somewhere.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    let mut triggered = false;
    for (i, &e) in energy_db.iter().enumerate() {
        if e > t.offset_db {
            start.get_or_insert(i);
            triggered |= e > t.onset_db;
        } else if let Some(s) = start.take() {
            if triggered {
                runs.push((s, i));
            }
            triggered = false;
        }
    }
    if let Some(s) = start
        && triggered
    {
        runs.push((s, energy_db.len()));
    }
    // Hangover: bridge short pauses, then drop what is still too short to be talk.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if run.0 - last.1 < BRIDGE_FRAMES => last.1 = run.1,
            _ => merged.push(run),
        }
    }
    merged.retain(|(s, e)| e - s >= MIN_TALK_FRAMES);
    merged
}

fn percentile(values: &[f32], p: f64) -> f32 {
    if values.is_empty() {
        return LOWEST_FLOOR_DB;
    }
    let mut sorted = values.to_vec();
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    let (_, value, _) = sorted.select_nth_unstable_by(index, f32::total_cmp);
    *value
}
