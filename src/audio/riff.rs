//! RIFF/WAVE (and RF64) parsing: the format, and where the data chunk lies. Hark reads PCM,
//! float and G.711 WAV itself (fast, and RF64 too), and GSM 6.10 ("WAV49") with its own decoder;
//! other WAV codecs (ADPCM) go to symphonia.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

pub const FORMAT_PCM: u16 = 0x0001;
pub const FORMAT_FLOAT: u16 = 0x0003;
pub const FORMAT_ALAW: u16 = 0x0006;
pub const FORMAT_MULAW: u16 = 0x0007;
/// WAVE_FORMAT_GSM610, as Asterisk and Windows write it.
pub const FORMAT_GSM610: u16 = 0x0031;
const FORMAT_EXTENSIBLE: u16 = 0xFFFE;
/// A data size of all ones: a recorder that never went back to fill it in (still recording, or
/// crashed). The data then runs to the end of the file.
const UNKNOWN_SIZE: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaveLayout {
    pub is_rf64: bool,
    /// The format, with WAVE_FORMAT_EXTENSIBLE resolved to its sub-format.
    pub format_tag: u16,
    pub channels: u16,
    pub sample_rate: u32,
    pub block_align: u16,
    pub bits_per_sample: u16,
    /// From the `fact` chunk (or RF64's `ds64`), when there is one: the exact sample count.
    pub fact_frames: Option<u64>,
    pub data_offset: u64,
    /// The data chunk's size as the header states it (may exceed the file when cut short).
    pub data_len: u64,
    /// The header did not state the size: the data runs to the end of the file.
    pub data_len_unknown: bool,
}

struct Format {
    tag: u16,
    channels: u16,
    sample_rate: u32,
    block_align: u16,
    bits_per_sample: u16,
}

/// Reads the layout of a RIFF/RF64 WAVE file; `None` when the file is not one or the chunks
/// needed are missing (the caller then lets symphonia, and its error messages, take over).
pub fn read_layout(file: &mut File) -> Option<WaveLayout> {
    let mut header = [0u8; 12];
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_exact(&mut header).ok()?;
    let is_rf64 = match &header[0..4] {
        b"RIFF" => false,
        b"RF64" => true,
        _ => return None,
    };
    if &header[8..12] != b"WAVE" {
        return None;
    }
    let file_len = file.metadata().ok()?.len();
    let mut format: Option<Format> = None;
    let mut fact_frames = None;
    let mut ds64_data_len = None;
    let mut offset = 12u64;
    // Chunks are few; the bound keeps a hostile file from making this loop long.
    for _ in 0..64 {
        let mut chunk = [0u8; 8];
        file.seek(SeekFrom::Start(offset)).ok()?;
        file.read_exact(&mut chunk).ok()?;
        let len32 = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
        let len = u64::from(len32);
        let body = offset + 8;
        match &chunk[0..4] {
            b"ds64" if len >= 24 => {
                let mut ds64 = [0u8; 24];
                file.read_exact(&mut ds64).ok()?;
                ds64_data_len = Some(u64::from_le_bytes(ds64[8..16].try_into().ok()?));
                let samples = u64::from_le_bytes(ds64[16..24].try_into().ok()?);
                fact_frames = Some(samples).filter(|n| *n > 0);
            }
            b"fmt " if len >= 16 => format = Some(read_format(file, len)?),
            b"fact" if len >= 4 && fact_frames.is_none() => {
                let mut fact = [0u8; 4];
                file.read_exact(&mut fact).ok()?;
                fact_frames = Some(u64::from(u32::from_le_bytes(fact)));
            }
            b"data" => {
                let format = format?;
                let (data_len, data_len_unknown) = match (is_rf64, len32, ds64_data_len) {
                    (true, UNKNOWN_SIZE, Some(ds64_len)) => (ds64_len, false),
                    (_, UNKNOWN_SIZE, _) | (_, 0, _) => (file_len.saturating_sub(body), true),
                    _ => (len, false),
                };
                return Some(WaveLayout {
                    is_rf64,
                    format_tag: format.tag,
                    channels: format.channels,
                    sample_rate: format.sample_rate,
                    block_align: format.block_align,
                    bits_per_sample: format.bits_per_sample,
                    fact_frames,
                    data_offset: body,
                    data_len,
                    data_len_unknown,
                });
            }
            _ => {}
        }
        // Chunks are padded to an even length.
        offset = body + len + (len & 1);
    }
    None
}

fn read_format(file: &mut File, len: u64) -> Option<Format> {
    let mut fmt = vec![0u8; len.min(64) as usize];
    file.read_exact(&mut fmt).ok()?;
    let u16_at = |i: usize| Some(u16::from_le_bytes([*fmt.get(i)?, *fmt.get(i + 1)?]));
    let mut tag = u16_at(0)?;
    if tag == FORMAT_EXTENSIBLE {
        // The sub-format GUID starts with the real format tag.
        tag = u16_at(24)?;
    }
    Some(Format {
        tag,
        channels: u16_at(2)?,
        sample_rate: u32::from_le_bytes(fmt.get(4..8)?.try_into().ok()?),
        block_align: u16_at(12)?,
        bits_per_sample: u16_at(14)?,
    })
}
