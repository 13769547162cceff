//! The demo library: short two-channel calls made by `assets/demo/make-demo.sh`, with a
//! CDR-style `calls.csv` naming agents, teams, queues and dispositions, and the ready
//! scorecard templates.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audio::{self, AudioError};
use crate::fingerprint::{FingerprintError, fingerprint};
use crate::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use crate::store::users::User;
use crate::store::{Db, StoreError, audit_log};

/// Overrides where the demo recordings are read from.
pub const DEMO_DIR_ENV: &str = "HARK_DEMO_DIR";
const CALLS_CSV: &str = "calls.csv";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo library was not found at {0} (set HARK_DEMO_DIR to its folder)")]
    NotFound(PathBuf),
    #[error("{path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{path}, row {row}, column {column}: {reason}")]
    BadValue {
        path: PathBuf,
        row: u64,
        column: &'static str,
        reason: String,
    },
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error(transparent)]
    Read(#[from] FingerprintError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Scorecard(#[from] crate::scorecard::ScorecardError),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoReport {
    pub loaded: u32,
    pub already_present: u32,
    /// Scorecard templates added (the ones whose names were free).
    pub scorecards: u32,
}

#[derive(Debug, Deserialize)]
struct CallRow {
    file: String,
    call_id: String,
    start: String,
    direction: String,
    agent: String,
    team: String,
    vendor: String,
    queue: String,
    disposition: String,
    caller: String,
    callee: String,
}

/// The demo folder: `HARK_DEMO_DIR`, else `assets/demo` of the source tree Hark was built from.
pub fn default_dir() -> PathBuf {
    std::env::var_os(DEMO_DIR_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo"))
}

pub fn is_available(dir: &Path) -> bool {
    dir.join(CALLS_CSV).is_file()
}

/// Loads every demo call not already in the library, in one transaction with one audit entry.
pub fn load(db: &mut Db, actor: &User, dir: &Path) -> Result<DemoReport, DemoError> {
    let csv_path = dir.join(CALLS_CSV);
    if !csv_path.is_file() {
        return Err(DemoError::NotFound(dir.to_path_buf()));
    }
    let dir = dir
        .canonicalize()
        .map_err(|_| DemoError::NotFound(dir.to_path_buf()))?;
    let csv_error = |source| DemoError::Csv {
        path: csv_path.clone(),
        source,
    };
    let mut reader = csv::Reader::from_path(&csv_path).map_err(csv_error)?;
    let mut pending = Vec::new();
    let mut already_present = 0;
    for (index, row) in reader.deserialize::<CallRow>().enumerate() {
        let row = row.map_err(csv_error)?;
        let line = index as u64 + 2; // 1-based, after the header row
        let new = recording_for(&dir, &csv_path, line, &row)?;
        if recordings::id_by_path(db.conn(), &new.path)?.is_some() {
            already_present += 1;
        } else {
            pending.push(new);
        }
    }
    let loaded = pending.len() as u32;
    db.write(|tx| {
        for new in &pending {
            recordings::insert(tx, actor, new)?;
        }
        audit_log::append(
            tx,
            actor,
            "demo.load",
            &format!("folder:{}", dir.display()),
            &serde_json::json!({ "loaded": loaded, "already_present": already_present }),
        )?;
        Ok::<_, DemoError>(())
    })?;
    // The demo is for trying Hark out, scoring included: the ready forms come with it.
    let scorecards = crate::scorecard::forms::install_templates(db, actor)?.len() as u32;
    Ok(DemoReport {
        loaded,
        already_present,
        scorecards,
    })
}

fn recording_for(
    dir: &Path,
    csv_path: &Path,
    row: u64,
    call: &CallRow,
) -> Result<NewRecording, DemoError> {
    let bad = |column, reason: String| DemoError::BadValue {
        path: csv_path.to_path_buf(),
        row,
        column,
        reason,
    };
    if call.file.contains('/') || call.file.contains('\\') || call.file.starts_with('.') {
        return Err(bad(
            "file",
            format!("{:?} is not a plain file name", call.file),
        ));
    }
    let path = dir.join(&call.file);
    let start = chrono::DateTime::parse_from_rfc3339(&call.start).map_err(|e| {
        bad(
            "start",
            format!("{:?} is not an RFC 3339 time: {e}", call.start),
        )
    })?;
    let direction = Direction::parse(&call.direction).ok_or_else(|| {
        bad(
            "direction",
            format!("{:?} is not inbound/outbound/internal", call.direction),
        )
    })?;
    let info = audio::probe(&path)?;
    let print = fingerprint(&path)?;
    let text = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    Ok(NewRecording {
        path: path.to_string_lossy().into_owned(),
        content_hash: Some(print.blake3_hex),
        size_bytes: print.size_bytes,
        mtime_ns: print.mtime_ns,
        audio: AudioFacts {
            container: Some(info.container),
            codec: Some(info.codec),
            sample_rate: Some(info.sample_rate),
            channels: Some(info.channels),
            duration_ms: Some(info.duration_ms),
        },
        call: CallFacts {
            call_start: Some(CallStart::from_datetime(start)),
            direction: Some(direction),
            agent: text(&call.agent),
            team: text(&call.team),
            vendor: text(&call.vendor),
            queue: text(&call.queue),
            disposition: text(&call.disposition),
            caller_number: text(&call.caller),
            callee_number: text(&call.callee),
            external_call_id: text(&call.call_id),
        },
        status: RecordingStatus::Ok,
        problem: None,
    })
}
