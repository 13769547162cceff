//! The demo calls against assets/demo/truth.json.

use hark::analysis::{AnalysisOptions, Span, analyze_file};

use super::accuracy::{self, Truth};
use crate::common::demo_dir;

pub fn truths() -> Vec<Truth> {
    let text = std::fs::read_to_string(demo_dir().join("truth.json")).expect("truth.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("truth json");
    let calls = json["calls"].as_array().expect("calls");
    calls
        .iter()
        .map(|call| {
            let side = |name: &str| {
                call["segments"]
                    .as_array()
                    .expect("segments")
                    .iter()
                    .filter(|s| s["channel"] == name)
                    .map(|s| {
                        Span::new(
                            s["start_ms"].as_u64().expect("start"),
                            s["end_ms"].as_u64().expect("end"),
                        )
                    })
                    .collect()
            };
            Truth {
                name: call["file"].as_str().expect("file").to_owned(),
                agent: side("agent"),
                customer: side("customer"),
            }
        })
        .collect()
}

#[test]
fn demo_calls_match_their_truth() {
    let options = AnalysisOptions::default();
    let results: Vec<_> = truths()
        .into_iter()
        .map(|truth| {
            let metrics = analyze_file(&demo_dir().join(&truth.name), &options).expect("analyze");
            assert_eq!(metrics.channels_analyzed, 2, "{}", truth.name);
            let errors = accuracy::compare(&truth, &metrics);
            (truth, errors)
        })
        .collect();
    accuracy::assert_all(&results);
}

/// ffmpeg's `ebur128` filter's integrated loudness (I), in LUFS.
pub fn ffmpeg_loudness(path: &std::path::Path) -> f64 {
    let output = std::process::Command::new("ffmpeg")
        .args(["-hide_banner", "-nostats", "-i"])
        .arg(path)
        .args(["-af", "ebur128", "-f", "null", "-"])
        .output()
        .expect("run ffmpeg");
    let text = String::from_utf8_lossy(&output.stderr);
    let summary = text.rsplit("Integrated loudness:").next().expect("summary");
    let value = summary.split("I:").nth(1).expect("I:").trim_start();
    let number: String = value.chars().take_while(|c| !c.is_whitespace()).collect();
    number.parse().expect("loudness")
}

#[test]
fn loudness_agrees_with_ffmpeg_ebur128() {
    let mut failures = Vec::new();
    let files = truths().into_iter().map(|t| demo_dir().join(t.name));
    let generated = super::generated::set().1.iter().map(|f| f.path.clone());
    for path in files.chain(generated) {
        let m = analyze_file(&path, &AnalysisOptions::default()).expect("analyze");
        let ours = m.loudness_lufs.expect("loudness");
        let theirs = ffmpeg_loudness(&path);
        println!(
            "{:<60} Hark {ours:6.2} LUFS, ffmpeg {theirs:6.2} LUFS (agent {:?}, customer {:?})",
            path.file_name().expect("name").to_string_lossy(),
            m.agent_loudness_lufs,
            m.customer_loudness_lufs
        );
        if (ours - theirs).abs() > 0.2 {
            failures.push(format!("{}: {ours} vs {theirs}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
