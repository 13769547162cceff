//! Seeks land on the frame, and 1.0x is the decoder's output untouched.

use hark::player::{PlaybackSettings, PlayerCommand};

use super::fixtures::{self, RATE, Rig};

#[test]
fn a_seek_lands_on_the_exact_frame_before_and_during_play() {
    let dir = fixtures::dir();
    let left = fixtures::noise(0.5, 4.0);
    let right = fixtures::noise(0.3, 4.0)
        .into_iter()
        .rev()
        .collect::<Vec<_>>();
    let path = fixtures::write_wav(
        &dir.path().join("noise.wav"),
        2,
        &fixtures::interleave(&left, &right),
    );
    let mut rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());

    let state = rig.command(PlayerCommand::Seek { ms: 1234 });
    assert_eq!(state.position_ms, 1234);
    rig.command(PlayerCommand::Play);
    let played = rig.pull(2000);
    let expected = fixtures::decoded_from(&path, 1234 * u64::from(RATE) / 1000);
    assert_eq!(
        played,
        expected[..4000],
        "1.0x after a seek is the decoder's frames"
    );

    // While playing: the next block starts at the new place.
    rig.command(PlayerCommand::Seek { ms: 3001 });
    let played = rig.pull(800);
    let expected = fixtures::decoded_from(&path, 3001 * u64::from(RATE) / 1000);
    assert_eq!(played, expected[..1600]);
    assert_eq!(rig.state().position_ms, 3101);
}

#[test]
fn skip_moves_by_the_delta_and_stops_at_either_end() {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("tone.wav"),
        1,
        &fixtures::tone(440.0, 0.5, 3.0),
    );
    let rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());
    assert_eq!(
        rig.command(PlayerCommand::Skip { delta_ms: 1500 })
            .position_ms,
        1500
    );
    assert_eq!(
        rig.command(PlayerCommand::Skip { delta_ms: -500 })
            .position_ms,
        1000
    );
    assert_eq!(
        rig.command(PlayerCommand::Skip { delta_ms: -5000 })
            .position_ms,
        0
    );
    let state = rig.command(PlayerCommand::Skip { delta_ms: 60_000 });
    assert_eq!(state.position_ms, state.duration_ms);
    assert_eq!(state.duration_ms, 3000);
}
