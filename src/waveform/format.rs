//! The cache file: a fixed little-endian header, every level's extremes as `i16`, and a BLAKE3
//! checksum of all that. Anything that does not read back whole and consistent (truncated,
//! flipped bits, another format version, another recording's hash) decodes to `None`.
//!
//! ```text
//! magic "HARKPEAK" | version u16 | bins per second u16 | channels u16 | levels u16
//! sample rate u32 | frames u64 | content hash [32]
//! per level, finest first, per channel: min [i16; bins], max [i16; bins]
//! BLAKE3 of everything above [32]
//! ```
//! Bin counts are not stored: they follow from frames, rate and `FANOUT`, so a file whose
//! header disagrees with its length is caught before any data is read.

use super::peaks::{self, BINS_PER_SECOND, Extremes, Level, Peaks};

const MAGIC: &[u8; 8] = b"HARKPEAK";
/// Bumped when the layout or the meaning of the values changes; other versions are misses.
pub const FORMAT_VERSION: u16 = 1;
const HEADER_BYTES: usize = 8 + 2 + 2 + 2 + 2 + 4 + 8 + 32;
const CHECKSUM_BYTES: usize = 32;

pub fn encode(peaks: &Peaks, content_hash: &[u8; 32]) -> Vec<u8> {
    let values: usize = peaks.levels.iter().map(|l| l.bins()).sum::<usize>() * peaks.channels();
    let mut out = Vec::with_capacity(HEADER_BYTES + values * 4 + CHECKSUM_BYTES);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(BINS_PER_SECOND as u16).to_le_bytes());
    out.extend_from_slice(&(peaks.channels() as u16).to_le_bytes());
    out.extend_from_slice(&(peaks.levels.len() as u16).to_le_bytes());
    out.extend_from_slice(&peaks.sample_rate.to_le_bytes());
    out.extend_from_slice(&peaks.frames.to_le_bytes());
    out.extend_from_slice(content_hash);
    for level in &peaks.levels {
        for channel in &level.channels {
            for value in channel.min.iter().chain(&channel.max) {
                out.extend_from_slice(&value.to_le_bytes());
            }
        }
    }
    let checksum = blake3::hash(&out);
    out.extend_from_slice(checksum.as_bytes());
    out
}

/// The peaks in `bytes` if they are a whole, current-version file for `content_hash`.
pub fn decode(bytes: &[u8], content_hash: &[u8; 32]) -> Option<Peaks> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(CHECKSUM_BYTES)?)?;
    if blake3::hash(body).as_bytes() != checksum {
        return None;
    }
    let mut reader = Reader { rest: body };
    let header_ok = reader.take(8)? == MAGIC
        && reader.u16()? == FORMAT_VERSION
        && u64::from(reader.u16()?) == BINS_PER_SECOND;
    if !header_ok {
        return None;
    }
    let channels = usize::from(reader.u16()?);
    let level_count = usize::from(reader.u16()?);
    let sample_rate = reader.u32()?;
    let frames = reader.u64()?;
    if reader.take(32)? != content_hash || !(1..=2).contains(&channels) || sample_rate == 0 {
        return None;
    }
    let finest = usize::try_from(peaks::finest_bins(frames, sample_rate)).ok()?;
    let sizes = peaks::level_sizes(finest);
    let values: usize = sizes.iter().sum::<usize>().checked_mul(channels * 4)?;
    if sizes.len() != level_count || reader.rest.len() != values {
        return None;
    }
    let levels = sizes
        .iter()
        .map(|&bins| {
            let channels = (0..channels)
                .map(|_| {
                    Some(Extremes {
                        min: reader.i16s(bins)?,
                        max: reader.i16s(bins)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Level { channels })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Peaks {
        sample_rate,
        frames,
        levels,
    })
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.rest.split_at_checked(n)?;
        self.rest = tail;
        Some(head)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn i16s(&mut self, n: usize) -> Option<Vec<i16>> {
        let bytes = self.take(n.checked_mul(2)?)?;
        Some(
            bytes
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect(),
        )
    }
}
