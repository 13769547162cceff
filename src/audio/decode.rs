//! Streaming decode to interleaved f32 frames, with sample-accurate seeking. Memory stays flat:
//! one packet's worth of audio is held at a time, whatever the call's length.

use std::path::{Path, PathBuf};

use symphonia::core::codecs::CodecParameters;
use symphonia::core::codecs::audio::{AudioDecoder, AudioDecoderOptions};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatReader, SeekMode, SeekTo, TrackType};
use symphonia::core::units::Timestamp;

use super::pcm::PcmStream;
use super::probe::{self, AudioError, AudioInfo, Opened};
use super::wav49::Wav49Stream;

/// A recording opened for decoding. `read` hands out consecutive chunks of interleaved frames;
/// `seek` moves to any frame exactly.
#[derive(Debug)]
pub struct Decoder {
    path: PathBuf,
    info: AudioInfo,
    stream: Stream,
    /// The chunk `read` returned last, interleaved.
    chunk: Vec<f32>,
    /// After a seek: the frame to land on. Output before it is decoded and dropped.
    seek_target: Option<u64>,
    /// The frame index of the next frame `read` returns.
    position: u64,
}

#[derive(Debug)]
enum Stream {
    Symphonia(SymphoniaStream),
    Pcm(PcmStream),
    // Boxed: the GSM decoder's state is a kilobyte, the other streams are small.
    Wav49(Box<Wav49Stream>),
}

/// Opens a recording for decoding.
pub fn open(path: &Path) -> Result<Decoder, AudioError> {
    let (info, opened) = probe::probe_with_reader(path)?;
    let stream = match opened {
        Opened::Symphonia(reader) => Stream::Symphonia(SymphoniaStream::new(reader, &info, path)?),
        Opened::Pcm(file, layout, coding) => {
            Stream::Pcm(PcmStream::new(file, &layout, coding, info.frames))
        }
        Opened::Wav49(file, layout) => Stream::Wav49(Box::new(Wav49Stream::new(file, &layout))),
    };
    let decoder = Decoder {
        path: path.to_path_buf(),
        info,
        stream,
        chunk: Vec::new(),
        seek_target: None,
        position: 0,
    };
    Ok(decoder)
}

impl Decoder {
    pub fn info(&self) -> &AudioInfo {
        &self.info
    }

    pub fn channels(&self) -> usize {
        usize::from(self.info.channels.max(1))
    }

    /// The frame index the next `read` starts at.
    pub fn position(&self) -> u64 {
        self.position
    }

    /// The next chunk of interleaved frames, or `None` at the end.
    pub fn read(&mut self) -> Result<Option<&[f32]>, AudioError> {
        let channels = self.channels();
        let total = i64::try_from(self.info.frames).unwrap_or(i64::MAX);
        loop {
            let next = match &mut self.stream {
                Stream::Symphonia(stream) => stream.next_packet(&mut self.chunk, &self.path)?,
                Stream::Pcm(stream) => stream.next_packet(&mut self.chunk, &self.path)?,
                Stream::Wav49(stream) => stream.next_packet(&mut self.chunk, &self.path)?,
            };
            let Some(first_frame) = next else {
                return Ok(None);
            };
            if first_frame >= total {
                return Ok(None);
            }
            // Packets carry their own timestamps: frames before 0 (encoder delay), before a
            // seek target, or past the playable end (padding) are dropped here, whatever a
            // codec emits around a reset.
            let frames = (self.chunk.len() / channels) as i64;
            let wanted_from = self
                .seek_target
                .map_or(0, |t| i64::try_from(t).unwrap_or(i64::MAX));
            let start = (wanted_from - first_frame).clamp(0, frames);
            let end = (total - first_frame).clamp(0, frames);
            if start >= end {
                continue;
            }
            self.seek_target = None;
            self.position = (first_frame + end) as u64;
            return Ok(Some(
                &self.chunk[start as usize * channels..end as usize * channels],
            ));
        }
    }

    /// Moves to `frame` exactly: the stream seeks to a packet before it (earlier by the codec's
    /// pre-roll), then the frames in between are decoded and dropped.
    pub fn seek(&mut self, frame: u64) -> Result<(), AudioError> {
        let frame = frame.min(self.info.frames);
        match &mut self.stream {
            Stream::Symphonia(stream) => stream.seek_before(frame, &self.path)?,
            Stream::Pcm(stream) => stream.seek_before(frame, &self.path)?,
            Stream::Wav49(stream) => stream.seek_before(frame, &self.path)?,
        }
        self.seek_target = Some(frame);
        self.position = frame;
        self.chunk.clear();
        Ok(())
    }
}

/// Everything symphonia demuxes and decodes (and Opus through libopus).
struct SymphoniaStream {
    reader: Box<dyn FormatReader>,
    decoder: Box<dyn AudioDecoder>,
    track_id: u32,
    seek: SeekStrategy,
    /// Packets ending at or before this frame are skipped undecoded (see `seek_before`).
    skip_before: i64,
    /// Container timestamps of frames that are encoder priming (see `AudioInfo::priming_frames`).
    priming: i64,
    /// The track's first timestamp: negative when the stream starts with encoder delay (the
    /// first Vorbis packet, MP3's LAME delay), which a seek to the start must not skip.
    start_ts: i64,
}

impl std::fmt::Debug for SymphoniaStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SymphoniaStream")
            .field("track_id", &self.track_id)
            .finish_non_exhaustive()
    }
}

impl SymphoniaStream {
    fn new(
        reader: Box<dyn FormatReader>,
        info: &AudioInfo,
        path: &Path,
    ) -> Result<Self, AudioError> {
        let no_track = || AudioError::NoAudioTrack {
            path: path.to_path_buf(),
        };
        let track = reader.first_track(TrackType::Audio).ok_or_else(no_track)?;
        let Some(CodecParameters::Audio(params)) = &track.codec_params else {
            return Err(no_track());
        };
        // Hark trims encoder delay and padding itself, from packet timestamps (see `read`):
        // symphonia's own gapless trimming loses a Vorbis stream's first block at 8 kHz.
        let mut options = AudioDecoderOptions::default();
        options.gapless = false;
        let mut params = params.clone();
        if info.codec == "opus" {
            clear_opus_pre_skip(&mut params);
        }
        let decoder = super::codecs::registry()
            .make_audio_decoder(&params, &options)
            .map_err(|error| probe::classify(path, error))?;
        let (track_id, start_ts) = (track.id, track.start_ts.get());
        Ok(SymphoniaStream {
            track_id,
            reader,
            decoder,
            seek: SeekStrategy::for_codec(&info.codec, info.sample_rate),
            skip_before: 0,
            priming: i64::try_from(info.priming_frames).unwrap_or(0),
            start_ts,
        })
    }

    /// Decodes the next packet of our track into `out` and returns the frame index of its
    /// first decoded frame; `None` at the end of the stream.
    fn next_packet(&mut self, out: &mut Vec<f32>, path: &Path) -> Result<Option<i64>, AudioError> {
        loop {
            let packet = match self.reader.next_packet() {
                Ok(Some(packet)) => packet,
                Ok(None) => return Ok(None),
                Err(SymphoniaError::IoError(e))
                    if e.kind() == std::io::ErrorKind::UnexpectedEof =>
                {
                    return Ok(None);
                }
                Err(error) => return Err(probe::classify(path, error)),
            };
            if packet.track_id != self.track_id {
                continue;
            }
            let first_frame = packet.pts.get() - self.priming;
            let packet_end = first_frame.saturating_add_unsigned(packet.dur.get());
            if packet_end <= self.skip_before {
                // Wholly before the seek target, and packets are independent: not even decoded.
                continue;
            }
            match self.decoder.decode(&packet) {
                Ok(buffer) => {
                    buffer.copy_to_vec_interleaved(out);
                    return Ok(Some(first_frame));
                }
                // A damaged packet is skipped, as players do; the rest of the call still plays.
                Err(SymphoniaError::DecodeError(_)) => continue,
                Err(error) => return Err(probe::classify(path, error)),
            }
        }
    }

    fn seek_before(&mut self, frame: u64, path: &Path) -> Result<(), AudioError> {
        let frame = i64::try_from(frame).unwrap_or(i64::MAX);
        let (target, skip_before) = match self.seek {
            SeekStrategy::Preroll(frames) => {
                let preroll = i64::try_from(frames).unwrap_or(i64::MAX);
                (frame + self.priming - preroll, 0)
            }
            SeekStrategy::RewindAndSkip => (self.start_ts, frame),
        };
        let target = target.max(self.start_ts);
        self.skip_before = skip_before;
        self.reader
            .seek(
                SeekMode::Accurate,
                SeekTo::Timestamp {
                    ts: Timestamp::new(target),
                    track_id: self.track_id,
                },
            )
            .map_err(|error| probe::classify(path, error))?;
        self.decoder.reset();
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SeekStrategy {
    /// Seek the container this many frames before the target, then decode up to it. Lossy
    /// codecs carry state between packets: MP3's bit reservoir reaches back up to 511 bytes (a
    /// few frames), AAC and Vorbis overlap windows with the previous packet, and Opus asks for
    /// 80 ms of pre-roll.
    Preroll(u64),
    /// Rewind to the start and skip whole packets undecoded: symphonia 0.6's WAV reader yields
    /// no packets after seeking an ADPCM file, and ADPCM blocks are independent, so demuxing
    /// past them is cheap and exact.
    RewindAndSkip,
}

impl SeekStrategy {
    fn for_codec(codec: &str, sample_rate: u32) -> SeekStrategy {
        match codec {
            // 511 bytes of reservoir is up to seven frames at the lowest bitrates.
            "mp3" | "mp2" | "mp1" => SeekStrategy::Preroll(16 * 1152),
            "aac" => SeekStrategy::Preroll(2 * 1024),
            "vorbis" => SeekStrategy::Preroll(2 * 4096),
            "opus" => SeekStrategy::Preroll(u64::from(sample_rate) * 80 / 1000),
            codec if codec.starts_with("adpcm") => SeekStrategy::RewindAndSkip,
            _ => SeekStrategy::Preroll(0),
        }
    }
}

/// Zeroes the pre-skip in an Opus header (bytes 10-11 of `OpusHead`): the libopus adapter would
/// drop those frames itself, but only once, not after a seek, so Hark drops them instead, by
/// timestamp, like every other codec's priming.
fn clear_opus_pre_skip(params: &mut symphonia::core::codecs::audio::AudioCodecParameters) {
    if let Some(extra) = params.extra_data.as_mut()
        && extra.len() >= 12
        && extra.starts_with(b"OpusHead")
    {
        extra[10] = 0;
        extra[11] = 0;
    }
}
