//! Uncompressed and G.711 WAV/RF64 read directly: integer PCM (8/16/24/32-bit), float (32/64)
//! and A-law/mu-law, converted to f32 the way ffmpeg converts them (scaling by a power of two,
//! so the results are identical).

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::probe::AudioError;
use super::riff::{FORMAT_ALAW, FORMAT_FLOAT, FORMAT_MULAW, FORMAT_PCM, WaveLayout};

/// Frames per chunk handed out: small enough to keep memory flat, large enough to be cheap.
const CHUNK_FRAMES: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleCoding {
    U8,
    S16,
    S24,
    S32,
    F32,
    F64,
    ALaw,
    MuLaw,
}

impl SampleCoding {
    /// The coding of a WAV format tag and sample width, if Hark reads it directly.
    pub fn of(format_tag: u16, bits: u16) -> Option<SampleCoding> {
        match (format_tag, bits) {
            (FORMAT_PCM, 8) => Some(SampleCoding::U8),
            (FORMAT_PCM, 16) => Some(SampleCoding::S16),
            (FORMAT_PCM, 24) => Some(SampleCoding::S24),
            (FORMAT_PCM, 32) => Some(SampleCoding::S32),
            (FORMAT_FLOAT, 32) => Some(SampleCoding::F32),
            (FORMAT_FLOAT, 64) => Some(SampleCoding::F64),
            (FORMAT_ALAW, 8) => Some(SampleCoding::ALaw),
            (FORMAT_MULAW, 8) => Some(SampleCoding::MuLaw),
            _ => None,
        }
    }

    pub fn bytes(self) -> usize {
        match self {
            SampleCoding::U8 | SampleCoding::ALaw | SampleCoding::MuLaw => 1,
            SampleCoding::S16 => 2,
            SampleCoding::S24 => 3,
            SampleCoding::S32 | SampleCoding::F32 => 4,
            SampleCoding::F64 => 8,
        }
    }

    /// The codec's name as ffmpeg spells it, so reports compare directly.
    pub fn codec_name(self) -> &'static str {
        match self {
            SampleCoding::U8 => "pcm_u8",
            SampleCoding::S16 => "pcm_s16le",
            SampleCoding::S24 => "pcm_s24le",
            SampleCoding::S32 => "pcm_s32le",
            SampleCoding::F32 => "pcm_f32le",
            SampleCoding::F64 => "pcm_f64le",
            SampleCoding::ALaw => "pcm_alaw",
            SampleCoding::MuLaw => "pcm_mulaw",
        }
    }

    fn decode(self, bytes: &[u8], out: &mut Vec<f32>) {
        match self {
            SampleCoding::U8 => out.extend(bytes.iter().map(|b| (f32::from(*b) - 128.0) / 128.0)),
            SampleCoding::S16 => out.extend(
                bytes
                    .chunks_exact(2)
                    .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0),
            ),
            SampleCoding::S24 => out.extend(bytes.chunks_exact(3).map(|b| {
                let value = i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8;
                value as f32 / 8_388_608.0
            })),
            SampleCoding::S32 => out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|b| i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f32 / 2_147_483_648.0),
            ),
            SampleCoding::F32 => out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            ),
            SampleCoding::F64 => out.extend(bytes.chunks_exact(8).map(|b| {
                let array: [u8; 8] = [b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]];
                f64::from_le_bytes(array) as f32
            })),
            SampleCoding::ALaw => out.extend(
                bytes
                    .iter()
                    .map(|b| f32::from(alaw_to_linear(*b)) / 32768.0),
            ),
            SampleCoding::MuLaw => out.extend(
                bytes
                    .iter()
                    .map(|b| f32::from(mulaw_to_linear(*b)) / 32768.0),
            ),
        }
    }
}

/// ITU-T G.711 mu-law expansion to 16-bit linear.
pub fn mulaw_to_linear(byte: u8) -> i16 {
    let value = !byte;
    let exponent = (value >> 4) & 0x07;
    let mantissa = i16::from(value & 0x0f);
    let magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
    if value & 0x80 != 0 {
        -magnitude
    } else {
        magnitude
    }
}

/// ITU-T G.711 A-law expansion to 16-bit linear.
pub fn alaw_to_linear(byte: u8) -> i16 {
    let value = byte ^ 0x55;
    let exponent = (value >> 4) & 0x07;
    let mantissa = i16::from(value & 0x0f);
    let magnitude = match exponent {
        0 => (mantissa << 4) + 8,
        _ => ((mantissa << 4) + 0x108) << (exponent - 1),
    };
    if value & 0x80 != 0 {
        magnitude
    } else {
        -magnitude
    }
}

#[derive(Debug)]
pub struct PcmStream {
    reader: BufReader<File>,
    coding: SampleCoding,
    block_align: usize,
    data_offset: u64,
    frames: u64,
    next_frame: u64,
    bytes: Vec<u8>,
}

impl PcmStream {
    pub fn new(file: File, layout: &WaveLayout, coding: SampleCoding, frames: u64) -> PcmStream {
        let block_align = usize::from(layout.block_align.max(1));
        PcmStream {
            reader: BufReader::with_capacity(CHUNK_FRAMES * block_align, file),
            coding,
            block_align,
            data_offset: layout.data_offset,
            frames,
            next_frame: 0,
            bytes: Vec::with_capacity(CHUNK_FRAMES * block_align),
        }
    }

    /// Reads the next chunk into `out`; returns its first frame's index, `None` at the end. A
    /// file that ends early (still being written, or cut) ends the stream at its last whole frame.
    pub fn next_packet(
        &mut self,
        out: &mut Vec<f32>,
        path: &Path,
    ) -> Result<Option<i64>, AudioError> {
        let left = self.frames.saturating_sub(self.next_frame);
        if left == 0 {
            return Ok(None);
        }
        let want = (left.min(CHUNK_FRAMES as u64) as usize) * self.block_align;
        self.bytes.resize(want, 0);
        let mut filled = 0;
        while filled < want {
            match self.reader.read(&mut self.bytes[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(source) => {
                    return Err(AudioError::Open {
                        path: path.to_path_buf(),
                        source,
                    });
                }
            }
        }
        let whole = filled / self.block_align * self.block_align;
        if whole == 0 {
            self.frames = self.next_frame;
            return Ok(None);
        }
        out.clear();
        self.coding.decode(&self.bytes[..whole], out);
        let first = self.next_frame;
        self.next_frame += (whole / self.block_align) as u64;
        Ok(Some(i64::try_from(first).unwrap_or(i64::MAX)))
    }

    /// Every frame is independent: seek straight to it.
    pub fn seek_before(&mut self, frame: u64, path: &Path) -> Result<(), AudioError> {
        let frame = frame.min(self.frames);
        self.reader
            .seek(SeekFrom::Start(
                self.data_offset + frame * self.block_align as u64,
            ))
            .map_err(|source| AudioError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        self.next_frame = frame;
        Ok(())
    }
}
