//! First paint of a waveform: the data for a 1,200-bin overview of a long call, uncached
//! (decode, peaks, store, view) and cached (read the peaks file, view), beside ffmpeg drawing
//! the same overview with `showwavespic`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{BenchError, make_long_calls, run_tool};
use crate::waveform::{self, PeaksCache, WaveformError};

/// Bins of the overview: a wide window's width in pixels.
pub const BINS: u32 = 1200;

#[derive(Debug, Clone, PartialEq)]
pub struct WaveformRow {
    pub name: String,
    /// Median time to the view's data with no peaks file.
    pub uncached: Duration,
    /// Median time to the view's data from the peaks file.
    pub cached: Duration,
    /// Median process time of ffmpeg's `showwavespic` on the same file.
    pub reference: Duration,
    /// Size of the peaks file.
    pub cache_bytes: u64,
}

fn waveform_error(error: WaveformError) -> BenchError {
    BenchError::Tool {
        tool: "hark waveform".into(),
        detail: error.to_string(),
    }
}

/// The median of `runs` timings of `work`.
fn median_of(
    runs: u32,
    mut work: impl FnMut() -> Result<Duration, BenchError>,
) -> Result<Duration, BenchError> {
    let mut times = (0..runs.max(1))
        .map(|_| work())
        .collect::<Result<Vec<_>, _>>()?;
    times.sort();
    Ok(times[times.len() / 2])
}

/// Times each long call's first-paint data, uncached and cached, beside ffmpeg.
pub fn run(dir: &Path, minutes: u32, runs: u32) -> Result<Vec<WaveformRow>, BenchError> {
    let cache = PeaksCache::new(dir.join("waveform-bench-peaks"));
    let picture = dir.join("waveform-bench.png");
    let mut rows = Vec::new();
    for (name, path) in make_long_calls(dir, minutes)? {
        let hash = crate::fingerprint::fingerprint(&path)
            .map_err(|e| BenchError::Io {
                path: e.path,
                source: e.source,
            })?
            .blake3_hex;
        let file = cache.file_for(&hash).map_err(waveform_error)?;
        let paint = |expect_cached: bool| -> Result<Duration, BenchError> {
            let started = Instant::now();
            let view =
                waveform::load(&cache, &path, &hash, 0, u64::MAX, BINS).map_err(waveform_error)?;
            let elapsed = started.elapsed();
            if view.cached != expect_cached || view.bins != BINS {
                return Err(BenchError::Tool {
                    tool: "hark waveform".into(),
                    detail: format!(
                        "{name}: expected cached={expect_cached} and {BINS} bins, got {} and {}",
                        view.cached, view.bins
                    ),
                });
            }
            std::hint::black_box(view);
            Ok(elapsed)
        };
        let uncached = median_of(runs, || {
            // A missing file is what this run wants; any other failure shows in `paint`.
            let _ = std::fs::remove_file(&file);
            paint(false)
        })?;
        let cached = median_of(runs, || paint(true))?;
        let cache_bytes = std::fs::metadata(&file).map_or(0, |m| m.len());
        let reference = median_of(runs, || {
            let started = Instant::now();
            run_tool(
                Command::new("ffmpeg")
                    .args(["-v", "error", "-i"])
                    .arg(&path)
                    .args([
                        "-filter_complex",
                        "showwavespic=s=1200x240:split_channels=1",
                        "-frames:v",
                        "1",
                        "-y",
                    ])
                    .arg(&picture),
            )?;
            Ok(started.elapsed())
        })?;
        rows.push(WaveformRow {
            name,
            uncached,
            cached,
            reference,
            cache_bytes,
        });
    }
    Ok(rows)
}

/// The rows as the Markdown table in docs/BENCHMARKS.md; ratios are ffmpeg's time over
/// Hark's (above 1: Hark is faster).
pub fn table(minutes: u32, rows: &[WaveformRow]) -> String {
    let mut out = format!(
        "| format ({minutes} min, 2 ch, 8 kHz) | uncached | cached | ffmpeg showwavespic | \
         ratio uncached | ratio cached | peaks file |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows {
        let ratio = |hark: Duration| row.reference.as_secs_f64() / hark.as_secs_f64().max(1e-9);
        let _ = writeln!(
            out,
            "| {} | {:.3} s | {:.1} ms | {:.3} s | {:.1}x | {:.0}x | {:.1} MB |",
            row.name,
            row.uncached.as_secs_f64(),
            row.cached.as_secs_f64() * 1000.0,
            row.reference.as_secs_f64(),
            ratio(row.uncached),
            ratio(row.cached),
            row.cache_bytes as f64 / 1e6,
        );
    }
    out
}
