//! The player's rendering pipeline, with no audio device in sight: decoder → sides and volumes
//! → loudness gain and limiter → pitch-kept time stretch → interleaved stereo at the file's
//! rate, a block at a time. It keeps the position itself, in source frames: exact after a
//! seek, advanced by output frames × speed while stretching.
//!
//! This runs on the audio thread: nothing here may panic on what a file or a user controls.

use std::num::NonZeroU32;

use crate::analysis::Span;
use crate::audio::{AudioError, Decoder, frames_to_ms};

use super::error::PlayerError;
use super::gain::{self, Loudness};
use super::mix::ChannelMix;
use super::settings;
use super::skip::{self, Gap, JoinFade};
use super::stretch::{Refill, Stretch};
use super::types::{OutputDevice, PlaybackSettings, PlaybackStatus, PlayerState, SkippedSilence};

/// A block is this long: a command is heard within one.
pub const BLOCK_MS: u32 = 10;
/// The stretcher is fed this much at a time, so a volume change reaches the ear soon.
const FEED_MS: u32 = 10;
/// A block takes at most this many steps (jumps, loop turns): a loop that cannot advance plays
/// silence rather than spin on the audio thread.
const MAX_STEPS_PER_BLOCK: usize = 64;

#[derive(Debug)]
pub struct Pipeline {
    decoder: Decoder,
    rate: u32,
    source_channels: usize,
    total_frames: u64,
    duration_ms: u64,
    settings: PlaybackSettings,
    status: PlaybackStatus,
    /// Source frame reached by the output rendered so far (fractional while stretching).
    position: f64,
    /// The rest of the decoder's last chunk, not mixed yet.
    decoded: Vec<f32>,
    decoded_at: usize,
    mix: ChannelMix,
    loudness: Loudness,
    loudness_lufs: Option<f64>,
    talk: Option<Vec<Span>>,
    gaps: Vec<Gap>,
    stretch: Stretch,
    fade: JoinFade,
    skipped: Vec<SkippedSilence>,
    error: Option<String>,
    feed: Vec<f32>,
}

impl Pipeline {
    /// A pipeline paused at the start of `decoder`'s recording.
    pub fn new(
        decoder: Decoder,
        settings: PlaybackSettings,
        talk: Option<Vec<Span>>,
        loudness_lufs: Option<f64>,
    ) -> Result<Pipeline, PlayerError> {
        let info = decoder.info();
        let unplayable = |reason: String| PlayerError::Unplayable {
            path: info.path.clone().into(),
            reason,
        };
        let rate =
            NonZeroU32::new(info.sample_rate).ok_or_else(|| unplayable("no sample rate".into()))?;
        let stretch = Stretch::new(rate).map_err(|e| unplayable(e.to_string()))?;
        let settings = settings::sanitized(settings);
        let source_channels = decoder.channels();
        let mut pipeline = Pipeline {
            rate: rate.get(),
            source_channels,
            total_frames: info.frames,
            duration_ms: info.duration_ms,
            status: PlaybackStatus::Paused,
            position: 0.0,
            decoded: Vec::new(),
            decoded_at: 0,
            mix: ChannelMix::new(&settings, source_channels),
            loudness: Loudness::new(rate.get()),
            loudness_lufs,
            talk,
            gaps: Vec::new(),
            stretch,
            fade: JoinFade::new(rate.get()),
            skipped: Vec::new(),
            error: None,
            feed: Vec::new(),
            settings,
            decoder,
        };
        pipeline.stretch.set_tempo(pipeline.settings.speed);
        pipeline.configure(true);
        Ok(pipeline)
    }

    pub fn rate(&self) -> u32 {
        self.rate
    }

    pub fn status(&self) -> PlaybackStatus {
        self.status
    }

    /// Frames in one block of output.
    pub fn block_frames(&self) -> usize {
        (self.rate * BLOCK_MS / 1000).max(1) as usize
    }

    pub fn state(&self, recording_id: i64, device: OutputDevice) -> PlayerState {
        PlayerState {
            recording_id: Some(recording_id),
            status: self.status,
            position_ms: self.position_ms(),
            duration_ms: self.duration_ms,
            channels: u16::try_from(self.source_channels).unwrap_or(u16::MAX),
            settings: self.settings.clone(),
            device,
            normalize_gain_db: self.normalize_gain_db() as f32,
            skipped: self.skipped.clone(),
            error: self.error.clone(),
        }
    }

    /// Fills `out` (interleaved stereo) with the next output: audio while playing, silence
    /// otherwise and after the end. A decoder error pauses and is kept for the UI.
    pub fn render(&mut self, out: &mut [f32]) {
        let mut done = 0;
        for _ in 0..MAX_STEPS_PER_BLOCK {
            if self.status != PlaybackStatus::Playing || done >= out.len() {
                break;
            }
            match self.step(out.get_mut(done..).unwrap_or_default()) {
                Ok(frames) => done += frames * 2,
                Err(error) => {
                    self.fail(error);
                }
            }
        }
        if let Some(rest) = out.get_mut(done..) {
            rest.fill(0.0);
        }
    }

    pub fn play(&mut self) -> Result<(), PlayerError> {
        if self.status == PlaybackStatus::Ended {
            self.seek_frame(0).map_err(|e| self.fail(e))?;
        }
        self.status = PlaybackStatus::Playing;
        self.error = None;
        Ok(())
    }

    pub fn pause(&mut self) {
        if self.status == PlaybackStatus::Playing {
            self.status = PlaybackStatus::Paused;
        }
    }

    /// Goes to `ms` of the recording, to the frame.
    pub fn seek_ms(&mut self, ms: u64) -> Result<(), PlayerError> {
        let frame = ms.saturating_mul(u64::from(self.rate)) / 1000;
        self.seek_frame(frame).map_err(|e| self.fail(e))?;
        if self.status == PlaybackStatus::Ended {
            self.status = PlaybackStatus::Paused;
        }
        self.error = None;
        Ok(())
    }

    /// Moves by `delta_ms`, clamped to the recording.
    pub fn skip_ms(&mut self, delta_ms: i64) -> Result<(), PlayerError> {
        let now = i64::try_from(self.position_ms()).unwrap_or(i64::MAX);
        let end = i64::try_from(self.duration_ms).unwrap_or(i64::MAX);
        let target = now.saturating_add(delta_ms).clamp(0, end);
        self.seek_ms(u64::try_from(target).unwrap_or(0))
    }

    pub fn set_settings(&mut self, settings: PlaybackSettings) -> Result<(), PlayerError> {
        let settings = settings::sanitized(settings);
        let was_stretching = self.stretching();
        self.settings = settings;
        self.stretch.set_tempo(self.settings.speed);
        self.configure(false);
        match (was_stretching, self.stretching()) {
            // The stretcher has read ahead of what was heard: the decoder goes back to it.
            (true, false) => {
                let frame = self.position.round().max(0.0) as u64;
                self.seek_frame(frame).map_err(|e| self.fail(e))?;
            }
            // 1.0x has read exactly up to the position: the stretcher starts from there.
            (false, true) => self.stretch.reset(),
            _ => {}
        }
        Ok(())
    }

    /// Talk spans and loudness, which arrive when the analysis finishes.
    pub fn set_analysis(&mut self, talk: Vec<Span>, loudness_lufs: Option<f64>) {
        self.talk = Some(talk);
        self.loudness_lufs = loudness_lufs;
        self.configure(false);
    }

    fn stretching(&self) -> bool {
        self.settings.speed != 1.0
    }

    /// Source frames per output frame.
    fn speed(&self) -> f64 {
        f64::from(self.settings.speed)
    }

    fn position_ms(&self) -> u64 {
        let frame = (self.position.max(0.0) as u64).min(self.total_frames);
        frames_to_ms(frame, self.rate)
    }

    fn normalize_gain_db(&self) -> f64 {
        if self.settings.normalize {
            gain::normalize_gain_db(self.loudness_lufs)
        } else {
            0.0
        }
    }

    /// Derives the mix, gain and silences from the settings and analysis.
    fn configure(&mut self, immediately: bool) {
        self.mix = ChannelMix::new(&self.settings, self.source_channels);
        let gain_db = self.normalize_gain_db();
        let measured = self.loudness_lufs.is_some_and(f64::is_finite);
        let boost = 10f64.powf(gain_db / 20.0) * f64::from(self.mix.peak_factor());
        let limit = (self.settings.normalize && measured) || boost > 1.0;
        self.loudness.configure(gain_db, limit, immediately);
        self.gaps = match &self.talk {
            Some(talk) => skip::gaps(
                talk,
                self.duration_ms,
                self.settings.skip_silence_ms,
                self.rate,
            ),
            None => Vec::new(),
        };
    }

    /// A decoder error pauses playback; its message (naming the file) stays for the UI.
    fn fail(&mut self, error: AudioError) -> PlayerError {
        self.status = PlaybackStatus::Paused;
        self.error = Some(error.to_string());
        PlayerError::Audio(error)
    }

    /// Renders up to the next boundary (loop end, silence to skip) or the end of `out`.
    fn step(&mut self, out: &mut [f32]) -> Result<usize, AudioError> {
        self.skip_silence_if_due()?;
        let jump_at = self.upcoming_jump();
        let frames = (out.len() / 2).min(self.frames_to_boundary(jump_at));
        let out = out.get_mut(..frames * 2).unwrap_or_default();
        let start = self.position;
        let written = if self.stretching() {
            self.produce_stretched(out)?
        } else {
            self.produce_direct(out)?
        };
        if written == 0 {
            self.reached_end()?;
            return Ok(0);
        }
        let rendered = out.get_mut(..written * 2).unwrap_or_default();
        self.fade.apply(rendered, start, self.speed(), jump_at);
        self.loop_if_due(start)?;
        Ok(written)
    }

    /// Output frames until the loop's end or the next silence to skip (at least 1).
    fn frames_to_boundary(&self, jump_at: Option<f64>) -> usize {
        let mut ahead = f64::INFINITY;
        if let Some((_, end)) = self.loop_frames()
            && self.position < end as f64
        {
            ahead = end as f64 - self.position;
        }
        if let Some(at) = jump_at {
            ahead = ahead.min(at - self.position);
        }
        if ahead.is_infinite() {
            return usize::MAX;
        }
        (ahead / self.speed()).ceil().max(1.0) as usize
    }

    /// The loop range in frames, its end clamped to the recording; `None` when empty.
    fn loop_frames(&self) -> Option<(u64, u64)> {
        let span = self.settings.loop_range?;
        let frame =
            |ms: u64| (ms.saturating_mul(u64::from(self.rate)) / 1000).min(self.total_frames);
        let (start, end) = (frame(span.start_ms), frame(span.end_ms));
        (end > start).then_some((start, end))
    }

    fn loop_if_due(&mut self, started_at: f64) -> Result<(), AudioError> {
        if let Some((start, end)) = self.loop_frames()
            && started_at < end as f64
            && self.position >= end as f64
        {
            self.seek_frame(start)?;
        }
        Ok(())
    }

    /// Where the next silence jump happens, if skip-silence is on and one lies ahead.
    fn upcoming_jump(&self) -> Option<f64> {
        if !self.settings.skip_silence {
            return None;
        }
        let gap = skip::next_gap(&self.gaps, self.position)?;
        (self.position < gap.from as f64).then_some(gap.from as f64)
    }

    fn skip_silence_if_due(&mut self) -> Result<(), AudioError> {
        if !self.settings.skip_silence {
            return Ok(());
        }
        let Some(gap) = skip::next_gap(&self.gaps, self.position) else {
            return Ok(());
        };
        if self.position < gap.from as f64 {
            return Ok(());
        }
        let from_ms = self.position_ms();
        self.seek_frame(gap.to)?;
        self.fade.jumped();
        self.skipped.push(SkippedSilence {
            from_ms,
            to_ms: frames_to_ms(gap.to, self.rate),
        });
        Ok(())
    }

    /// The decoder ran out: a loop reaching the end turns, anything else has ended.
    fn reached_end(&mut self) -> Result<(), AudioError> {
        if let Some((start, end)) = self.loop_frames()
            && self.position > start as f64
            && self.position <= end as f64 + self.speed()
        {
            return self.seek_frame(start);
        }
        self.status = PlaybackStatus::Ended;
        self.position = self.total_frames as f64;
        Ok(())
    }

    fn seek_frame(&mut self, frame: u64) -> Result<(), AudioError> {
        let frame = frame.min(self.total_frames);
        self.decoded.clear();
        self.decoded_at = 0;
        self.stretch.reset();
        self.loudness.reset();
        self.fade.clear();
        self.position = frame as f64;
        self.decoder.seek(frame)
    }

    fn produce_direct(&mut self, out: &mut [f32]) -> Result<usize, AudioError> {
        let frames = self.read_mixed(out)?;
        self.position += frames as f64;
        Ok(frames)
    }

    fn produce_stretched(&mut self, out: &mut [f32]) -> Result<usize, AudioError> {
        let wanted = out.len() / 2;
        let mut done = 0;
        while done < wanted {
            let (frames, source) = self
                .stretch
                .take(out.get_mut(done * 2..).unwrap_or_default());
            if frames > 0 {
                done += frames;
                self.position += source;
                continue;
            }
            match self.stretch.refill() {
                Refill::Ready => {}
                Refill::Finished => break,
                Refill::NeedsInput => self.feed_stretcher()?,
            }
        }
        Ok(done)
    }

    fn feed_stretcher(&mut self) -> Result<(), AudioError> {
        let frames = (self.rate * FEED_MS / 1000).max(1) as usize;
        let mut feed = std::mem::take(&mut self.feed);
        feed.resize(frames * 2, 0.0);
        let read = self.read_mixed(&mut feed);
        if let Ok(read) = read {
            match feed.get(..read * 2) {
                Some(mixed) if read > 0 => self.stretch.push(mixed),
                _ => self.stretch.end_input(),
            }
        }
        self.feed = feed;
        read.map(|_| ())
    }

    /// Decodes, mixes and applies the gain into `out` (stereo); fewer frames only at the end.
    fn read_mixed(&mut self, out: &mut [f32]) -> Result<usize, AudioError> {
        let wanted = out.len() / 2;
        let channels = self.source_channels;
        let mut done = 0;
        while done < wanted {
            let available = self.decoded.len().saturating_sub(self.decoded_at) / channels;
            if available == 0 {
                match self.decoder.read()? {
                    Some(chunk) => {
                        self.decoded.clear();
                        self.decoded.extend_from_slice(chunk);
                        self.decoded_at = 0;
                        continue;
                    }
                    None => break,
                }
            }
            let frames = available.min(wanted - done);
            let end = self.decoded_at + frames * channels;
            let input = self.decoded.get(self.decoded_at..end).unwrap_or_default();
            let target = out
                .get_mut(done * 2..(done + frames) * 2)
                .unwrap_or_default();
            self.mix.apply(input, target);
            self.loudness.apply(target);
            self.decoded_at = end;
            done += frames;
        }
        Ok(done)
    }
}
