//! Skip silence drops planted dead air, keeping a little at each end, and says where.

use hark::analysis::Span;
use hark::player::{PlaybackSettings, PlayerCommand, SkippedSilence};

use super::fixtures::{self, RATE, Rig};

/// 2 s of talk (a tone), 6 s of dead air, 2 s of talk.
fn call_with_dead_air(dir: &std::path::Path) -> std::path::PathBuf {
    let mut samples = fixtures::tone(300.0, 0.4, 2.0);
    samples.extend(vec![0.0; 6 * RATE as usize]);
    samples.extend(fixtures::tone(300.0, 0.4, 2.0));
    fixtures::write_wav(&dir.join("dead-air.wav"), 1, &samples)
}

fn talk() -> Vec<Span> {
    vec![Span::new(0, 2000), Span::new(8000, 10_000)]
}

fn skipping(on: bool) -> PlaybackSettings {
    PlaybackSettings {
        skip_silence: on,
        skip_silence_ms: 2000,
        ..PlaybackSettings::default()
    }
}

#[test]
fn six_seconds_of_dead_air_are_skipped_to_half_a_second() {
    let dir = fixtures::dir();
    let path = call_with_dead_air(dir.path());
    let mut rig = Rig::open(fixtures::source(&path), skipping(true));
    // The analysis finishes after the call was opened; another call's result is ignored.
    rig.player.set_analysis(2, vec![Span::new(0, 10_000)], None);
    rig.player.set_analysis(1, talk(), None);
    rig.command(PlayerCommand::Play);
    let output = rig.pull(12 * RATE as usize);

    let heard_ms = fixtures::audible_frames(&output) as u64 * 1000 / u64::from(RATE);
    assert!(heard_ms.abs_diff(4500) <= 10, "{heard_ms} ms heard");
    assert_eq!(
        rig.state().skipped,
        vec![SkippedSilence {
            from_ms: 2250,
            to_ms: 7750
        }]
    );
    // The second stretch of talk follows 500 ms of air after the first.
    let second_talk = fixtures::left(&output[2 * 2500 * 8..2 * 4400 * 8]);
    assert!(fixtures::rms(&second_talk) > 0.2);
}

#[test]
fn with_skip_silence_off_the_dead_air_is_played() {
    let dir = fixtures::dir();
    let path = call_with_dead_air(dir.path());
    let mut source = fixtures::source(&path);
    source.talk = Some(talk());
    let mut rig = Rig::open(source, skipping(false));
    rig.command(PlayerCommand::Play);
    let output = rig.pull(12 * RATE as usize);
    let heard_ms = fixtures::audible_frames(&output) as u64 * 1000 / u64::from(RATE);
    assert!(heard_ms.abs_diff(10_000) <= 10, "{heard_ms} ms heard");
    assert!(rig.state().skipped.is_empty());
}

#[test]
fn skipping_works_at_double_speed_too() {
    let dir = fixtures::dir();
    let path = call_with_dead_air(dir.path());
    let mut source = fixtures::source(&path);
    source.talk = Some(talk());
    let settings = PlaybackSettings {
        speed: 2.0,
        ..skipping(true)
    };
    let mut rig = Rig::open(source, settings);
    rig.command(PlayerCommand::Play);
    let output = rig.pull(8 * RATE as usize);
    let heard_ms = fixtures::audible_frames(&output) as u64 * 1000 / u64::from(RATE);
    assert!(heard_ms.abs_diff(2250) <= 40, "{heard_ms} ms heard");
    let skipped = rig.state().skipped;
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].from_ms.abs_diff(2250) <= 5, "{skipped:?}");
    assert_eq!(skipped[0].to_ms, 7750);
}
