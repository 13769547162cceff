//! Test calls written sample by sample (16-bit PCM WAV), and a rig that pulls the player's
//! output on a second thread, as an audio device would.

use std::f32::consts::TAU;
use std::path::{Path, PathBuf};

use hark::audio;
use hark::player::{PlaybackSettings, PlaybackSource, Player, PlayerCommand, PlayerState};
use rodio::queue::SourcesQueueOutput;

pub const RATE: u32 = 8000;

/// A folder under the build's temporary folder, removed when dropped.
pub fn dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("fixture dir")
}

/// Writes interleaved `samples` as a 16-bit PCM WAV.
pub fn write_wav(path: &Path, channels: u16, samples: &[f32]) -> PathBuf {
    let data: Vec<u8> = samples
        .iter()
        .flat_map(|s| ((s.clamp(-1.0, 1.0) * 32767.0).round() as i16).to_le_bytes())
        .collect();
    let block = u32::from(channels) * 2;
    let mut wav = Vec::with_capacity(44 + data.len());
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes());
    wav.extend_from_slice(&channels.to_le_bytes());
    wav.extend_from_slice(&RATE.to_le_bytes());
    wav.extend_from_slice(&(RATE * block).to_le_bytes());
    wav.extend_from_slice(&(block as u16).to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&(data.len() as u32).to_le_bytes());
    wav.extend_from_slice(&data);
    std::fs::write(path, wav).expect("write wav");
    path.to_path_buf()
}

pub fn tone(frequency: f32, amplitude: f32, seconds: f32) -> Vec<f32> {
    let frames = (seconds * RATE as f32) as usize;
    (0..frames)
        .map(|i| amplitude * (TAU * frequency * i as f32 / RATE as f32).sin())
        .collect()
}

/// Deterministic noise: every frame differs, so an off-by-one frame cannot pass for right.
pub fn noise(amplitude: f32, seconds: f32) -> Vec<f32> {
    let mut state = 0x2545_f491u32;
    (0..(seconds * RATE as f32) as usize)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            amplitude * (state as f32 / u32::MAX as f32 * 2.0 - 1.0)
        })
        .collect()
}

pub fn interleave(left: &[f32], right: &[f32]) -> Vec<f32> {
    left.iter().zip(right).flat_map(|(l, r)| [*l, *r]).collect()
}

pub fn left(stereo: &[f32]) -> Vec<f32> {
    stereo.iter().step_by(2).copied().collect()
}

pub fn right(stereo: &[f32]) -> Vec<f32> {
    stereo.iter().skip(1).step_by(2).copied().collect()
}

/// Every frame of a file, as the decoder gives them, from `frame` on.
pub fn decoded_from(path: &Path, frame: u64) -> Vec<f32> {
    let mut decoder = audio::open(path).expect("open");
    decoder.seek(frame).expect("seek");
    let mut samples = Vec::new();
    while let Some(chunk) = decoder.read().expect("read") {
        samples.extend_from_slice(chunk);
    }
    samples
}

pub fn source(path: &Path) -> PlaybackSource {
    PlaybackSource {
        recording_id: 1,
        path: path.to_path_buf(),
        talk: None,
        loudness_lufs: None,
    }
}

/// Power of `samples` at `frequency` (a single DFT bin), per sample.
pub fn power_at(samples: &[f32], frequency: f32) -> f64 {
    let (mut re, mut im) = (0f64, 0f64);
    for (i, s) in samples.iter().enumerate() {
        let phase = f64::from(TAU * frequency) * i as f64 / f64::from(RATE);
        re += f64::from(*s) * phase.cos();
        im += f64::from(*s) * phase.sin();
    }
    (re * re + im * im) / (samples.len() as f64).powi(2)
}

/// The strongest frequency between 100 Hz and 2 kHz, to the nearest hertz.
pub fn dominant_frequency(samples: &[f32]) -> f32 {
    (100..2000)
        .map(|f| (f, power_at(samples, f as f32)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(f, _)| f as f32)
        .expect("a frequency")
}

pub fn rms(samples: &[f32]) -> f64 {
    let sum: f64 = samples.iter().map(|s| f64::from(*s).powi(2)).sum();
    (sum / samples.len().max(1) as f64).sqrt()
}

/// Index of the frame after the last one louder than the noise of a fade's tail.
pub fn audible_frames(stereo: &[f32]) -> usize {
    stereo
        .chunks_exact(2)
        .rposition(|f| f.iter().any(|s| s.abs() > 1e-3))
        .map_or(0, |i| i + 1)
}

/// A detached player and its output, pulled on a second thread like a device would.
pub struct Rig {
    pub player: Player,
    queue: Option<SourcesQueueOutput>,
}

impl Rig {
    pub fn new() -> Rig {
        let (player, queue) = Player::detached();
        Rig {
            player,
            queue: Some(queue),
        }
    }

    /// A rig with `path` open and these settings, not playing yet. Nothing has been pulled, so
    /// the first sample pulled is the call's own (rodio's queue only fills gaps with silence).
    pub fn open(source: PlaybackSource, settings: PlaybackSettings) -> Rig {
        let rig = Rig::new();
        rig.player.open(source).expect("open");
        rig.command(PlayerCommand::Settings { settings });
        rig
    }

    pub fn command(&self, command: PlayerCommand) -> PlayerState {
        self.player.command(command).expect("command")
    }

    pub fn state(&self) -> PlayerState {
        self.player.state()
    }

    /// The next `frames` stereo frames of output.
    pub fn pull(&mut self, frames: usize) -> Vec<f32> {
        let mut queue = self.queue.take().expect("queue");
        let puller = std::thread::spawn(move || {
            let samples: Vec<f32> = queue.by_ref().take(frames * 2).collect();
            (queue, samples)
        });
        let (queue, samples) = puller.join().expect("puller thread");
        self.queue = Some(queue);
        assert_eq!(samples.len(), frames * 2, "the queue never ends");
        samples
    }
}
