//! The desktop's background speech analysis of the whole library: after every import and at
//! start (so a run cut short by closing Hark resumes), on its own thread and connection,
//! leaving one core to the player and the window.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tauri::{AppHandle, Emitter};

use hark::analysis::{self, AnalysisOptions, AnalysisProgress, AnalysisReport};
use hark::store::Db;
use hark::waveform::PeaksCache;

pub const PROGRESS_EVENT: &str = "analysis-progress";
pub const FINISHED_EVENT: &str = "analysis-finished";
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

#[derive(Debug, Default)]
struct Shared {
    running: AtomicBool,
    /// Set when a run is asked for while one runs: new recordings arrived, go round again.
    again: AtomicBool,
    progress: Mutex<Option<AnalysisProgress>>,
}

/// A handle to the one background analysis; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct AnalysisJob {
    shared: Arc<Shared>,
}

impl AnalysisJob {
    /// Progress of the running analysis, or `None` when none runs.
    pub fn status(&self) -> Option<AnalysisProgress> {
        if !self.shared.running.load(Ordering::Acquire) {
            return None;
        }
        self.shared
            .progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Analyses every pending recording; if a run is under way it goes round once more after.
    pub fn start(&self, app: AppHandle, db_path: PathBuf) {
        self.shared.again.store(true, Ordering::Release);
        if self.shared.running.swap(true, Ordering::AcqRel) {
            return;
        }
        let shared = self.shared.clone();
        std::thread::spawn(move || {
            while shared.again.swap(false, Ordering::AcqRel) {
                let outcome = run(&app, &db_path, &shared);
                match outcome {
                    Ok(report) => {
                        let _ = app.emit(FINISHED_EVENT, report);
                    }
                    Err(error) => {
                        eprintln!("hark-desktop: background analysis stopped: {error}");
                        break;
                    }
                }
            }
            *shared
                .progress
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = None;
            shared.running.store(false, Ordering::Release);
        });
    }
}

fn run(app: &AppHandle, db_path: &Path, shared: &Shared) -> Result<AnalysisReport, hark::Error> {
    let mut db = Db::open(db_path)?;
    let threads =
        std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1));
    let mut last = Instant::now() - PROGRESS_EVERY;
    let mut emit = |progress: &AnalysisProgress| {
        *shared
            .progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(progress.clone());
        if progress.done == progress.total || last.elapsed() >= PROGRESS_EVERY {
            last = Instant::now();
            let _ = app.emit(PROGRESS_EVENT, progress);
        }
    };
    let never = AtomicBool::new(false);
    Ok(analysis::analyze_library(
        &mut db,
        &AnalysisOptions::default(),
        threads,
        Some(&PeaksCache::for_database(db_path)),
        &mut emit,
        &never,
    )?)
}
