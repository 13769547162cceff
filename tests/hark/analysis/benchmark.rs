//! Benchmark, ignored by default: the full analysis (decode, voice activity, loudness, waveform
//! peaks) of a one-hour two-channel 8 kHz call beside `ffmpeg -af silencedetect` alone, and peak
//! memory.
//! cargo test --release --test hark analysis::benchmark -- --ignored --nocapture

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hark::analysis::{AnalysisOptions, analyze_file, analyze_file_with_peaks};

const RUNS: usize = 3;

fn ffmpeg(args: &[&str], input: &Path, output: &Path) {
    let status = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-stream_loop", "-1", "-i"])
        .arg(input)
        .args(args)
        .arg(output)
        .status()
        .expect("run ffmpeg");
    assert!(status.success());
}

/// A minute of the generated two-channel call, looped to an hour, in each format.
fn hour_files() -> Vec<(&'static str, PathBuf)> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("analysis-bench-v1");
    std::fs::create_dir_all(&dir).expect("dir");
    let master = super::generated::set().1[0].path.clone();
    let minute = dir.join("minute.wav");
    if !minute.exists() {
        ffmpeg(
            &["-t", "60", "-ar", "8000", "-c:a", "pcm_s16le"],
            &master,
            &minute,
        );
    }
    let formats: [(&str, &str, &[&str]); 3] = [
        ("mu-law WAV", "hour-mulaw.wav", &["-c:a", "pcm_mulaw"]),
        ("PCM WAV", "hour-s16.wav", &["-c:a", "pcm_s16le"]),
        (
            "MP3 32k",
            "hour.mp3",
            &["-c:a", "libmp3lame", "-b:a", "32k"],
        ),
    ];
    formats
        .into_iter()
        .map(|(name, file, codec)| {
            let path = dir.join(file);
            if !path.exists() {
                let partial = dir.join(format!("partial-{file}"));
                let mut args = vec!["-t", "3600"];
                args.extend_from_slice(codec);
                args.extend_from_slice(&["-f", if file.ends_with("mp3") { "mp3" } else { "wav" }]);
                ffmpeg(&args, &minute, &partial);
                std::fs::rename(&partial, &path).expect("rename");
            }
            (name, path)
        })
        .collect()
}

fn best_of(mut run: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

#[test]
#[ignore = "benchmark: run by hand with --release"]
fn benchmark_one_hour_analysis_vs_ffmpeg_silencedetect() {
    let options = AnalysisOptions::default();
    let files = hour_files();
    // Reset the peak-RSS mark so it measures the analysis, not making the files before it.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    println!("One hour, two channels, 8 kHz; best of {RUNS} runs, wall clock");
    for (name, path) in files {
        let mut analysed = None;
        let hark = best_of(|| {
            analysed = Some(analyze_file_with_peaks(&path, &options).expect("analyze"));
        });
        let (metrics, peaks) = analysed.expect("ran");
        // The peaks saw every frame the metrics did.
        assert_eq!(peaks.frames() * 1000 / 8000, metrics.duration_ms);
        assert!(
            metrics.duration_ms.abs_diff(3_600_000) < 100,
            "{}",
            metrics.duration_ms
        );
        assert!(metrics.dead_air_count >= 60 && metrics.talk_share > 0.5);
        // The same pass without the peaks: what the waveform adds to the analysis.
        let metrics_only = best_of(|| {
            std::hint::black_box(analyze_file(&path, &options).expect("analyze"));
        });
        let ffmpeg = best_of(|| {
            let status = Command::new("ffmpeg")
                .args(["-nostdin", "-v", "error", "-i"])
                .arg(&path)
                .args(["-af", "silencedetect=n=-40dB:d=2", "-f", "null", "-"])
                .status()
                .expect("ffmpeg");
            assert!(status.success());
        });
        println!(
            "{name:<11} Hark full analysis {:>6.3} s ({:>5.0}x real time; {:.3} s without peaks), \
             ffmpeg silencedetect {:>6.3} s: Hark {:.2}x ffmpeg's speed",
            hark.as_secs_f64(),
            3600.0 / hark.as_secs_f64(),
            metrics_only.as_secs_f64(),
            ffmpeg.as_secs_f64(),
            ffmpeg.as_secs_f64() / hark.as_secs_f64()
        );
    }
    let peak = peak_rss_mib();
    println!("Peak RSS (VmHWM) of the test process: {peak:.1} MiB");
    assert!(peak < 100.0, "peak memory {peak:.1} MiB");
}
