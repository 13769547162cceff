//! Loudness normalisation raises a quiet call to the target, and the limiter holds -1 dBFS.

use hark::analysis::{AnalysisOptions, analyze_file};
use hark::player::{PlaybackSettings, PlayerCommand};

use super::fixtures::{self, RATE, Rig};

/// -1 dBFS.
const CEILING: f32 = 0.891_251;

/// A quiet call (a 0.01 tone, about -40 LUFS) with a short click every second, which a plain
/// gain of +24 dB would drive far past full scale.
fn quiet_call_with_clicks(dir: &std::path::Path) -> std::path::PathBuf {
    let mut samples = fixtures::tone(500.0, 0.01, 6.0);
    for second in 0..6 {
        let at = second * RATE as usize + 4000;
        for s in &mut samples[at..at + 2] {
            *s = 0.3;
        }
    }
    fixtures::write_wav(&dir.join("quiet.wav"), 1, &samples)
}

#[test]
fn a_quiet_call_is_raised_and_never_exceeds_minus_one_dbfs() {
    let dir = fixtures::dir();
    let path = quiet_call_with_clicks(dir.path());
    let lufs = analyze_file(&path, &AnalysisOptions::default())
        .expect("analyse")
        .loudness_lufs
        .expect("measured");
    assert!((-45.0..-35.0).contains(&lufs), "{lufs} LUFS");

    let mut source = fixtures::source(&path);
    source.loudness_lufs = Some(lufs);
    let off = PlaybackSettings {
        normalize: false,
        ..PlaybackSettings::default()
    };
    let mut plain = Rig::open(source.clone(), off);
    assert_eq!(plain.state().normalize_gain_db, 0.0);
    plain.command(PlayerCommand::Play);
    let plain = plain.pull(6 * RATE as usize);

    let mut rig = Rig::open(source, PlaybackSettings::default());
    let gain_db = rig.state().normalize_gain_db;
    let expected = (-16.0 - lufs).clamp(-12.0, 24.0) as f32;
    assert!((gain_db - expected).abs() < 1e-3, "{gain_db} dB");
    rig.command(PlayerCommand::Play);
    let loud = rig.pull(6 * RATE as usize);

    let peak = loud.iter().fold(0f32, |m, s| m.max(s.abs()));
    assert!(peak <= CEILING, "peak {peak}");
    // Away from the clicks (the limiter has let go), the tone is raised by the full gain.
    let calm = |s: &[f32]| fixtures::rms(&s[2 * 1000..2 * 3500]);
    let raised_db = 20.0 * (calm(&loud) / calm(&plain)).log10();
    assert!(
        (raised_db - f64::from(gain_db)).abs() < 0.5,
        "{raised_db} dB"
    );
}

#[test]
fn loudness_arriving_after_opening_is_applied() {
    let dir = fixtures::dir();
    let path = fixtures::write_wav(
        &dir.path().join("tone.wav"),
        1,
        &fixtures::tone(500.0, 0.05, 2.0),
    );
    let rig = Rig::open(fixtures::source(&path), PlaybackSettings::default());
    assert_eq!(rig.state().normalize_gain_db, 0.0);
    rig.player.set_analysis(1, Vec::new(), Some(-30.0));
    assert_eq!(rig.state().normalize_gain_db, 14.0);
    rig.player.set_analysis(1, Vec::new(), Some(-80.0));
    assert_eq!(rig.state().normalize_gain_db, 24.0);
}
