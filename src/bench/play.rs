//! Time to first sound: from `Player::open` + Play to the first sample pulled from the
//! player's output, for long calls at their start and after a seek to the middle, beside
//! ffmpeg decoding the first 100 ms of the same file (process time).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{BenchError, make_long_calls, run_tool};
use crate::player::{PlaybackSource, Player, PlayerCommand, PlayerError};

#[derive(Debug, Clone, PartialEq)]
pub struct PlayRow {
    pub name: String,
    /// Median from `open` to the first sample, playing from the start.
    pub start: Duration,
    /// Median from `open` to the first sample, with a seek to the middle before Play.
    pub middle: Duration,
    /// Median process time of `ffmpeg -i FILE -t 0.1 -f null -`.
    pub reference: Duration,
}

impl PlayRow {
    /// The reference's time over Hark's from the start: above 1, Hark is faster.
    pub fn speedup(&self) -> f64 {
        self.reference.as_secs_f64() / self.start.as_secs_f64().max(1e-9)
    }
}

fn player_error(error: PlayerError) -> BenchError {
    BenchError::Tool {
        tool: "hark player".into(),
        detail: error.to_string(),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// One cold open on a fresh detached player: open, optionally seek to `seek_ms`, Play, and
/// pull until the first sample arrives (the output plays silence until the call's source is
/// up, which a fresh player's is at once).
fn time_to_first_sample(path: &Path, seek_ms: Option<u64>) -> Result<Duration, BenchError> {
    let (player, mut output) = Player::detached();
    let started = Instant::now();
    player
        .open(PlaybackSource {
            recording_id: 1,
            path: path.to_path_buf(),
            talk: None,
            loudness_lufs: None,
        })
        .map_err(player_error)?;
    if let Some(ms) = seek_ms {
        player
            .command(PlayerCommand::Seek { ms })
            .map_err(player_error)?;
    }
    player.command(PlayerCommand::Play).map_err(player_error)?;
    let sample = output.next();
    let elapsed = started.elapsed();
    std::hint::black_box(sample);
    // The sample must have been the call's: its first block moved the position on.
    let from = seek_ms.unwrap_or(0);
    let position = player.state().position_ms;
    if position <= from {
        return Err(BenchError::Tool {
            tool: "hark player".into(),
            detail: format!("the first sample pulled was not the call's (at {position} ms)"),
        });
    }
    Ok(elapsed)
}

/// Each long call's time to first sample, from the start and from the middle, beside ffmpeg.
pub fn run(dir: &Path, minutes: u32, runs: u32) -> Result<Vec<PlayRow>, BenchError> {
    let mut rows = Vec::new();
    let middle_ms = u64::from(minutes) * 60_000 / 2;
    for (name, path) in make_long_calls(dir, minutes)? {
        let runs = runs.max(1);
        let start = (0..runs)
            .map(|_| time_to_first_sample(&path, None))
            .collect::<Result<Vec<_>, _>>()?;
        let middle = (0..runs)
            .map(|_| time_to_first_sample(&path, Some(middle_ms)))
            .collect::<Result<Vec<_>, _>>()?;
        let reference = (0..runs)
            .map(|_| {
                let started = Instant::now();
                run_tool(
                    Command::new("ffmpeg")
                        .args(["-v", "error", "-i"])
                        .arg(&path)
                        .args(["-t", "0.1", "-f", "null", "-"]),
                )?;
                Ok(started.elapsed())
            })
            .collect::<Result<Vec<_>, BenchError>>()?;
        rows.push(PlayRow {
            name,
            start: median(start),
            middle: median(middle),
            reference: median(reference),
        });
    }
    Ok(rows)
}

/// The figures as a table for the terminal.
pub fn table(minutes: u32, rows: &[PlayRow]) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut text = format!(
        "Open + Play to the first sample of a {minutes}-minute two-channel 8 kHz call \
         (median of runs)\n{:<12} {:>12} {:>14} {:>16} {:>16}\n",
        "FORMAT", "START", "MIDDLE", "FFMPEG 100 MS", "HARK vs FFMPEG"
    );
    for row in rows {
        let _ = writeln!(
            text,
            "{:<12} {:>10.3}ms {:>12.3}ms {:>14.1}ms {:>15.0}x",
            row.name,
            ms(row.start),
            ms(row.middle),
            ms(row.reference),
            row.speedup()
        );
    }
    text.push_str(
        "(target: under 150 ms; x above 1: Hark is faster than ffmpeg -i FILE -t 0.1 -f null -)\n",
    );
    text
}
