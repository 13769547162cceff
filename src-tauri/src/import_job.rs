//! The desktop's background import: one at a time, on its own thread with its own database
//! connection (WAL lets the Library read while it writes), reporting progress as events.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tauri::{AppHandle, Emitter};

use hark::import::{self, ImportProgress, ImportRequest};
use hark::session;
use hark::store::Db;

use crate::analysis_job::AnalysisJob;
use crate::error::{self, CommandError};

pub const PROGRESS_EVENT: &str = "import-progress";
pub const FINISHED_EVENT: &str = "import-finished";
pub const FAILED_EVENT: &str = "import-failed";
/// Progress events at most this often: enough for a smooth bar, few enough to be cheap.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

#[derive(Debug, Default)]
pub struct ImportJob {
    cancel: Option<Arc<AtomicBool>>,
}

impl ImportJob {
    pub fn is_running(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| Arc::strong_count(c) > 1)
    }

    pub fn cancel(&self) {
        if let Some(cancel) = &self.cancel {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Starts an import unless one is running; results arrive as events.
    pub fn start(
        &mut self,
        app: AppHandle,
        db_path: PathBuf,
        request: ImportRequest,
        analysis: AnalysisJob,
    ) -> Result<(), CommandError> {
        if self.is_running() {
            return Err(CommandError {
                code: "import_running".into(),
                message: "an import is already running".into(),
            });
        }
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        std::thread::spawn(move || {
            let outcome = run(&app, &db_path, &request, &cancel);
            drop(cancel);
            match outcome {
                Ok(report) => {
                    let _ = app.emit(FINISHED_EVENT, report);
                    // New and changed recordings get their speech metrics in the background.
                    analysis.start(app, db_path);
                }
                Err(failure) => {
                    let _ = app.emit(FAILED_EVENT, failure);
                }
            }
        });
        Ok(())
    }
}

fn run(
    app: &AppHandle,
    db_path: &std::path::Path,
    request: &ImportRequest,
    cancel: &AtomicBool,
) -> Result<import::ImportReport, CommandError> {
    let mut db = Db::open(db_path).map_err(error::from_error)?;
    let actor = session::current_user(db.conn())
        .map_err(error::from_error)?
        .ok_or_else(error::no_profile)?;
    let options = request.to_options(db.conn()).map_err(error::from_error)?;
    let mut last = Instant::now() - PROGRESS_EVERY;
    let mut emit = |progress: &ImportProgress| {
        let done = progress.phase == import::ImportPhase::Done;
        if done || last.elapsed() >= PROGRESS_EVERY {
            last = Instant::now();
            let _ = app.emit(PROGRESS_EVENT, progress);
        }
    };
    import::run(&mut db, &actor, &options, &mut emit, cancel).map_err(error::from_error)
}
