//! The shell's state: the open database, shared by the commands.

use std::sync::{Mutex, MutexGuard};

use hark::session;
use hark::store::Db;
use hark::store::users::User;

use crate::error::{self, CommandResult};
use crate::import_job::ImportJob;

#[derive(Debug)]
pub struct AppState {
    db: Mutex<Db>,
    db_path: std::path::PathBuf,
    import: Mutex<ImportJob>,
}

impl AppState {
    pub fn new(db: Db) -> Self {
        AppState {
            db_path: db.path().to_path_buf(),
            db: Mutex::new(db),
            import: Mutex::new(ImportJob::default()),
        }
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
