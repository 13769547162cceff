//! Play, pause, the end of the call, loops, and one call replacing another.

use hark::analysis::Span;
use hark::player::{PlaybackSettings, PlaybackStatus, PlayerCommand, PlayerError};

use super::fixtures::{self, RATE, Rig};

fn noise_call(dir: &std::path::Path, seconds: f32) -> std::path::PathBuf {
    fixtures::write_wav(
        &dir.join("noise.wav"),
        2,
        &fixtures::interleave(
            &fixtures::noise(0.4, seconds),
            &fixtures::noise(0.2, seconds),
        ),
    )
}

#[test]
fn a_call_opens_paused_and_pause_is_silent_with_the_position_held() {
    let dir = fixtures::dir();
    let path = noise_call(dir.path(), 3.0);
    let mut rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());
    let state = rig.state();
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert_eq!((state.position_ms, state.duration_ms), (0, 3000));
    assert_eq!((state.recording_id, state.channels), (Some(1), 2));
    assert!(rig.pull(800).iter().all(|s| *s == 0.0), "paused is silent");
    assert_eq!(rig.state().position_ms, 0);

    rig.command(PlayerCommand::Toggle);
    rig.pull(4000);
    let state = rig.command(PlayerCommand::Toggle);
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert_eq!(state.position_ms, 500);
    assert!(rig.pull(800).iter().all(|s| *s == 0.0));
    assert_eq!(rig.state().position_ms, 500);

    // Playing again continues exactly where it paused.
    rig.command(PlayerCommand::Play);
    let played = rig.pull(800);
    assert_eq!(played, fixtures::decoded_from(&path, 4000)[..1600]);
}

#[test]
fn the_end_is_silent_and_play_starts_over() {
    let dir = fixtures::dir();
    let path = noise_call(dir.path(), 1.0);
    let mut rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());
    rig.command(PlayerCommand::Play);
    let output = rig.pull(RATE as usize * 2);
    assert_eq!(output[..16_000], fixtures::decoded_from(&path, 0)[..]);
    assert!(
        output[16_000..].iter().all(|s| *s == 0.0),
        "silence after the end"
    );
    let state = rig.state();
    assert_eq!(state.status, PlaybackStatus::Ended);
    assert_eq!(state.position_ms, 1000);

    let state = rig.command(PlayerCommand::Play);
    assert_eq!(
        (state.status, state.position_ms),
        (PlaybackStatus::Playing, 0)
    );
    assert_eq!(rig.pull(400), fixtures::decoded_from(&path, 0)[..800]);
}

#[test]
fn a_loop_range_repeats_to_the_frame() {
    let dir = fixtures::dir();
    let path = noise_call(dir.path(), 3.0);
    let settings = PlaybackSettings {
        loop_range: Some(Span::new(1000, 1500)),
        ..PlaybackSettings::default()
    };
    let mut rig = Rig::open(fixtures::source(&path), settings);
    rig.command(PlayerCommand::Seek { ms: 1000 });
    rig.command(PlayerCommand::Play);
    let output = rig.pull(4000 * 3 + 800);
    let range = &fixtures::decoded_from(&path, 8000)[..8000];
    for turn in output.chunks(8000).take(3) {
        assert_eq!(turn, range);
    }
    assert_eq!(rig.state().position_ms, 1100);
    assert_eq!(rig.state().status, PlaybackStatus::Playing);
}

#[test]
fn a_loop_holds_at_double_speed_and_at_the_end_of_the_call() {
    let dir = fixtures::dir();
    let path = noise_call(dir.path(), 3.0);
    let settings = PlaybackSettings {
        speed: 2.0,
        loop_range: Some(Span::new(2000, 9000)),
        ..PlaybackSettings::default()
    };
    let mut rig = Rig::open(fixtures::source(&path), settings);
    rig.command(PlayerCommand::Seek { ms: 2000 });
    rig.command(PlayerCommand::Play);
    for _ in 0..8 {
        rig.pull(RATE as usize / 4);
        let state = rig.state();
        assert_eq!(state.status, PlaybackStatus::Playing);
        assert!((2000..=3000).contains(&state.position_ms), "{state:?}");
    }
}

#[test]
fn opening_another_call_replaces_the_first_and_keeps_the_settings() {
    let dir = fixtures::dir();
    let first = noise_call(dir.path(), 2.0);
    let second = fixtures::write_wav(
        &dir.path().join("second.wav"),
        1,
        &fixtures::noise(0.3, 1.5),
    );
    let settings = PlaybackSettings {
        speed: 1.5,
        agent_volume: 0.7,
        ..PlaybackSettings::default()
    };
    let mut rig = Rig::open(fixtures::source(&first), settings.clone());
    rig.command(PlayerCommand::Play);
    rig.pull(800);

    let mut source = fixtures::source(&second);
    source.recording_id = 2;
    let state = rig.player.open(source).expect("open the second call");
    assert_eq!(state.recording_id, Some(2));
    assert_eq!(state.status, PlaybackStatus::Paused);
    assert_eq!((state.position_ms, state.duration_ms), (0, 1500));
    assert_eq!(state.settings, settings);
    // The first call's source ends at its next block; the second one is paused.
    assert!(rig.pull(1600).iter().all(|s| *s == 0.0));
}

#[test]
fn close_goes_idle_and_commands_then_need_a_call() {
    let dir = fixtures::dir();
    let path = noise_call(dir.path(), 1.0);
    let mut rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());
    rig.command(PlayerCommand::Play);
    rig.pull(400);
    let state = rig.command(PlayerCommand::Close);
    assert_eq!(state.status, PlaybackStatus::Idle);
    assert_eq!((state.recording_id, state.channels), (None, 0));
    assert!(rig.pull(1600).iter().all(|s| *s == 0.0));
    let error = rig.player.command(PlayerCommand::Play).expect_err("idle");
    assert!(matches!(error, PlayerError::NothingOpen));
    assert_eq!(hark::Error::from(error).code(), "player");
    // Settings still apply to the next call.
    let state = rig.command(PlayerCommand::Settings {
        settings: PlaybackSettings {
            speed: 2.0,
            ..PlaybackSettings::default()
        },
    });
    assert_eq!(state.settings.speed, 2.0);
}
