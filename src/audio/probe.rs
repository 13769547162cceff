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
}

/// Reads a recording's properties. The duration comes from the header when the container states
/// the frame count, otherwise from a demux-only scan of packet durations.
pub fn probe(path: &Path) -> Result<AudioInfo, AudioError> {
    let file = File::open(path).map_err(|source| AudioError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let byte_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if byte_len == 0 {
        return Err(AudioError::Empty {
            path: path.to_path_buf(),
        });
    }
    let stream = MediaSourceStream::new(Box::new(file), MediaSourceStreamOptions::default());
    let mut hint = Hint::new();
    if let Some(extension) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(extension);
    }
    let mut reader = symphonia::default::get_probe()
        .probe(
            &hint,
            stream,
            FormatOptions::default(),
            MetadataOptions::default(),
        )
        .map_err(|error| classify(path, error))?;

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
    let codec = symphonia::default::get_codecs()
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
    let track_id = track.id;
    let (frames, duration_source) = match track.num_frames {
        Some(frames) => (frames, DurationSource::Header),
        None => (
            scan_frames(&mut *reader, track_id, path)?,
            DurationSource::Scan,
        ),
    };
    Ok(AudioInfo {
        path: path.to_string_lossy().into_owned(),
        container,
        codec,
        sample_rate,
        channels,
        frames,
        duration_ms: frames_to_ms(frames, sample_rate),
        duration_source,
    })
}

/// Sums packet durations without decoding.
fn scan_frames(
    reader: &mut dyn FormatReader,
    track_id: u32,
    path: &Path,
) -> Result<u64, AudioError> {
    let mut frames: u64 = 0;
    loop {
        match reader.next_packet() {
            Ok(Some(packet)) if packet.track_id == track_id => {
                let trimmed = packet.trim_start.get() + packet.trim_end.get();
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

fn classify(path: &Path, error: SymphoniaError) -> AudioError {
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
