//! Mono recordings: silence and talk only, and silences that agree with ffmpeg's
//! `silencedetect=n=-40dB:d=2` within 250 ms at both ends.

use std::path::{Path, PathBuf};
use std::process::Command;

use hark::analysis::{AnalysisOptions, Span, analyze_file, timeline};

use crate::common::demo_dir;

const MIN_SILENCE_MS: u64 = 2000;
const TOLERANCE_MS: u64 = 250;

/// The silences ffmpeg reports; one still open at the end runs to `duration_ms`.
fn silencedetect(path: &Path, duration_ms: u64) -> Vec<Span> {
    let output = Command::new("ffmpeg")
        .args(["-hide_banner", "-nostats", "-i"])
        .arg(path)
        .args(["-af", "silencedetect=n=-40dB:d=2", "-f", "null", "-"])
        .output()
        .expect("run ffmpeg");
    assert!(output.status.success(), "ffmpeg on {}", path.display());
    let text = String::from_utf8_lossy(&output.stderr);
    let value = |rest: &str| -> u64 {
        let number: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        (number.parse::<f64>().expect("seconds").max(0.0) * 1000.0).round() as u64
    };
    let mut spans = Vec::new();
    let mut open = None;
    for line in text.lines() {
        if let Some((_, rest)) = line.split_once("silence_start:") {
            open = Some(value(rest));
        } else if let Some((_, rest)) = line.split_once("silence_end:") {
            spans.push(Span::new(open.take().unwrap_or(0), value(rest)));
        }
    }
    if let Some(start) = open {
        spans.push(Span::new(start, duration_ms));
    }
    spans
}

fn agree(a: &Span, b: &Span) -> bool {
    a.start_ms.abs_diff(b.start_ms) <= TOLERANCE_MS && a.end_ms.abs_diff(b.end_ms) <= TOLERANCE_MS
}

/// The demo calls mixed down to mono (kept beside the build).
fn demo_mixes() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("analysis-demo-mono-v1");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(demo_dir()).expect("demo dir") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if !hark::import::is_audio_name(&path) {
            continue;
        }
        let mono = dir.join(format!("{name}.wav"));
        if !mono.exists() {
            let partial = dir.join(format!("partial-{name}.wav"));
            let status = Command::new("ffmpeg")
                .args(["-v", "error", "-y", "-i"])
                .arg(&path)
                .args(["-ac", "1", "-c:a", "pcm_s16le", "-f", "wav"])
                .arg(&partial)
                .status()
                .expect("ffmpeg");
            assert!(status.success());
            std::fs::rename(&partial, &mono).expect("rename");
        }
        out.push(mono);
    }
    out.sort();
    out
}

#[test]
fn mono_silences_agree_with_ffmpeg_silencedetect() {
    let generated = super::generated::set().1.iter().filter(|f| f.mono);
    let files: Vec<PathBuf> = generated
        .map(|f| f.path.clone())
        .chain(demo_mixes())
        .collect();
    assert!(files.len() >= 11);
    let mut failures = Vec::new();
    let mut compared = 0;
    for path in &files {
        let m = analyze_file(path, &AnalysisOptions::default()).expect("analyze");
        assert_eq!(m.channels_analyzed, 1);
        assert!(m.agent_talk_ms.is_none() && m.overtalk_ms.is_none() && m.timeline.agent.is_none());
        assert!(m.talk_ms > 0 && m.silence_share > 0.0);
        let ours: Vec<Span> = timeline::silences(&m.timeline.talk, m.duration_ms)
            .into_iter()
            .filter(|s| s.len_ms() >= MIN_SILENCE_MS)
            .collect();
        let theirs = silencedetect(path, m.duration_ms);
        let worst = theirs
            .iter()
            .filter_map(|t| ours.iter().find(|o| agree(t, o)).map(|o| (t, o)))
            .map(|(t, o)| {
                t.start_ms
                    .abs_diff(o.start_ms)
                    .max(t.end_ms.abs_diff(o.end_ms))
            })
            .max()
            .unwrap_or(0);
        println!(
            "{:<70} {} silences, worst end {worst} ms",
            path.file_name().expect("name").to_string_lossy(),
            theirs.len()
        );
        compared += theirs.len();
        for t in &theirs {
            if !ours.iter().any(|o| agree(t, o)) {
                failures.push(format!("{}: ffmpeg {t:?} not in {ours:?}", path.display()));
            }
        }
        for o in &ours {
            if !theirs.iter().any(|t| agree(t, o)) {
                failures.push(format!("{}: ours {o:?} not in {theirs:?}", path.display()));
            }
        }
    }
    assert!(compared >= 7, "too few silences compared: {compared}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
