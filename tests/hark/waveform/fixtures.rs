//! Recordings written here, sample by sample, so every test knows exactly what is in them, and
//! a brute-force reference over the decoded samples.

use std::path::{Path, PathBuf};

use hark::waveform::BINS_PER_SECOND;

/// A 16-bit PCM WAV of `channels` interleaved channels, each sample `signal(channel, frame)`.
pub fn write_wav(
    path: &Path,
    rate: u32,
    channels: u16,
    frames: u64,
    signal: impl Fn(u16, u64) -> f64,
) {
    let data_bytes = frames as u32 * u32::from(channels) * 2;
    let mut out = Vec::with_capacity(44 + data_bytes as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_bytes).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&channels.to_le_bytes());
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * u32::from(channels) * 2).to_le_bytes());
    out.extend_from_slice(&(channels * 2).to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_bytes.to_le_bytes());
    for frame in 0..frames {
        for channel in 0..channels {
            let value = (signal(channel, frame) * 32768.0)
                .round()
                .clamp(-32768.0, 32767.0);
            out.extend_from_slice(&(value as i16).to_le_bytes());
        }
    }
    std::fs::write(path, out).expect("write wav");
}

/// Noise from a hash of the frame: deterministic, no two bins alike.
fn noise(seed: u64, frame: u64) -> f64 {
    let mut x = frame.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ seed;
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 32;
    (x % 20_001) as f64 / 10_000.0 - 1.0
}

/// A call-like signal: the agent talks in bursts that grow louder, the customer answers
/// quietly in between, with silence, a clipped stretch at full scale and a DC-offset stretch
/// (so a bin's min and max are not mirror images).
pub fn call_signal(rate: u32) -> impl Fn(u16, u64) -> f64 {
    move |channel, frame| {
        let t = frame as f64 / f64::from(rate);
        let second = t as u64;
        let tone = (t * 2.0 * std::f64::consts::PI * (180.0 + 40.0 * f64::from(channel))).sin();
        let fizz = noise(u64::from(channel) + 1, frame);
        match (channel, second % 6) {
            (0, 0..=2) => (0.05 + 0.015 * (second % 60) as f64) * (0.7 * tone + 0.3 * fizz),
            (0, 5) if second % 12 == 5 => (1.3 * tone).clamp(-1.0, 1.0),
            (1, 3..=4) => 0.04 * (0.5 * tone + 0.5 * fizz),
            (1, 5) => 0.2 + 0.05 * fizz,
            _ => 0.001 * fizz,
        }
    }
}

/// The test's own folder with a two-channel 8 kHz call of a minute and a bit (five zoom levels).
pub fn stereo_call(dir: &Path) -> PathBuf {
    let path = dir.join("stereo-call.wav");
    write_wav(&path, 8000, 2, 8000 * 65 + 4321, call_signal(8000));
    path
}

/// Every decoded sample of the file, interleaved, with its rate and channel count.
pub fn decoded(path: &Path) -> (Vec<f32>, u32, usize) {
    let mut decoder = hark::audio::open(path).expect("open");
    let (rate, channels) = (decoder.info().sample_rate, decoder.channels());
    let mut samples = Vec::new();
    while let Some(chunk) = decoder.read().expect("read") {
        samples.extend_from_slice(chunk);
    }
    (samples, rate, channels)
}

/// The frames finest bin `bin` holds: `floor(bin * rate / 100)` up to the next bin's start.
pub fn bin_frames(bin: u64, rate: u32, frames: u64) -> std::ops::Range<u64> {
    let edge = |b: u64| (b * u64::from(rate) / BINS_PER_SECOND).min(frames);
    edge(bin)..edge(bin + 1)
}

/// Min and max of one channel over frames `range`, straight from the samples.
pub fn brute_force(
    samples: &[f32],
    channels: usize,
    channel: usize,
    range: std::ops::Range<u64>,
) -> (f32, f32) {
    samples[range.start as usize * channels..range.end as usize * channels]
        .iter()
        .skip(channel)
        .step_by(channels)
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        })
}
