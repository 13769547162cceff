//! The call page: one recording with its speech metrics, and analysing it on demand when it is
//! opened before the library's background analysis got to it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{self, ANALYZER_VERSION, AnalysisOptions, Metrics};
use crate::library::{self, LibraryRow};
use crate::player::PlaybackSource;
use crate::store::recordings::RecordingStatus;
use crate::store::{Db, StoreError, StoreResult, metrics};
use crate::waveform::{self, PeaksCache, WaveformPeaks};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallDetail {
    pub recording: LibraryRow,
    /// `None` until the recording has been analysed (the app analyses it when it is opened).
    pub metrics: Option<Metrics>,
}

/// Where a recording's audio is and whether it can be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFile {
    pub path: PathBuf,
    pub content_hash: Option<String>,
    pub status: RecordingStatus,
    pub problem: Option<String>,
}

impl CallFile {
    /// The content hash the analysis and the peaks cache are keyed by.
    fn fingerprint(&self) -> StoreResult<&str> {
        self.content_hash.as_deref().ok_or_else(|| {
            StoreError::Invalid(format!("{}: not fingerprinted yet", self.path.display()))
        })
    }

    /// The file as it can be played, or why it cannot (missing, unreadable), naming it.
    pub fn playable(self) -> StoreResult<CallFile> {
        match self.status {
            RecordingStatus::Ok => Ok(self),
            status => Err(StoreError::Invalid(format!(
                "{}: {}{}",
                self.path.display(),
                status.as_str(),
                self.problem.map(|p| format!(" ({p})")).unwrap_or_default()
            ))),
        }
    }
}

fn not_found(recording_id: i64) -> StoreError {
    StoreError::NotFound {
        what: format!("recording {recording_id}"),
    }
}

pub fn file(conn: &Connection, recording_id: i64) -> StoreResult<CallFile> {
    conn.prepare_cached("SELECT path, content_hash, status, problem FROM recordings WHERE id = ?1")?
        .query_row([recording_id], |row| {
            let status: String = row.get(2)?;
            Ok(CallFile {
                path: PathBuf::from(row.get::<_, String>(0)?),
                content_hash: row.get(1)?,
                status: RecordingStatus::parse(&status).unwrap_or(RecordingStatus::Unreadable),
                problem: row.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| not_found(recording_id))
}

/// The recording and its metrics, if they were computed from the file as it is now by this
/// version of the analyser (stale metrics would describe another recording).
pub fn detail(conn: &Connection, recording_id: i64) -> StoreResult<CallDetail> {
    let recording = library::row(conn, recording_id)?.ok_or_else(|| not_found(recording_id))?;
    let content_hash = file(conn, recording_id)?.content_hash;
    let metrics = metrics::get(conn, recording_id)?
        .filter(|stored| {
            Some(&stored.content_hash) == content_hash.as_ref()
                && stored.metrics.analyzer_version == ANALYZER_VERSION
        })
        .map(|stored| stored.metrics);
    Ok(CallDetail { recording, metrics })
}

/// Analyses one recording now, stores its metrics and caches its waveform peaks; the detail
/// as the call page shows it.
pub fn analyze(
    db: &mut Db,
    recording_id: i64,
    options: &AnalysisOptions,
) -> crate::Result<CallDetail> {
    let file = file(db.conn(), recording_id)?.playable()?;
    let content_hash = file.fingerprint()?;
    let (measured, peaks) = analysis::analyze_file_with_peaks(&file.path, options)?;
    db.write(|tx| metrics::save(tx, recording_id, content_hash, &measured))?;
    // A peaks file that cannot be written is only a cache miss: the waveform is computed again.
    let _ = PeaksCache::for_database(db.path()).put(content_hash, &peaks);
    Ok(detail(db.conn(), recording_id)?)
}

/// Peaks of part of a recording for the waveform, from the cache beside the database when
/// they are there, decoded (and cached) otherwise.
pub fn waveform(
    db_path: &Path,
    file: CallFile,
    start_ms: u64,
    end_ms: u64,
    bins: u32,
) -> crate::Result<WaveformPeaks> {
    let file = file.playable()?;
    let cache = PeaksCache::for_database(db_path);
    let content_hash = file.fingerprint()?;
    Ok(waveform::load(
        &cache,
        &file.path,
        content_hash,
        start_ms,
        end_ms,
        bins,
    )?)
}

/// What the player needs to open a recording: its file, and its talk spans and loudness when
/// it has current metrics (skip-silence and normalisation wait for them otherwise).
pub fn playback_source(conn: &Connection, recording_id: i64) -> StoreResult<PlaybackSource> {
    let file = file(conn, recording_id)?.playable()?;
    let metrics = detail(conn, recording_id)?.metrics;
    Ok(PlaybackSource {
        recording_id,
        path: file.path,
        talk: metrics.as_ref().map(|m| m.timeline.talk.clone()),
        loudness_lufs: metrics.and_then(|m| m.loudness_lufs),
    })
}

/// The analysis of an opened call failed: the call page stops waiting and says why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallAnalysisFailed {
    #[ts(type = "number")]
    pub recording_id: i64,
    pub message: String,
}
