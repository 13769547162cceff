//! A file's identity for de-duplication and tamper checks: size, mtime and a BLAKE3 content
//! hash, read through a read-only handle.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot read: {source}")]
pub struct FingerprintError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size_bytes: u64,
    pub mtime_ns: i64,
    pub blake3_hex: String,
}

pub fn fingerprint(path: &Path) -> Result<Fingerprint, FingerprintError> {
    let error = |source| FingerprintError {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(error)?;
    let metadata = file.metadata().map_err(error)?;
    let mtime_ns = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map(|since| i64::try_from(since.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(file).map_err(error)?;
    Ok(Fingerprint {
        size_bytes: metadata.len(),
        mtime_ns,
        blake3_hex: hasher.finalize().to_hex().to_string(),
    })
}
