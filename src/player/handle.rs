//! `Player`, the handle the app holds: open a call, send commands, read the state. Commands
//! run on the caller's thread (a seek decodes there); the output only renders blocks.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::analysis::Span;
use crate::audio;

use super::error::PlayerError;
use super::output::{self, DeviceOutput, PlayerSource, Shared};
use super::pipeline::Pipeline;
use super::settings;
use super::types::{OutputDevice, PlaybackSettings, PlaybackStatus, PlayerCommand, PlayerState};

/// A recording to play, with what its analysis knows so far (both may come later, through
/// `Player::set_analysis`).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaybackSource {
    pub recording_id: i64,
    pub path: PathBuf,
    /// Spans where anyone talks (`Metrics.timeline.talk`), for skip-silence.
    pub talk: Option<Vec<Span>>,
    /// Integrated loudness (`Metrics.loudness_lufs`), for normalisation.
    pub loudness_lufs: Option<f64>,
}

/// The call player. Cheap to share behind an `Arc`; every method takes `&self`.
pub struct Player {
    inner: Mutex<Inner>,
    /// Feeds the output device (or, detached, the caller's queue); `None` without a device.
    output: Option<rodio::Player>,
    device: OutputDevice,
    /// Dropped after `output`: the output thread then closes the device.
    _keep_device_open: Option<std::sync::mpsc::Sender<()>>,
}

#[derive(Debug)]
struct Inner {
    call: Option<Call>,
    /// Kept from call to call: a reviewer's speed and sides stay as they set them.
    settings: PlaybackSettings,
}

#[derive(Debug)]
struct Call {
    recording_id: i64,
    rate: u32,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Player {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Player")
            .field("inner", &self.inner)
            .field("device", &self.device)
            .finish_non_exhaustive()
    }
}

impl Player {
    /// A player on the default output device, opened on a thread of its own. Without a device
    /// it still opens calls, seeks and reports state; `state().device` says why it is silent.
    pub fn start() -> Player {
        let DeviceOutput {
            player,
            device,
            keep_open,
        } = output::open_default_device();
        Player::new(player, device, keep_open)
    }

    /// A player whose output the caller pulls from the returned queue, on a thread of its own:
    /// for tests and benchmarks, with no device. The queue plays silence while it is empty.
    pub fn detached() -> (Player, rodio::queue::SourcesQueueOutput) {
        let (player, queue) = rodio::Player::new();
        let device = OutputDevice {
            available: true,
            message: "Detached output, pulled by its owner".into(),
        };
        (Player::new(Some(player), device, None), queue)
    }

    fn new(
        output: Option<rodio::Player>,
        device: OutputDevice,
        keep_open: Option<std::sync::mpsc::Sender<()>>,
    ) -> Player {
        Player {
            inner: Mutex::new(Inner {
                call: None,
                settings: PlaybackSettings::default(),
            }),
            output,
            device,
            _keep_device_open: keep_open,
        }
    }

    /// Opens a recording paused at its start, in place of any call open now. A recording that
    /// cannot be opened leaves the current call as it was.
    pub fn open(&self, source: PlaybackSource) -> Result<PlayerState, PlayerError> {
        // Opening reads the file: done before taking the lock, so the state stays readable.
        let decoder = audio::open(&source.path)?;
        let mut inner = self.lock();
        let pipeline = Pipeline::new(
            decoder,
            inner.settings.clone(),
            source.talk,
            source.loudness_lufs,
        )?;
        let rate = pipeline.rate();
        let shared = Shared::new(pipeline);
        if let Some(previous) = inner.call.take() {
            previous.shared.end(previous.rate == rate);
        }
        if let Some(output) = &self.output {
            output.append(PlayerSource::new(shared.clone()));
        }
        inner.call = Some(Call {
            recording_id: source.recording_id,
            rate,
            shared,
        });
        Ok(self.state_of(&inner))
    }

    pub fn command(&self, command: PlayerCommand) -> Result<PlayerState, PlayerError> {
        let mut inner = self.lock();
        match command {
            PlayerCommand::Settings { settings } => {
                let settings = settings::sanitized(settings);
                inner.settings = settings.clone();
                if let Some(call) = &inner.call {
                    call.shared.lock().set_settings(settings)?;
                }
            }
            PlayerCommand::Close => {
                if let Some(call) = inner.call.take() {
                    call.shared.end(true);
                }
            }
            PlayerCommand::Pause => {
                if let Some(call) = &inner.call {
                    call.shared.lock().pause();
                }
            }
            PlayerCommand::Play => open_call(&inner)?.lock().play()?,
            PlayerCommand::Toggle => {
                let mut pipeline = open_call(&inner)?.lock();
                if pipeline.status() == PlaybackStatus::Playing {
                    pipeline.pause();
                } else {
                    pipeline.play()?;
                }
            }
            PlayerCommand::Seek { ms } => open_call(&inner)?.lock().seek_ms(ms)?,
            PlayerCommand::Skip { delta_ms } => open_call(&inner)?.lock().skip_ms(delta_ms)?,
        }
        Ok(self.state_of(&inner))
    }

    /// Talk spans and loudness for `recording_id`, once its analysis is done. Ignored when
    /// another call is open by then.
    pub fn set_analysis(&self, recording_id: i64, talk: Vec<Span>, loudness_lufs: Option<f64>) {
        let inner = self.lock();
        if let Some(call) = &inner.call
            && call.recording_id == recording_id
        {
            call.shared.lock().set_analysis(talk, loudness_lufs);
        }
    }

    pub fn state(&self) -> PlayerState {
        self.state_of(&self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn state_of(&self, inner: &Inner) -> PlayerState {
        match &inner.call {
            Some(call) => call
                .shared
                .lock()
                .state(call.recording_id, self.device.clone()),
            None => PlayerState {
                recording_id: None,
                status: PlaybackStatus::Idle,
                position_ms: 0,
                duration_ms: 0,
                channels: 0,
                settings: inner.settings.clone(),
                device: self.device.clone(),
                normalize_gain_db: 0.0,
                skipped: Vec::new(),
                error: None,
            },
        }
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        if let Some(call) = &self.lock().call {
            call.shared.end(true);
        }
    }
}

fn open_call(inner: &Inner) -> Result<&Shared, PlayerError> {
    inner
        .call
        .as_ref()
        .map(|call| &*call.shared)
        .ok_or(PlayerError::NothingOpen)
}
