//! The shell's state: the open database, shared by the commands.

use std::sync::{Arc, Mutex, MutexGuard};

use hark::player::Player;
use hark::session;
use hark::store::Db;
use hark::store::users::User;

use crate::analysis_job::AnalysisJob;
use crate::error::{self, CommandResult};
use crate::import_job::ImportJob;

#[derive(Debug)]
pub struct AppState {
    db: Mutex<Db>,
    db_path: std::path::PathBuf,
    import: Mutex<ImportJob>,
    analysis: AnalysisJob,
    player: Arc<Player>,
}

impl AppState {
    pub fn new(db: Db, player: Player) -> Self {
        AppState {
            db_path: db.path().to_path_buf(),
            db: Mutex::new(db),
            import: Mutex::new(ImportJob::default()),
            analysis: AnalysisJob::default(),
            player: Arc::new(player),
        }
    }

    pub fn analysis(&self) -> &AnalysisJob {
        &self.analysis
    }

    pub fn player(&self) -> Arc<Player> {
        self.player.clone()
    }

    pub fn db_path(&self) -> &std::path::Path {
        &self.db_path
    }

    pub fn import(&self) -> CommandResult<MutexGuard<'_, ImportJob>> {
        self.import.lock().map_err(|_| error::poisoned())
    }

    pub fn db(&self) -> CommandResult<MutexGuard<'_, Db>> {
        self.db.lock().map_err(|_| error::poisoned())
    }

    /// The current profile, which every write is recorded against.
    pub fn actor(&self, db: &Db) -> CommandResult<User> {
        session::current_user(db.conn())
            .map_err(error::from_error)?
            .ok_or_else(error::no_profile)
    }
}
