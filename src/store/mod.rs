//! The local SQLite store: one database file, opened with WAL, foreign keys and a busy timeout,
//! migrated by numbered SQL keyed on `PRAGMA user_version`. One module per table or aggregate.

pub mod audit_log;
pub mod evaluations;
pub mod feedback;
pub mod import_settings;
pub mod metrics;
mod migrate;
pub mod parties;
pub mod recordings;
pub mod samples;
pub mod saved_filters;
pub mod scorecards;
pub mod settings;
pub mod users;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};

pub use migrate::LATEST_SCHEMA_VERSION;

/// Environment variable that overrides the database location (as `--db` does).
pub const DB_ENV: &str = "HARK_DB";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, but this Hark knows versions up to \
         {supported}: it was written by a newer Hark. It was left unchanged; use a newer Hark."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot create the folder for database {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no data directory is known for this user; pass --db PATH or set HARK_DB")]
    NoDataDir,
    #[error("{0}")]
    Invalid(String),
    #[error("{what} not found")]
    NotFound { what: String },
}

pub type StoreResult<T> = Result<T, StoreError>;

/// An open Hark database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

/// The database path: an explicit one, else `HARK_DB`, else `hark/hark.db` in the user's data
/// directory (`$XDG_DATA_HOME`, usually `~/.local/share`).
pub fn resolve_path(explicit: Option<&Path>) -> StoreResult<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let data = dirs::data_dir().ok_or(StoreError::NoDataDir)?;
    Ok(data.join("hark").join("hark.db"))
}

impl Db {
    /// Opens (creating if needed) and migrates the database at `path`. A database written by a
    /// newer Hark is refused before anything is written to it.
    pub fn open(path: &Path) -> StoreResult<Db> {
        if path.exists() {
            refuse_newer_schema(path)?;
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| sqlite_error(path, e))?;
        let mut db = Db {
            conn,
            path: path.to_path_buf(),
        };
        db.configure()?;
        migrate::apply(&mut db.conn).map_err(|e| db.with_path(e))?;
        Ok(db)
    }

    /// An in-memory database, migrated: for tests.
    pub fn open_in_memory() -> StoreResult<Db> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sqlite_error(&path, e))?;
        let mut db = Db { conn, path };
        db.configure()?;
        migrate::apply(&mut db.conn).map_err(|e| db.with_path(e))?;
        Ok(db)
    }

    fn configure(&self) -> StoreResult<()> {
        let conn = &self.conn;
        conn.busy_timeout(Duration::from_secs(5))
            // In-memory databases answer "memory" here; files switch to WAL.
            .and_then(|_| conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(())))
            .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
            .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
            .map_err(|e| sqlite_error(&self.path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` inside one transaction: committed when it returns Ok, rolled back otherwise.
    pub fn write<T, E>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| sqlite_error(&path, e))?;
        let value = work(&tx)?;
        tx.commit().map_err(|e| sqlite_error(&path, e))?;
        Ok(value)
    }

    pub fn schema_version(&self) -> StoreResult<i64> {
        migrate::user_version(&self.conn).map_err(|e| self.with_path(e))
    }

    /// Copies the live database to `target` with SQLite's online backup.
    pub fn backup_to(&self, target: &Path) -> StoreResult<()> {
        self.conn
            .backup(
                rusqlite::MAIN_DB,
                target,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| sqlite_error(target, e))
    }

    /// Adds this database's path to a bare SQLite error.
    pub fn with_path(&self, error: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, error)
    }
}

pub(crate) fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        StoreError::Sqlite {
            path: PathBuf::new(),
            source,
        }
    }
}

/// Reads `user_version` through a read-only connection, so a file we must refuse is never
/// touched (not even by switching it to WAL).
fn refuse_newer_schema(path: &Path) -> StoreResult<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
    let found = migrate::user_version(&conn).map_err(|e| sqlite_error(path, e))?;
    if found > LATEST_SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: LATEST_SCHEMA_VERSION,
        });
    }
    Ok(())
}
