//! Analysing the library: every recording without current metrics, on one worker per core,
//! with results written by the caller's thread (which owns the database) in small
//! transactions. Each stored row is final, so a run stopped at any point (cancel, crash, quit)
//! resumes with what is still pending.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    ANALYZER_VERSION, AnalysisError, AnalysisOptions, Metrics, analyze_file,
    analyze_file_with_peaks,
};
use crate::import::Problem;
use crate::store::Db;
use crate::store::metrics::{self, Pending};
use crate::waveform::PeaksCache;

/// Results are committed this many at a time, or at least this often: few enough that a
/// crash loses little, and the Library sees metrics arrive as the run goes.
const BATCH: usize = 16;
const BATCH_TIME: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// Seconds of audio analysed per second of wall clock.
    pub speed: f64,
    pub seconds_left: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisReport {
    /// Recordings that were pending when the run began.
    #[ts(type = "number")]
    pub pending: u64,
    #[ts(type = "number")]
    pub analyzed: u64,
    /// Recordings that could not be analysed (they stay pending), with why.
    pub failed: Vec<Problem>,
    #[ts(type = "number")]
    pub audio_ms: u64,
    pub seconds: f64,
    pub cancelled: bool,
}

struct Done {
    index: usize,
    result: Result<Metrics, String>,
}

/// Analyses every pending recording (see [`metrics::pending`]); `threads` 0 is one per core.
/// With a `peaks` cache, each recording's waveform peaks come from the same decoder pass and
/// are stored there under its content hash.
pub fn analyze_library(
    db: &mut Db,
    options: &AnalysisOptions,
    threads: usize,
    peaks: Option<&PeaksCache>,
    progress: &mut dyn FnMut(&AnalysisProgress),
    cancel: &AtomicBool,
) -> Result<AnalysisReport, AnalysisError> {
    let started = Instant::now();
    let pending = metrics::pending(db.conn(), ANALYZER_VERSION, options.dead_air_ms)?;
    let mut report = AnalysisReport {
        pending: pending.len() as u64,
        ..AnalysisReport::default()
    };
    let total = pending.len() as u64;
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    }
    .min(pending.len().max(1));
    progress(&AnalysisProgress {
        done: 0,
        total,
        speed: 0.0,
        seconds_left: None,
    });

    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<Done>(threads * 2);
    std::thread::scope(|scope| -> Result<(), AnalysisError> {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, pending) = (&next, &pending);
            scope.spawn(move || {
                while !cancel.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = pending.get(index) else {
                        break;
                    };
                    let result = analyze_one(item, options, peaks).map_err(|e| e.to_string());
                    if sender.send(Done { index, result }).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut batch = Vec::with_capacity(BATCH);
        let mut done = 0u64;
        let mut last_flush = Instant::now();
        for finished in receiver.iter() {
            done += 1;
            match finished.result {
                Ok(metrics) => batch.push((&pending[finished.index], metrics)),
                Err(reason) => report.failed.push(Problem {
                    path: pending[finished.index].path.clone(),
                    reason,
                }),
            }
            if batch.len() >= BATCH || last_flush.elapsed() >= BATCH_TIME || done == total {
                write(db, &mut batch, &mut report)?;
                last_flush = Instant::now();
                let elapsed = started.elapsed().as_secs_f64().max(1e-6);
                let rate = done as f64 / elapsed;
                progress(&AnalysisProgress {
                    done,
                    total,
                    speed: report.audio_ms as f64 / 1000.0 / elapsed,
                    seconds_left: (rate > 0.0).then(|| (total - done) as f64 / rate),
                });
            }
        }
        write(db, &mut batch, &mut report)
    })?;
    report.cancelled =
        cancel.load(Ordering::Relaxed) && report.analyzed + (report.failed.len() as u64) < total;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// One recording's metrics, caching its peaks on the way when there is a cache. The peaks
/// are stored from the worker thread, off the database's; a store that fails (read-only or
/// full disk) leaves the peaks to be computed when the call is opened, and the metrics stand.
fn analyze_one(
    item: &Pending,
    options: &AnalysisOptions,
    peaks: Option<&PeaksCache>,
) -> Result<Metrics, AnalysisError> {
    let path = Path::new(&item.path);
    let Some(cache) = peaks else {
        return analyze_file(path, options);
    };
    let (metrics, computed) = analyze_file_with_peaks(path, options)?;
    let _ = cache.put(&item.content_hash, &computed);
    Ok(metrics)
}

/// Commits one batch of results in one transaction.
fn write(
    db: &mut Db,
    batch: &mut Vec<(&Pending, Metrics)>,
    report: &mut AnalysisReport,
) -> Result<(), AnalysisError> {
    if batch.is_empty() {
        return Ok(());
    }
    db.write(|tx| {
        for (item, m) in batch.iter() {
            metrics::save(tx, item.recording_id, &item.content_hash, m)?;
        }
        Ok::<_, AnalysisError>(())
    })?;
    for (_, m) in batch.drain(..) {
        report.analyzed += 1;
        report.audio_ms += m.duration_ms;
    }
    Ok(())
}
