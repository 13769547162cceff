//! Peaks cached on disk, one file per content hash, so a recording is decoded for its waveform
//! once whatever its path, and a copy or a moved file finds its peaks again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::WaveformError;
use super::format;
use super::peaks::Peaks;

/// A folder of peaks files named `<BLAKE3 hex>.peaks`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeaksCache {
    dir: PathBuf,
}

impl PeaksCache {
    pub fn new(dir: impl Into<PathBuf>) -> PeaksCache {
        PeaksCache { dir: dir.into() }
    }

    /// The cache of a library: the folder `peaks/` beside its database file.
    pub fn for_database(db_path: &Path) -> PeaksCache {
        let parent = db_path.parent().unwrap_or(Path::new(""));
        PeaksCache::new(parent.join("peaks"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the peaks of `content_hash`. Only a BLAKE3 hex digest (64 hex digits)
    /// is accepted: the hash becomes a file name, so anything else (`../`, separators, empty)
    /// is refused rather than joined to a path.
    pub fn file_for(&self, content_hash: &str) -> Result<PathBuf, WaveformError> {
        let (_, name) = parse_hash(content_hash)?;
        Ok(self.file_named(&name))
    }

    fn file_named(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.peaks"))
    }

    /// The cached peaks of `content_hash`, or `None` on a miss. A file that cannot be read or
    /// does not decode (truncated by a crash, damaged, another format version, written for
    /// another hash) is a miss too, never an error: the caller recomputes the peaks and `put`
    /// overwrites the file.
    pub fn get(&self, content_hash: &str) -> Result<Option<Peaks>, WaveformError> {
        let (hash, name) = parse_hash(content_hash)?;
        let Ok(bytes) = std::fs::read(self.file_named(&name)) else {
            return Ok(None);
        };
        Ok(format::decode(&bytes, &hash))
    }

    /// Stores the peaks of `content_hash`, replacing any file there. Written to a temporary file
    /// in the same folder and renamed over the old one, so a reader sees the old file or the
    /// new one whole, and concurrent writers of the same hash (identical content) simply race
    /// to the last rename. Not fsynced: a file cut short by a power cut fails its checksum and
    /// is recomputed, which is cheaper than a sync on every store.
    pub fn put(&self, content_hash: &str, peaks: &Peaks) -> Result<(), WaveformError> {
        let (hash, name) = parse_hash(content_hash)?;
        let path = self.file_named(&name);
        let error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| WaveformError::Cache { path, source }
        };
        std::fs::create_dir_all(&self.dir).map_err(error(&self.dir))?;
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let temporary = self.dir.join(format!(
            ".{name}.{}-{}.tmp",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::write(&temporary, format::encode(peaks, &hash))
            .map_err(error(&temporary))
            .and_then(|()| std::fs::rename(&temporary, &path).map_err(error(&path)));
        if written.is_err() {
            // Best effort: a leftover temporary file is only wasted space.
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }
}

/// The digest's bytes and its canonical (lower-case) hex spelling.
fn parse_hash(text: &str) -> Result<([u8; 32], String), WaveformError> {
    let invalid = || WaveformError::InvalidHash(text.chars().take(80).collect());
    if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let mut hash = [0u8; 32];
    for (byte, pair) in hash.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
        let pair = std::str::from_utf8(pair).map_err(|_| invalid())?;
        *byte = u8::from_str_radix(pair, 16).map_err(|_| invalid())?;
    }
    let name = text.to_ascii_lowercase();
    Ok((hash, name))
}
