//! Where the pipeline meets rodio: the `Source` the output pulls (one per open call), and the
//! thread that keeps the output device open.

use std::num::{NonZeroU16, NonZeroU32};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rodio::cpal::traits::{DeviceTrait, HostTrait};

use super::pipeline::Pipeline;
use super::types::OutputDevice;

/// rodio re-reads a source's rate at span ends and resamples each span afresh: spans of ten
/// blocks (100 ms) keep that seam rare, and a replaced call's source short to finish.
const SPAN_BLOCKS: usize = 10;

const LIVE: u8 = 0;
const END_AT_SPAN: u8 = 1;
const END_NOW: u8 = 2;

/// A call's pipeline, shared by the handle (commands) and its source (rendering).
#[derive(Debug)]
pub struct Shared {
    pipeline: Mutex<Pipeline>,
    ending: AtomicU8,
}

impl Shared {
    pub fn new(pipeline: Pipeline) -> Arc<Shared> {
        Arc::new(Shared {
            pipeline: Mutex::new(pipeline),
            ending: AtomicU8::new(LIVE),
        })
    }

    /// The pipeline; a panic elsewhere while it was locked does not stop playback.
    pub fn lock(&self) -> MutexGuard<'_, Pipeline> {
        self.pipeline.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The call was replaced or closed: its source ends. At once when what follows plays at
    /// the same rate; otherwise at its span's end, where rodio looks at the rate again.
    pub fn end(&self, at_once: bool) {
        let how = if at_once { END_NOW } else { END_AT_SPAN };
        self.ending.store(how, Ordering::Release);
    }
}

/// The rodio source of one open call: interleaved stereo at the file's rate, rendered a block
/// at a time under a short lock. It never ends on its own (ended calls play silence), only
/// when the call is replaced or closed.
#[derive(Debug)]
pub struct PlayerSource {
    shared: Arc<Shared>,
    rate: NonZeroU32,
    block: Vec<f32>,
    at: usize,
    span_len: usize,
    span_left: usize,
    ended: bool,
}

impl PlayerSource {
    pub fn new(shared: Arc<Shared>) -> PlayerSource {
        let (rate, block_frames) = {
            let pipeline = shared.lock();
            (pipeline.rate(), pipeline.block_frames())
        };
        let block = vec![0.0; block_frames * 2];
        let span_len = block.len() * SPAN_BLOCKS;
        PlayerSource {
            shared,
            rate: NonZeroU32::new(rate).unwrap_or(NonZeroU32::MIN),
            at: block.len(),
            block,
            span_len,
            span_left: span_len,
            ended: false,
        }
    }

    /// Renders the next block; false once the call's source has ended.
    fn next_block(&mut self) -> bool {
        let at_span_start = self.span_left == self.span_len;
        match self.shared.ending.load(Ordering::Acquire) {
            END_NOW => self.ended = true,
            END_AT_SPAN if at_span_start => self.ended = true,
            END_AT_SPAN => self.block.fill(0.0),
            _ => self.shared.lock().render(&mut self.block),
        }
        self.at = 0;
        !self.ended
    }
}

impl Iterator for PlayerSource {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.ended || (self.at >= self.block.len() && !self.next_block()) {
            return None;
        }
        let sample = self.block.get(self.at).copied();
        self.at += 1;
        self.span_left = match self.span_left {
            0 | 1 => self.span_len,
            left => left - 1,
        };
        sample
    }
}

impl rodio::Source for PlayerSource {
    fn current_span_len(&self) -> Option<usize> {
        Some(if self.ended { 0 } else { self.span_left })
    }

    fn channels(&self) -> NonZeroU16 {
        NonZeroU16::MIN.saturating_add(1)
    }

    fn sample_rate(&self) -> NonZeroU32 {
        self.rate
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

/// The default output device, held open by a thread of its own (a device stream may not move
/// between threads), and the rodio player feeding it.
pub struct DeviceOutput {
    pub player: Option<rodio::Player>,
    pub device: OutputDevice,
    /// Dropping this lets the thread close the device.
    pub keep_open: Option<mpsc::Sender<()>>,
}

impl std::fmt::Debug for DeviceOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceOutput")
            .field("device", &self.device)
            .finish_non_exhaustive()
    }
}

type Opened = Result<(rodio::Player, String), String>;

pub fn open_default_device() -> DeviceOutput {
    let (reply, opened) = mpsc::channel::<Opened>();
    let (keep_open, closed) = mpsc::channel::<()>();
    let spawned = std::thread::Builder::new()
        .name("hark-audio-output".into())
        .spawn(
            move || match rodio::DeviceSinkBuilder::open_default_sink() {
                Ok(mut sink) => {
                    sink.log_on_drop(false);
                    let player = rodio::Player::connect_new(sink.mixer());
                    if reply.send(Ok((player, device_name()))).is_ok() {
                        // Returns when the player's handle is dropped.
                        let _ = closed.recv();
                    }
                }
                Err(error) => {
                    let _ = reply.send(Err(with_causes(&error)));
                }
            },
        );
    let answer = match spawned {
        Ok(_) => opened
            .recv()
            .unwrap_or_else(|_| Err("the audio output thread stopped".into())),
        Err(error) => Err(format!("cannot start the audio output thread: {error}")),
    };
    match answer {
        Ok((player, name)) => DeviceOutput {
            player: Some(player),
            device: OutputDevice {
                available: true,
                message: name,
            },
            keep_open: Some(keep_open),
        },
        Err(reason) => DeviceOutput {
            player: None,
            device: OutputDevice {
                available: false,
                message: format!(
                    "No audio output device: {}. Playback is silent; the waveform, metrics \
                     and scoring still work.",
                    reason.trim_end_matches('.')
                ),
            },
            keep_open: None,
        },
    }
}

fn device_name() -> String {
    rodio::cpal::default_host()
        .default_output_device()
        .and_then(|device| device.description().ok())
        .map(|description| description.name().trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "Default output device".into())
}

/// An error and its sources, one sentence: rodio's own message leaves out cpal's reason.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
