//! Every format call recorders produce: properties, durations, samples and seeks against ffmpeg.

use super::fixtures::{self, Fixture};
use super::reference::{ffmpeg_f32, hark_f32, snr_db};
use crate::common::ffprobe_duration_ms;

/// Lossy codecs must decode within this signal-to-noise ratio of ffmpeg's decode. Both follow
/// the same specifications; what differs is float rounding, so the floor is high.
const LOSSY_SNR_DB: f64 = 40.0;

fn check_samples(fixture: &Fixture, what: &str, reference: &[f32], ours: &[f32]) {
    let name = fixture.path.display();
    let mut reference = reference;
    if fixture.codec == "aac" {
        // ffmpeg applies the edit list's start but not its end: it also plays the last AAC
        // frame's padding (under 1,024 frames), which Hark trims.
        let padding = reference.len().saturating_sub(ours.len());
        assert!(
            padding < 1024 * usize::from(fixture.channels),
            "{name} {what}: {padding} extra"
        );
        reference = &reference[..ours.len()];
    }
    assert_eq!(ours.len(), reference.len(), "{name} {what}: sample count");
    if fixture.exact {
        let first_difference = ours.iter().zip(reference).position(|(a, b)| a != b);
        assert!(
            first_difference.is_none(),
            "{name} {what}: first difference at sample {first_difference:?}"
        );
    } else {
        let snr = snr_db(reference, ours);
        assert!(snr > LOSSY_SNR_DB, "{name} {what}: snr {snr:.1} dB");
    }
}

#[test]
fn every_format_probes_with_its_properties_and_duration() {
    for fixture in fixtures::all() {
        let name = fixture.path.display();
        let info = hark::audio::probe(&fixture.path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(info.codec, fixture.codec, "{name}");
        assert_eq!(info.sample_rate, fixture.rate, "{name}");
        assert_eq!(info.channels, fixture.channels, "{name}");
        // Hark reports the playable length: the frames a decoder hands out. ffprobe agrees for
        // most formats (for AAC in MP4 both apply the edit list), but for MP3 it counts the
        // encoder's delay and padding and for ADPCM it counts whole blocks, ignoring the
        // `fact` chunk's exact count; there the reference is the frames ffmpeg decodes.
        let ffmpeg_frames =
            ffmpeg_f32(&fixture.path, None).len() as u64 / u64::from(fixture.channels);
        match fixture.codec {
            "mp3" | "adpcm_ima_wav" | "adpcm_ms" => assert_eq!(
                info.frames, ffmpeg_frames,
                "{name}: frames vs ffmpeg's decode"
            ),
            _ => {
                let reference = ffprobe_duration_ms(&fixture.path);
                let ours = info.duration_ms as f64;
                assert!(
                    (ours - reference).abs() <= 20.0,
                    "{name}: {ours} ms vs ffprobe {reference} ms"
                );
            }
        }
    }
}

#[test]
fn every_format_decodes_like_ffmpeg() {
    for fixture in fixtures::all() {
        let reference = ffmpeg_f32(&fixture.path, None);
        let ours = hark_f32(&fixture.path, None);
        check_samples(fixture, "full decode", &reference, &ours);
    }
}

#[test]
fn every_format_seeks_to_the_exact_sample() {
    for fixture in fixtures::all() {
        for seconds in [0.5, 3.217, 7.003] {
            let frame = (seconds * f64::from(fixture.rate)).round() as u64;
            let reference = ffmpeg_f32(&fixture.path, Some(frame));
            let ours = hark_f32(&fixture.path, Some(frame));
            check_samples(fixture, &format!("seek to {seconds} s"), &reference, &ours);
        }
    }
}
