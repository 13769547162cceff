//! Decoding references: ffmpeg's output, and Hark's, as interleaved f32.

use std::path::Path;
use std::process::Command;

/// ffmpeg's decode of `path` as interleaved f32, from `start_frame` on when given.
pub fn ffmpeg_f32(path: &Path, start_frame: Option<u64>) -> Vec<f32> {
    let mut command = Command::new("ffmpeg");
    command.args(["-v", "error"]);
    if path.extension().is_some_and(|x| x == "opus") {
        // Compare Opus with libopus, the reference decoder Hark also uses: ffmpeg's native
        // Opus decoder differs from it by far more than rounding.
        command.args(["-c:a", "libopus"]);
    }
    command.arg("-i").arg(path);
    if let Some(frame) = start_frame {
        // atrim counts samples after decoding from the start: a sample-exact reference.
        command.args(["-af", &format!("atrim=start_sample={frame}")]);
    }
    let output = command
        .args(["-f", "f32le", "-"])
        .output()
        .expect("run ffmpeg");
    assert!(
        output.status.success(),
        "ffmpeg failed on {}",
        path.display()
    );
    output
        .stdout
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// Hark's decode of `path`, from `seek_to` on when given.
pub fn hark_f32(path: &Path, seek_to: Option<u64>) -> Vec<f32> {
    let mut decoder = hark::audio::open(path).unwrap_or_else(|e| panic!("{e}"));
    if let Some(frame) = seek_to {
        decoder.seek(frame).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut all = Vec::new();
    while let Some(chunk) = decoder.read().unwrap_or_else(|e| panic!("{e}")) {
        all.extend_from_slice(chunk);
    }
    all
}

/// Signal-to-noise ratio of `test` against `reference`, in dB.
pub fn snr_db(reference: &[f32], test: &[f32]) -> f64 {
    let n = reference.len().min(test.len());
    let signal: f64 = reference[..n].iter().map(|s| f64::from(*s).powi(2)).sum();
    let noise: f64 = reference[..n]
        .iter()
        .zip(&test[..n])
        .map(|(r, t)| (f64::from(*r) - f64::from(*t)).powi(2))
        .sum();
    10.0 * (signal / noise.max(1e-20)).log10()
}
