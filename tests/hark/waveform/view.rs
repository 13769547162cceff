//! Views against a brute-force min/max over the decoded samples: every output bin of several
//! ranges and bin counts, both channels, mono, an odd rate, more than two channels.

use std::path::Path;

use hark::waveform::{self, Peaks, PeaksBuilder, WaveformPeaks};

use super::fixtures::{self, bin_frames, brute_force, call_signal, write_wav};

/// One quantisation step: peaks are stored as i16 steps of 1/32767, rounded outwards.
const STEP: f32 = 1.0 / 32767.0;
/// f32 rounding of the step arithmetic itself.
const SLACK: f32 = 1e-6;

/// Checks every bin of `view` (asked as `start_ms..end_ms` in `bins`) against the samples.
fn check_view(
    peaks: &Peaks,
    view: &WaveformPeaks,
    samples: &[f32],
    (start_ms, end_ms, bins): (u64, u64, u32),
) {
    let (rate, channels) = (peaks.sample_rate(), samples.len() / peaks.frames() as usize);
    let frames = peaks.frames();
    let total = peaks.finest_bins();
    let first = (start_ms / 10).min(total);
    let last = end_ms.div_ceil(10).min(total).max(first);
    let count = last - first;
    let context = format!("range {start_ms}..{end_ms} in {bins} bins");
    assert_eq!(
        u64::from(view.bins),
        u64::from(bins).min(count),
        "{context}"
    );
    assert_eq!(
        view.start_ms,
        (first * 10).min(peaks.duration_ms()),
        "{context}"
    );
    assert_eq!(
        view.end_ms,
        (last * 10).min(peaks.duration_ms()),
        "{context}"
    );
    assert_eq!(view.channels.len(), channels.min(2), "{context}");
    let out = u64::from(view.bins);
    for (channel, got) in view.channels.iter().enumerate() {
        assert_eq!((got.min.len(), got.max.len()), (out as usize, out as usize));
        for i in 0..out {
            let from = bin_frames(first + i * count / out, rate, frames).start;
            let to = bin_frames(first + (i + 1) * count / out - 1, rate, frames).end;
            let (low, high) = brute_force(samples, channels, channel, from..to);
            let (min, max) = (got.min[i as usize], got.max[i as usize]);
            let at = format!("{context}, channel {channel}, bin {i} (frames {from}..{to})");
            // Rounded outwards: never inside the true extremes, never more than a step off.
            assert!(
                min <= low + SLACK && low - min <= STEP + SLACK,
                "{at}: min {min}, true {low}"
            );
            assert!(
                max >= high - SLACK && max - high <= STEP + SLACK,
                "{at}: max {max}, true {high}"
            );
            assert!((-1.0..=1.0).contains(&min) && (-1.0..=1.0).contains(&max));
        }
    }
}

/// The views a player asks for: whole call, odd ranges, tiny ranges, past the end.
fn ranges(duration_ms: u64) -> Vec<(u64, u64, u32)> {
    vec![
        (0, u64::MAX, 1200),
        (0, duration_ms, 1),
        (0, duration_ms, 3),
        (0, duration_ms, 777),
        (1234, 5678, 100),
        (1234, 5678, 1000),
        (1235, 1236, 10),
        (9_999, 41_003, 257),
        (17, 60_017, 64),
        (duration_ms - 25, duration_ms + 1000, 50),
        (duration_ms / 3, duration_ms / 3 * 2, 5000),
    ]
}

fn check_file(path: &Path, expected_channels: usize) {
    let (samples, rate, _) = fixtures::decoded(path);
    let peaks = waveform::compute(path).expect("peaks");
    assert_eq!(peaks.channels(), expected_channels);
    assert_eq!(peaks.sample_rate(), rate);
    assert_eq!(
        peaks.finest_bins(),
        (peaks.frames() * 100).div_ceil(u64::from(rate))
    );
    for asked in ranges(peaks.duration_ms()) {
        let view = peaks.view(asked.0, asked.1, asked.2);
        check_view(&peaks, &view, &samples, asked);
    }
}

#[test]
fn stereo_views_match_a_brute_force_min_max_of_the_decoded_samples() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    check_file(&path, 2);
    let peaks = waveform::compute(&path).expect("peaks");
    assert!(
        peaks.levels() >= 5,
        "levels up to one bin: {}",
        peaks.levels()
    );
    // The sides differ (not one channel copied twice) and the clipped stretch reaches full
    // scale in the agent's channel only.
    let whole = peaks.view(0, u64::MAX, 1);
    assert_eq!(whole.channels[0].min[0], -1.0);
    assert!(whole.channels[1].max[0] < 0.5);
}

#[test]
fn mono_views_and_an_odd_rate_match_the_brute_force() {
    let dir = tempfile::tempdir().expect("dir");
    // 11,025 Hz: 10 ms is 110.25 frames, so finest bins alternate in length.
    let mono = dir.path().join("mono-11025.wav");
    write_wav(&mono, 11_025, 1, 11_025 * 62 + 77, call_signal(11_025));
    check_file(&mono, 1);
    // An MP3 and a Vorbis call from the demo library: lossy decoders, 8 and 16 kHz.
    for name in [
        "in-5555550123-4403-20261102-143112-1793629872.58.mp3",
        "in-5555550150-4517-20261104-130755-1793797675.66.ogg",
    ] {
        check_file(&crate::common::demo_dir().join(name), 2);
    }
}

#[test]
fn channels_past_the_second_are_left_out() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("three.wav");
    let signal = call_signal(16_000);
    // The third channel is full scale throughout: it must not leak into the first two.
    write_wav(&path, 16_000, 3, 16_000 * 3, |c, f| {
        if c == 2 { 1.0 } else { signal(c, f) }
    });
    let (samples, _, channels) = fixtures::decoded(&path);
    assert_eq!(channels, 3);
    let peaks = waveform::compute(&path).expect("peaks");
    assert_eq!(peaks.channels(), 2);
    for asked in [(0, u64::MAX, 300), (500, 2500, 7)] {
        check_view(
            &peaks,
            &peaks.view(asked.0, asked.1, asked.2),
            &samples,
            asked,
        );
    }
}

#[test]
fn chunk_boundaries_do_not_change_the_peaks() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let (samples, rate, channels) = fixtures::decoded(&path);
    let whole = waveform::compute(&path).expect("peaks");
    for frames_per_push in [1, 79, 80, 81, 4096, samples.len()] {
        let mut builder = PeaksBuilder::new(rate, channels);
        for chunk in samples.chunks(frames_per_push * channels) {
            builder.push(chunk);
        }
        assert_eq!(builder.finish(), whole, "{frames_per_push} frames per push");
    }
}

#[test]
fn empty_reversed_and_out_of_range_views_have_no_bins() {
    let dir = tempfile::tempdir().expect("dir");
    let path = fixtures::stereo_call(dir.path());
    let peaks = waveform::compute(&path).expect("peaks");
    let duration = peaks.duration_ms();
    for (start, end, bins) in [
        (5000, 5000, 100),
        (6000, 5000, 100),
        (duration + 1, duration + 9000, 100),
        (0, u64::MAX, 0),
    ] {
        let view = peaks.view(start, end, bins);
        assert_eq!(view.bins, 0, "{start}..{end} in {bins}");
        assert!(
            view.channels
                .iter()
                .all(|c| c.min.is_empty() && c.max.is_empty())
        );
        assert!(view.start_ms <= view.end_ms && view.end_ms <= duration);
    }
    // A recording with no audio at all has peaks too, with nothing in them.
    let silent = PeaksBuilder::new(8000, 2).finish();
    assert_eq!((silent.frames(), silent.finest_bins()), (0, 0));
    assert_eq!(silent.view(0, u64::MAX, 1200).bins, 0);
}

#[test]
fn nan_samples_are_skipped_and_peaks_beyond_full_scale_are_clamped() {
    // 0.1 s of stereo at 8 kHz: ten finest bins, each mostly whole 16-float blocks plus a
    // remainder, so both the vector and the scalar folding see NaN.
    let mut samples = Vec::new();
    for frame in 0..800u32 {
        let left = if frame % 7 == 0 {
            f32::NAN
        } else {
            (frame % 80) as f32 / 100.0 - 0.3
        };
        let right = match frame {
            0..80 => f32::NAN,
            100 => 1.7,
            650 => -3.0,
            _ => 0.125,
        };
        samples.extend_from_slice(&[left, right]);
    }
    let mut builder = PeaksBuilder::new(8000, 2);
    builder.push(&samples);
    let view = builder.finish().view(0, u64::MAX, 10);
    assert_eq!(view.bins, 10);
    let (left, right) = (&view.channels[0], &view.channels[1]);
    for bin in 0..10 {
        let values: Vec<f32> = samples[bin * 160..(bin + 1) * 160]
            .iter()
            .step_by(2)
            .copied()
            .filter(|x| !x.is_nan())
            .collect();
        let low = values.iter().copied().fold(f32::INFINITY, f32::min);
        let high = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        assert!(low - left.min[bin] <= STEP + SLACK && left.min[bin] <= low);
        assert!(left.max[bin] - high <= STEP + SLACK && left.max[bin] >= high);
    }
    // Only NaN in the right channel's first bin: drawn as silence, not as NaN or infinity.
    assert_eq!((right.min[0], right.max[0]), (0.0, 0.0));
    assert_eq!(right.max[1], 1.0);
    assert_eq!(right.min[8], -1.0);
    assert!((right.min[5] - 0.125).abs() <= STEP + SLACK);
}
