//! Files that cannot be played are named in the error; a machine without a sound card still
//! gets a working player.

use hark::player::{PlaybackSettings, PlaybackStatus, Player, PlayerCommand};

use super::fixtures::{self, Rig};

#[test]
fn a_missing_or_corrupt_file_is_named_in_the_error_and_the_open_call_stays() {
    let dir = fixtures::dir();
    let good = fixtures::write_wav(&dir.path().join("good.wav"), 1, &fixtures::noise(0.3, 1.0));
    let corrupt = dir.path().join("corrupt call.wav");
    std::fs::write(&corrupt, b"RIFF\x10\0\0\0WAVEjunk".repeat(40)).expect("write");
    let missing = dir.path().join("gone.wav");

    let rig = Rig::open(fixtures::source(&good), PlaybackSettings::default());
    for (path, name) in [(&missing, "gone.wav"), (&corrupt, "corrupt call.wav")] {
        let mut source = fixtures::source(path);
        source.recording_id = 9;
        let error = rig.player.open(source).expect_err("cannot open");
        assert!(error.to_string().contains(name), "{error}");
        assert_eq!(hark::Error::from(error).code(), "audio");
    }
    let state = rig.state();
    assert_eq!(state.recording_id, Some(1));
    assert_eq!(state.status, PlaybackStatus::Paused);
}

#[test]
fn starting_on_this_machine_reports_the_device_and_the_player_works() {
    // The app shares one player between its command threads and its state emitter.
    fn shareable<T: Send + Sync>(value: T) -> T {
        value
    }
    let player = shareable(Player::start());
    let state = player.state();
    assert_eq!(state.status, PlaybackStatus::Idle);
    if state.device.available {
        assert!(!state.device.message.is_empty());
    } else {
        assert!(
            state.device.message.starts_with("No audio output device: "),
            "{}",
            state.device.message
        );
        assert!(state.device.message.contains("scoring still work"));
    }

    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("call.wav"),
        2,
        &fixtures::interleave(&fixtures::noise(0.3, 2.0), &fixtures::noise(0.3, 2.0)),
    );
    player.open(fixtures::source(&path)).expect("open");
    let state = player
        .command(PlayerCommand::Seek { ms: 1200 })
        .expect("seek");
    assert_eq!(state.position_ms, 1200);
    assert_eq!(state.duration_ms, 2000);
    assert_eq!(state.device, player.state().device);
}
