//! Plain-text tables for the terminal.

use hark::audio::AudioInfo;
use hark::library::LibraryPage;

pub fn format_duration(ms: i64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}.{:03}", ms % 1000)
    } else {
        format!("{m}:{s:02}.{:03}", ms % 1000)
    }
}

/// Pads by characters, not bytes, so Persian and Cyrillic names line up.
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    if len >= width {
        text.chars().take(width).collect()
    } else {
        format!("{text}{}", " ".repeat(width - len))
    }
}

pub fn print_library(page: &LibraryPage) {
    println!(
        "{:>6}  {}  {:>10}  {}  {}  {}  {}  FILE",
        "ID",
        pad("START", 25),
        "DURATION",
        pad("AGENT", 16),
        pad("TEAM", 12),
        pad("QUEUE", 11),
        pad("DIRECTION", 9)
    );
    for row in &page.rows {
        let opt = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
        println!(
            "{:>6}  {}  {:>10}  {}  {}  {}  {}  {}",
            row.id,
            pad(&opt(&row.call_start), 25),
            row.duration_ms
                .map(format_duration)
                .unwrap_or_else(|| "-".into()),
            pad(&opt(&row.agent), 16),
            pad(&opt(&row.team), 12),
            pad(&opt(&row.queue), 11),
            pad(row.direction.map(|d| d.as_str()).unwrap_or("-"), 9),
            row.file_name
        );
    }
    println!("{} recordings", page.total);
}

pub fn print_probe(info: &AudioInfo) {
    println!(
        "{}\n  container {}, codec {}, {} Hz, {} channel(s), {} ({} frames, duration from {})",
        info.path,
        info.container,
        info.codec,
        info.sample_rate,
        info.channels,
        format_duration(info.duration_ms as i64),
        info.frames,
        match info.duration_source {
            hark::audio::DurationSource::Header => "header",
            hark::audio::DurationSource::Scan => "scan",
        }
    );
}

pub fn print_decode_bench(minutes: u32, rows: &[hark::bench::Comparison]) {
    println!("Decode a {minutes}-minute two-channel 8 kHz call (best of runs, wall clock)");
    println!(
        "{:<12} {:>10} {:>12} {:>18}",
        "FORMAT", "HARK", "FFMPEG", "HARK vs FFMPEG"
    );
    for row in rows {
        println!(
            "{:<12} {:>9.3}s {:>11.3}s {:>17.2}x",
            row.name,
            row.hark.as_secs_f64(),
            row.reference.as_secs_f64(),
            row.speedup()
        );
    }
    println!("(x above 1: Hark is faster; ffmpeg -threads 1 -i FILE -f null -)");
}

pub fn print_probe_bench(files: usize, rows: &[(String, f64, f64)]) {
    println!("Probe {files} short files per format (files per second)");
    println!(
        "{:<12} {:>12} {:>12} {:>10}",
        "FORMAT", "HARK", "FFPROBE", "RATIO"
    );
    for (name, hark, ffprobe) in rows {
        println!(
            "{name:<12} {hark:>12.0} {ffprobe:>12.0} {:>9.1}x",
            hark / ffprobe.max(1e-9)
        );
    }
}

pub fn print_progress(progress: &hark::import::ImportProgress) {
    use hark::import::ImportPhase;
    let phase = match progress.phase {
        ImportPhase::Scanning => "scanning",
        ImportPhase::Reading => "reading",
        ImportPhase::CallRecords => "call records",
        ImportPhase::Done => "done",
    };
    let left = progress
        .seconds_left
        .map(|s| format!(", {s:.0} s left"))
        .unwrap_or_default();
    eprint!(
        "\r{phase}: {} of {} files, {:.0} files/s{left}      ",
        progress.done, progress.total, progress.files_per_second
    );
    if progress.phase == ImportPhase::Done {
        eprintln!();
    }
}

pub fn print_import(report: &hark::import::ImportReport) {
    println!(
        "{} audio files seen in {:.2} s ({:.0} files/s): {} added, {} updated, {} unchanged, \
         {} moved, {} missing; {} non-audio files passed over",
        report.files_seen,
        report.seconds,
        report.files_per_second,
        report.added,
        report.updated,
        report.unchanged,
        report.moved,
        report.missing,
        report.not_audio
    );
    if report.cancelled {
        println!("Cancelled: the files read so far are in the library.");
    }
    if !report.problems.is_empty() {
        println!(
            "{} problems (these files are listed in the Library's Problems filter):",
            report.problems.len()
        );
        for problem in &report.problems {
            println!("  {}: {}", problem.path, problem.reason);
        }
    }
    for passed in &report.passed_over {
        println!("  passed over {}: {}", passed.path, passed.reason);
    }
    if let Some(cdr) = &report.cdr {
        println!(
            "Call records {}: {} rows, {} joined by call id, {} by time and number",
            cdr.file, cdr.rows, cdr.matched_by_call_id, cdr.matched_by_time
        );
        println!(
            "  {} rows with no recording:",
            cdr.rows_without_recording.len()
        );
        for row in &cdr.rows_without_recording {
            println!("    {row}");
        }
        println!(
            "  {} recordings with no call record:",
            cdr.recordings_without_row.len()
        );
        for path in &cdr.recordings_without_row {
            println!("    {path}");
        }
        println!("  {} conflicts:", cdr.conflicts.len());
        for c in &cdr.conflicts {
            println!(
                "    {} (row {}): {} is {:?} in the recording, {:?} in the call record",
                c.path, c.row, c.field, c.recording_value, c.record_value
            );
        }
    }
}

pub fn print_import_bench(bench: &hark::bench::ImportBench) {
    println!(
        "Import {} recordings (WAV and MP3 in nested date folders)",
        bench.files
    );
    println!(
        "  Hark import:       {:>8.2} s  {:>8.0} files/s",
        bench.import.as_secs_f64(),
        bench.import_rate()
    );
    println!(
        "  Hark re-scan:      {:>8.2} s  (unchanged files: one stat each)",
        bench.rescan.as_secs_f64()
    );
    println!(
        "  ffprobe each file: {:>8.2} s  {:>8.0} files/s ({} in parallel)",
        bench.ffprobe.as_secs_f64(),
        bench.ffprobe_rate(),
        bench.ffprobe_workers
    );
    println!(
        "  Hark vs ffprobe:   {:>8.1}x; peak memory {:.0} MiB",
        bench.import_rate() / bench.ffprobe_rate().max(1e-9),
        bench.peak_rss_mib
    );
}
