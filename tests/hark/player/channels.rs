//! Sides: solo, mono mix, per-side volume, and mono calls in both ears.

use hark::player::{ChannelMode, PlaybackSettings, PlayerCommand};

use super::fixtures::{self, Rig};

/// Agent (left) at 440 Hz, customer (right) at 1000 Hz.
fn two_sided(dir: &std::path::Path) -> std::path::PathBuf {
    fixtures::write_wav(
        &dir.join("sides.wav"),
        2,
        &fixtures::interleave(
            &fixtures::tone(440.0, 0.3, 2.0),
            &fixtures::tone(1000.0, 0.3, 2.0),
        ),
    )
}

fn play(path: &std::path::Path, settings: PlaybackSettings) -> Vec<f32> {
    let mut rig = Rig::open(fixtures::source(path), settings);
    rig.command(PlayerCommand::Play);
    rig.pull(8000)
}

#[test]
fn solo_agent_puts_the_agent_in_both_ears_and_silences_the_customer() {
    let dir = fixtures::dir();
    let path = two_sided(dir.path());
    let decoded = fixtures::decoded_from(&path, 0);
    let output = play(
        &path,
        PlaybackSettings {
            channel_mode: ChannelMode::SoloAgent,
            ..PlaybackSettings::default()
        },
    );
    let (left, right) = (fixtures::left(&output), fixtures::right(&output));
    assert_eq!(left, right);
    assert_eq!(left, fixtures::left(&decoded[..16_000]));
    let agent = fixtures::power_at(&left, 440.0);
    let customer = fixtures::power_at(&left, 1000.0);
    assert!(agent > 0.01, "{agent}");
    assert!(
        customer < agent * 1e-6,
        "customer {customer} vs agent {agent}"
    );

    let output = play(
        &path,
        PlaybackSettings {
            channel_mode: ChannelMode::SoloCustomer,
            ..PlaybackSettings::default()
        },
    );
    assert_eq!(fixtures::left(&output), fixtures::right(&decoded[..16_000]));
    assert_eq!(
        fixtures::right(&output),
        fixtures::right(&decoded[..16_000])
    );
}

#[test]
fn mono_mix_sums_both_sides_into_both_ears() {
    let dir = fixtures::dir();
    let path = two_sided(dir.path());
    let decoded = fixtures::decoded_from(&path, 0);
    let output = play(
        &path,
        PlaybackSettings {
            channel_mode: ChannelMode::Mono,
            ..PlaybackSettings::default()
        },
    );
    for (out, source) in output.chunks_exact(2).zip(decoded.chunks_exact(2)) {
        assert_eq!(out[0], out[1]);
        assert_eq!(out[0], source[0] + source[1]);
    }
}

#[test]
fn per_side_volume_scales_each_side() {
    let dir = fixtures::dir();
    let path = two_sided(dir.path());
    let decoded = fixtures::decoded_from(&path, 0);
    let output = play(
        &path,
        PlaybackSettings {
            agent_volume: 0.5,
            customer_volume: 1.5,
            ..PlaybackSettings::default()
        },
    );
    for (out, source) in output.chunks_exact(2).zip(decoded.chunks_exact(2)) {
        assert!((out[0] - source[0] * 0.5).abs() < 1e-6);
        assert!((out[1] - source[1] * 1.5).abs() < 1e-6);
    }
    let muted = play(
        &path,
        PlaybackSettings {
            customer_volume: 0.0,
            ..PlaybackSettings::default()
        },
    );
    assert!(fixtures::right(&muted).iter().all(|s| *s == 0.0));
    assert_eq!(fixtures::left(&muted), fixtures::left(&decoded[..16_000]));
}

#[test]
fn a_mono_call_plays_in_both_ears_and_ignores_customer_settings() {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(&dir.path().join("mono.wav"), 1, &fixtures::noise(0.4, 2.0));
    let decoded = fixtures::decoded_from(&path, 0);
    let settings = PlaybackSettings {
        customer_volume: 0.0,
        channel_mode: ChannelMode::SoloCustomer,
        ..PlaybackSettings::default()
    };
    let mut rig = Rig::open(fixtures::source(&path), settings);
    assert_eq!(rig.state().channels, 1);
    rig.command(PlayerCommand::Play);
    let output = rig.pull(8000);
    assert_eq!(fixtures::left(&output), decoded[..8000]);
    assert_eq!(fixtures::right(&output), decoded[..8000]);
}
