//! Waveform peaks: min/max per channel at several zoom levels, computed once per recording and
//! cached by content hash.
//!
//! `load` is what the player asks for: a hit reads one small file and cuts the view from it; a
//! miss decodes the recording once for its peaks alone (not the speech metrics, so an hour of
//! audio stays well under a second) and stores them. The library's speech analysis computes the
//! same peaks in its decoder pass and stores them too, so an analysed call paints from the cache.

mod builder;
mod cache;
mod format;
mod peaks;
mod types;

use std::path::{Path, PathBuf};

use crate::audio::{self, AudioError};

pub use builder::PeaksBuilder;
pub use cache::PeaksCache;
pub use format::FORMAT_VERSION;
pub use peaks::{BINS_PER_SECOND, FANOUT, Peaks};
pub use types::{ChannelPeaks, WaveformPeaks};

#[derive(Debug, thiserror::Error)]
pub enum WaveformError {
    /// A content hash that is not 64 hex digits; shortened to 80 characters.
    #[error("not a content hash (64 hex digits): {0:?}")]
    InvalidHash(String),
    /// Decoding the recording failed; the error names the file.
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error("peaks cache {path}: {source}")]
    Cache {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Peaks of `start_ms..end_ms` of the recording at `path` in (up to) `bins` bins; see
/// [`Peaks::view`]. `content_hash` is the recording's current BLAKE3 (`recordings.content_hash`):
/// the cache trusts it, as the stored metrics do, and a changed file gets a new hash at the next
/// import scan.
pub fn load(
    cache: &PeaksCache,
    path: &Path,
    content_hash: &str,
    start_ms: u64,
    end_ms: u64,
    bins: u32,
) -> Result<WaveformPeaks, WaveformError> {
    let (peaks, cached) = load_peaks(cache, path, content_hash)?;
    Ok(WaveformPeaks {
        cached,
        ..peaks.view(start_ms, end_ms, bins)
    })
}

/// The whole recording's peaks from the cache, else computed and stored; `true` when cached.
/// For a caller that keeps them in memory to cut many views (zooming, scrolling).
pub fn load_peaks(
    cache: &PeaksCache,
    path: &Path,
    content_hash: &str,
) -> Result<(Peaks, bool), WaveformError> {
    if let Some(peaks) = cache.get(content_hash)? {
        return Ok((peaks, true));
    }
    let peaks = compute(path)?;
    // The peaks are in hand: a cache that cannot be written (read-only or full disk) costs
    // the next open a decode, which is no reason to show no waveform now.
    let _ = cache.put(content_hash, &peaks);
    Ok((peaks, false))
}

/// Decodes the recording once, computing its peaks and nothing else.
pub fn compute(path: &Path) -> Result<Peaks, WaveformError> {
    let mut decoder = audio::open(path)?;
    let mut builder = PeaksBuilder::new(decoder.info().sample_rate, decoder.channels());
    while let Some(chunk) = decoder.read()? {
        builder.push(chunk);
    }
    Ok(builder.finish())
}
