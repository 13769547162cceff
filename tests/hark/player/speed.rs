//! Pitch-kept speed: the output's length scales, the pitch stays, and the position counts
//! source time.

use hark::player::{PlaybackSettings, PlaybackStatus, PlayerCommand};

use super::fixtures::{self, RATE, Rig};

fn settings(speed: f32) -> PlaybackSettings {
    PlaybackSettings {
        speed,
        ..PlaybackSettings::default()
    }
}

/// Plays a 4 s 440 Hz tone at `speed` to the end: the audible length in frames, and the
/// dominant frequency of a second from the middle of the output.
fn play_tone(speed: f32) -> (usize, f32) {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("tone.wav"),
        2,
        &fixtures::interleave(
            &fixtures::tone(440.0, 0.5, 4.0),
            &fixtures::tone(440.0, 0.5, 4.0),
        ),
    );
    let mut rig = Rig::open(fixtures::source(&path), settings(speed));
    rig.command(PlayerCommand::Play);
    let expected = (4.0 * RATE as f32 / speed) as usize;
    let output = rig.pull(expected + RATE as usize);
    assert_eq!(rig.state().status, PlaybackStatus::Ended);
    let middle = fixtures::left(&output[expected - RATE as usize..expected + RATE as usize]);
    (
        fixtures::audible_frames(&output),
        fixtures::dominant_frequency(&middle),
    )
}

#[test]
fn double_speed_halves_the_length_and_keeps_the_pitch() {
    let (frames, frequency) = play_tone(2.0);
    let expected = 2.0 * RATE as f64;
    assert!(
        (frames as f64 - expected).abs() < expected * 0.02,
        "{frames} frames at 2x, expected {expected}"
    );
    assert!((frequency - 440.0).abs() < 440.0 * 0.02, "{frequency} Hz");
}

#[test]
fn half_speed_doubles_the_length_and_keeps_the_pitch() {
    let (frames, frequency) = play_tone(0.5);
    let expected = 8.0 * RATE as f64;
    assert!(
        (frames as f64 - expected).abs() < expected * 0.02,
        "{frames} frames at 0.5x, expected {expected}"
    );
    assert!((frequency - 440.0).abs() < 440.0 * 0.02, "{frequency} Hz");
}

#[test]
fn position_counts_source_time_and_survives_speed_changes() {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("noise.wav"),
        2,
        &fixtures::interleave(&fixtures::noise(0.3, 6.0), &fixtures::noise(0.2, 6.0)),
    );
    let mut rig = Rig::open(fixtures::source(&path), settings(2.0));
    rig.command(PlayerCommand::Play);
    rig.pull(RATE as usize);
    let at_double = rig.state().position_ms;
    assert!(
        at_double.abs_diff(2000) <= 10,
        "{at_double} ms after 1 s at 2x"
    );

    let changed = rig.command(PlayerCommand::Settings {
        settings: settings(1.0),
    });
    assert!(changed.position_ms.abs_diff(at_double) <= 1, "{changed:?}");
    rig.pull(RATE as usize / 2);
    let at_normal = rig.state().position_ms;
    assert!(at_normal.abs_diff(at_double + 500) <= 10, "{at_normal} ms");

    let changed = rig.command(PlayerCommand::Settings {
        settings: settings(1.5),
    });
    assert_eq!(changed.position_ms, at_normal);
    rig.pull(RATE as usize);
    let at_faster = rig.state().position_ms;
    assert!(at_faster.abs_diff(at_normal + 1500) <= 10, "{at_faster} ms");

    // Back to 1.0x continues from what was heard: the next frames are the file's from there.
    let changed = rig.command(PlayerCommand::Settings {
        settings: settings(1.0),
    });
    let frame = changed.position_ms * u64::from(RATE) / 1000;
    let played = rig.pull(400);
    // The position is kept to the frame; its millisecond report rounds to within 8 frames.
    let expected = fixtures::decoded_from(&path, frame - 8);
    let resumed = (0..=16).any(|d| played[..200] == expected[d * 2..d * 2 + 200]);
    assert!(resumed, "1.0x resumes at the reported position");
}

#[test]
fn speed_is_clamped_to_the_supported_range() {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("tone.wav"),
        1,
        &fixtures::tone(440.0, 0.5, 1.0),
    );
    let rig = Rig::open(fixtures::source(&path), settings(9.0));
    assert_eq!(rig.state().settings.speed, 3.0);
    let state = rig.command(PlayerCommand::Settings {
        settings: settings(0.1),
    });
    assert_eq!(state.settings.speed, 0.5);
    let state = rig.command(PlayerCommand::Settings {
        settings: settings(f32::NAN),
    });
    assert_eq!(state.settings.speed, 1.0);
}
