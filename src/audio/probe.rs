//! Probing: container, codec, sample rate, channels and exact duration of a recording.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use symphonia::core::codecs::CodecParameters;
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, FormatReader, TrackType};
use symphonia::core::io::{MediaSourceStream, MediaSourceStreamOptions};
use symphonia::core::meta::MetadataOptions;
use ts_rs::TS;

use super::mp4;
use super::pcm::SampleCoding;
use super::riff::{self, FORMAT_GSM610, WaveLayout};
use super::wav49;

#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("{path}: cannot open: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file (0 bytes)")]
    Empty { path: PathBuf },
    #[error("{path}: not audio, or a format Hark does not read")]
    NotAudio { path: PathBuf },
    #[error("{path}: no audio track")]
    NoAudioTrack { path: PathBuf },
    #[error("{path}: unsupported: {what}")]
    Unsupported { path: PathBuf, what: String },
    #[error("{path}: damaged: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{path}: truncated at byte {at_byte}: the header promises {expected_bytes} bytes of audio"
    )]
    Truncated {
        path: PathBuf,
        at_byte: u64,
        expected_bytes: u64,
    },
}

/// Where a duration came from: the container's header, or counting packets (no decoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DurationSource {
    Header,
    Scan,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AudioInfo {
    pub path: String,
    pub container: String,
    pub codec: String,
    pub sample_rate: u32,
    pub channels: u16,
    /// Playable sample frames per channel.
    #[ts(type = "number")]
    pub frames: u64,
    #[ts(type = "number")]
    pub duration_ms: u64,
    pub duration_source: DurationSource,
    /// Frames of encoder priming at the start that are not played (AAC in MP4, from its edit
    /// list); the duration and every frame index exclude them.
    #[ts(type = "number")]
    pub priming_frames: u64,
}

/// Reads a recording's properties. The duration comes from the header when the container states
/// the frame count and can be trusted, otherwise from a demux-only scan of packet durations.
pub fn probe(path: &Path) -> Result<AudioInfo, AudioError> {
    probe_with_reader(path).map(|(info, _)| info)
}

/// A probed file, open and ready for a decoder (positioned anywhere: decoders seek).
pub(super) enum Opened {
    Symphonia(Box<dyn FormatReader>),
    Pcm(File, WaveLayout, SampleCoding),
    Wav49(File, WaveLayout),
}

/// Probes and hands back the open file too.
pub(super) fn probe_with_reader(path: &Path) -> Result<(AudioInfo, Opened), AudioError> {
    let mut file = File::open(path).map_err(|source| AudioError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let byte_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if byte_len == 0 {
        return Err(AudioError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(layout) = riff::read_layout(&mut file) {
        if layout.format_tag == FORMAT_GSM610 {
            let info = wav49_info(path, &layout, byte_len)?;
            return Ok((info, Opened::Wav49(file, layout)));
        }
        if let Some(coding) = SampleCoding::of(layout.format_tag, layout.bits_per_sample) {
            let info = pcm_info(path, &layout, coding, byte_len)?;
            return Ok((info, Opened::Pcm(file, layout, coding)));
        }
    }
    let mut reader = open_reader(path, file)?;

    let container = reader.format_info().short_name.to_owned();
    let track = reader
        .first_track(TrackType::Audio)
        .ok_or_else(|| AudioError::NoAudioTrack {
            path: path.to_path_buf(),
        })?;
    let Some(CodecParameters::Audio(params)) = &track.codec_params else {
        return Err(AudioError::NoAudioTrack {
            path: path.to_path_buf(),
        });
    };
    let codec = super::codecs::registry()
        .get_audio_decoder(params.codec)
        .map(|decoder| decoder.codec.info.short_name.to_owned())
        .ok_or_else(|| AudioError::Unsupported {
            path: path.to_path_buf(),
            what: format!("codec {}", params.codec),
        })?;
    let sample_rate =
        params
            .sample_rate
            .filter(|rate| *rate > 0)
            .ok_or_else(|| AudioError::Damaged {
                path: path.to_path_buf(),
                reason: "no sample rate in the header".into(),
            })?;
    let channels = params
        .channels
        .as_ref()
        .map(|c| c.count() as u16)
        .unwrap_or(1);
    if let (Some(frames), Some(bits)) = (track.num_frames, params.bits_per_coded_sample) {
        // A PCM-style header states its data size: more than the file holds means a cut file.
        let expected_bytes = frames * u64::from(bits) * u64::from(channels) / 8;
        if container == "wave" && expected_bytes > byte_len {
            return Err(AudioError::Truncated {
                path: path.to_path_buf(),
                at_byte: byte_len,
                expected_bytes,
            });
        }
    }
    // An MP3's frame count is exact only from a Xing/Info/VBRI header; without one it is an
    // estimate from the first frames, so count the packets instead.
    let header_frames = match container.as_str() {
        "mp3" | "mpa" if !mp3_has_frame_count_header(path) => None,
        _ => track.num_frames,
    };
    let track_id = track.id;
    let edit = match container.as_str() {
        "isomp4" => File::open(path)
            .ok()
            .and_then(|mut f| mp4::edit_list(&mut f)),
        _ => None,
    };
    // Ogg Opus counts its pre-skip (encoder delay) in the frame count and timestamps, which
    // start at 0 rather than below it: treat it as priming, like an MP4 edit list's.
    let opus_pre_skip = match codec.as_str() {
        "opus" => track.delay.map(u64::from),
        _ => None,
    };
    let edit = edit.or_else(|| {
        let skip_frames = opus_pre_skip?;
        Some(mp4::EditList {
            skip_frames,
            frames: header_frames?.saturating_sub(skip_frames),
        })
    });
    let header_frames = edit.map(|e| e.frames).or(header_frames);
    let (frames, duration_source) = match header_frames {
        Some(frames) => (frames, DurationSource::Header),
        None => {
            let ignore_trim_end = !trusts_stated_end(&container, DurationSource::Scan);
            let frames = scan_frames(&mut *reader, track_id, path, ignore_trim_end)?;
            // The scan read to the end; a decoder starts from a freshly opened reader, since a
            // seek back to the start can skip a stream's leading delay packet.
            let file = File::open(path).map_err(|source| AudioError::Open {
                path: path.to_path_buf(),
                source,
            })?;
            reader = open_reader(path, file)?;
            (frames, DurationSource::Scan)
        }
    };
    let info = AudioInfo {
        path: path.to_string_lossy().into_owned(),
        container,
        codec,
        sample_rate,
        channels,
        frames,
        duration_ms: frames_to_ms(frames, sample_rate),
        duration_source,
        priming_frames: edit.map_or(0, |e| e.skip_frames),
    };
    Ok((info, Opened::Symphonia(reader)))
}

fn pcm_info(
    path: &Path,
    layout: &WaveLayout,
    coding: SampleCoding,
    byte_len: u64,
) -> Result<AudioInfo, AudioError> {
    let damaged = |reason: String| AudioError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    if layout.channels == 0 || layout.sample_rate == 0 {
        return Err(damaged(format!(
            "the header says {} channels at {} Hz",
            layout.channels, layout.sample_rate
        )));
    }
    let frame_bytes = usize::from(layout.channels) * coding.bytes();
    if usize::from(layout.block_align) != frame_bytes {
        return Err(damaged(format!(
            "block size {} does not fit {} channels of {}",
            layout.block_align,
            layout.channels,
            coding.codec_name()
        )));
    }
    if !layout.data_len_unknown && layout.data_offset + layout.data_len > byte_len {
        return Err(AudioError::Truncated {
            path: path.to_path_buf(),
            at_byte: byte_len,
            expected_bytes: layout.data_len,
        });
    }
    let frames = layout.data_len / frame_bytes as u64;
    Ok(AudioInfo {
        path: path.to_string_lossy().into_owned(),
        container: if layout.is_rf64 { "rf64" } else { "wave" }.into(),
        codec: coding.codec_name().into(),
        sample_rate: layout.sample_rate,
        channels: layout.channels,
        frames,
        duration_ms: frames_to_ms(frames, layout.sample_rate),
        duration_source: if layout.data_len_unknown {
            DurationSource::Scan
        } else {
            DurationSource::Header
        },
        priming_frames: 0,
    })
}

fn open_reader(path: &Path, file: File) -> Result<Box<dyn FormatReader>, AudioError> {
    let stream = MediaSourceStream::new(Box::new(file), MediaSourceStreamOptions::default());
    let mut hint = Hint::new();
    if let Some(extension) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(extension);
    }
    symphonia::default::get_probe()
        .probe(
            &hint,
            stream,
            FormatOptions::default(),
            MetadataOptions::default(),
        )
        .map_err(|error| classify(path, error))
}

fn wav49_info(path: &Path, layout: &WaveLayout, byte_len: u64) -> Result<AudioInfo, AudioError> {
    if layout.data_offset + layout.data_len > byte_len {
        return Err(AudioError::Truncated {
            path: path.to_path_buf(),
            at_byte: byte_len,
            expected_bytes: layout.data_len,
        });
    }
    if layout.channels != 1 || layout.sample_rate == 0 {
        return Err(AudioError::Unsupported {
            path: path.to_path_buf(),
            what: format!(
                "GSM 6.10 with {} channels at {} Hz",
                layout.channels, layout.sample_rate
            ),
        });
    }
    let frames = wav49::frame_count(layout);
    Ok(AudioInfo {
        path: path.to_string_lossy().into_owned(),
        container: "wave".into(),
        codec: "gsm_ms".into(),
        sample_rate: layout.sample_rate,
        channels: 1,
        frames,
        duration_ms: frames_to_ms(frames, layout.sample_rate),
        duration_source: DurationSource::Header,
        priming_frames: 0,
    })
}

/// Whether the first MPEG audio frame carries a Xing, Info or VBRI header (the encoder's exact
/// frame count). Reads only the first few kilobytes after any ID3v2 tag.
fn mp3_has_frame_count_header(path: &Path) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut head = vec![0u8; 64 * 1024];
    let Ok(read) = std::io::Read::read(&mut file, &mut head) else {
        return false;
    };
    head.truncate(read);
    let mut start = 0;
    if head.len() >= 10 && &head[..3] == b"ID3" {
        // ID3v2 size: four 7-bit "syncsafe" bytes, plus the 10-byte header and optional footer.
        let size = head[6..10]
            .iter()
            .fold(0usize, |acc, b| (acc << 7) | usize::from(b & 0x7f));
        let footer = if head[5] & 0x10 != 0 { 10 } else { 0 };
        start = 10 + size + footer;
    }
    let Some(sync) = head.get(start..).and_then(|rest| {
        rest.windows(2)
            .position(|w| w[0] == 0xff && w[1] & 0xe0 == 0xe0)
    }) else {
        return false;
    };
    let frame = &head[start + sync..];
    let window = &frame[..frame.len().min(200)];
    [b"Xing", b"Info", b"VBRI"]
        .iter()
        .any(|tag| window.windows(4).any(|w| w == *tag))
}

/// Whether packets' end trimming can be believed. symphonia trims MP3 packets past the frame
/// count it estimated when there is no Xing/Info header, which would cut a VBR call short.
pub(super) fn trusts_stated_end(container: &str, source: DurationSource) -> bool {
    !(matches!(container, "mp3" | "mpa") && source == DurationSource::Scan)
}

/// Sums packet durations without decoding.
fn scan_frames(
    reader: &mut dyn FormatReader,
    track_id: u32,
    path: &Path,
    ignore_trim_end: bool,
) -> Result<u64, AudioError> {
    let mut frames: u64 = 0;
    loop {
        match reader.next_packet() {
            Ok(Some(packet)) if packet.track_id == track_id => {
                let trim_end = if ignore_trim_end {
                    0
                } else {
                    packet.trim_end.get()
                };
                let trimmed = packet.trim_start.get() + trim_end;
                frames += packet.dur.get().saturating_sub(trimmed);
            }
            Ok(Some(_)) => {}
            Ok(None) => return Ok(frames),
            // A file cut short ends the scan; what was read still counts.
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Ok(frames);
            }
            Err(error) => return Err(classify(path, error)),
        }
    }
}

pub fn frames_to_ms(frames: u64, sample_rate: u32) -> u64 {
    (frames * 1000 + u64::from(sample_rate) / 2) / u64::from(sample_rate.max(1))
}

pub(super) fn classify(path: &Path, error: SymphoniaError) -> AudioError {
    let path = path.to_path_buf();
    match error {
        SymphoniaError::Unsupported(what) if what.contains("format") || what.contains("probe") => {
            AudioError::NotAudio { path }
        }
        SymphoniaError::Unsupported(what) => AudioError::Unsupported {
            path,
            what: what.to_owned(),
        },
        SymphoniaError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            AudioError::Damaged {
                path,
                reason: "truncated: the file ends inside its header".into(),
            }
        }
        SymphoniaError::IoError(source) => AudioError::Open { path, source },
        SymphoniaError::DecodeError(reason) => AudioError::Damaged {
            path,
            reason: reason.to_owned(),
        },
        other => AudioError::Damaged {
            path,
            reason: other.to_string(),
        },
    }
}
