//! The one thing Hark reads from MP4/M4A itself: the audio track's edit list, which says how many
//! frames of encoder priming to skip and how long the playable audio is. symphonia 0.6 does not
//! apply it, so AAC would otherwise play its priming silence and run long.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// The playable span of the first audio track, in the track's own sample units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditList {
    /// Frames at the start that are encoder priming, not audio.
    pub skip_frames: u64,
    /// Playable frames after the skipped ones.
    pub frames: u64,
}

/// Reads the edit list of the first sound track; `None` when the file has none we understand
/// (then every decoded frame is played).
pub fn edit_list(file: &mut File) -> Option<EditList> {
    let len = file.metadata().ok()?.len();
    let moov = find_box(file, 0, len, b"moov")?;
    let movie_timescale = {
        let (start, _) = find_box(file, moov.0, moov.1, b"mvhd")?;
        let body = read_at(file, start, 32)?;
        let version = body[0];
        let at = if version == 1 { 20 } else { 12 };
        u32::from_be_bytes(body.get(at..at + 4)?.try_into().ok()?)
    };
    let mut cursor = moov.0;
    // A few tracks at most; the bound keeps a hostile file from looping long.
    for _ in 0..16 {
        let trak = find_box(file, cursor, moov.1, b"trak")?;
        cursor = trak.1;
        let mdia = find_box(file, trak.0, trak.1, b"mdia")?;
        let hdlr = find_box(file, mdia.0, mdia.1, b"hdlr")?;
        if read_at(file, hdlr.0 + 8, 4)? != b"soun" {
            continue;
        }
        let media_timescale = {
            let (start, _) = find_box(file, mdia.0, mdia.1, b"mdhd")?;
            let body = read_at(file, start, 32)?;
            let at = if body[0] == 1 { 20 } else { 12 };
            u32::from_be_bytes(body.get(at..at + 4)?.try_into().ok()?)
        };
        let edts = find_box(file, trak.0, trak.1, b"edts")?;
        let elst = find_box(file, edts.0, edts.1, b"elst")?;
        let head = read_at(file, elst.0, 8)?;
        let version = head[0];
        let entries = u32::from_be_bytes(head[4..8].try_into().ok()?);
        let entry_len = if version == 1 { 20 } else { 12 };
        // Skip empty edits (media_time -1); take the first real one.
        for index in 0..u64::from(entries.min(8)) {
            let entry = read_at(file, elst.0 + 8 + index * entry_len, entry_len as usize)?;
            let (duration, media_time) = if version == 1 {
                (
                    u64::from_be_bytes(entry[0..8].try_into().ok()?),
                    i64::from_be_bytes(entry[8..16].try_into().ok()?),
                )
            } else {
                (
                    u64::from(u32::from_be_bytes(entry[0..4].try_into().ok()?)),
                    i64::from(i32::from_be_bytes(entry[4..8].try_into().ok()?)),
                )
            };
            if media_time < 0 || movie_timescale == 0 {
                continue;
            }
            let frames =
                u128::from(duration) * u128::from(media_timescale) / u128::from(movie_timescale);
            return Some(EditList {
                skip_frames: media_time as u64,
                frames: u64::try_from(frames).ok()?,
            });
        }
        return None;
    }
    None
}

/// Finds the first box of `kind` between `start` and `end`; returns its body's start and end.
fn find_box(file: &mut File, start: u64, end: u64, kind: &[u8; 4]) -> Option<(u64, u64)> {
    let mut at = start;
    for _ in 0..4096 {
        if at + 8 > end {
            return None;
        }
        let header = read_at(file, at, 8)?;
        let size32 = u64::from(u32::from_be_bytes(header[0..4].try_into().ok()?));
        let (body, size) = match size32 {
            1 => {
                let large = read_at(file, at + 8, 8)?;
                (at + 16, u64::from_be_bytes(large[..].try_into().ok()?))
            }
            0 => (at + 8, end - at),
            size => (at + 8, size),
        };
        if size < 8 || at + size > end {
            return None;
        }
        if &header[4..8] == kind {
            return Some((body, at + size));
        }
        at += size;
    }
    None
}

/// Exactly `len` bytes at `offset`, or `None`.
fn read_at(file: &mut File, offset: u64, len: usize) -> Option<Vec<u8>> {
    let mut buffer = vec![0u8; len];
    file.seek(SeekFrom::Start(offset)).ok()?;
    file.read_exact(&mut buffer).ok()?;
    Some(buffer)
}
