//! Plain-text tables for the terminal. Writes go through `say!`, which returns the error
//! (a closed pipe, as with `hark list | head`) instead of panicking like `println!`.

use std::io::Write;

/// `println!` that returns the write's result.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)
    };
}
pub(crate) use say;

use anyhow::Context;
use hark::audio::AudioInfo;
use hark::library::LibraryPage;

/// Where an export goes: a new file (never overwriting one), or standard output.
pub fn export_target(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create_new(path)
                .with_context(|| format!("{}: cannot create it", path.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    })
}

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

pub fn print_library(page: &LibraryPage) -> std::io::Result<()> {
    say!(
        "{:>6}  {}  {:>10}  {}  {}  {}  {}  FILE",
        "ID",
        pad("START", 25),
        "DURATION",
        pad("AGENT", 16),
        pad("TEAM", 12),
        pad("QUEUE", 11),
        pad("DIRECTION", 9)
    )?;
    for row in &page.rows {
        let opt = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
        say!(
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
        )?;
    }
    say!("{} recordings", page.total)?;
    Ok(())
}

pub fn print_probe(info: &AudioInfo) -> std::io::Result<()> {
    say!(
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
    )?;
    Ok(())
}

pub fn print_decode_bench(minutes: u32, rows: &[hark::bench::Comparison]) -> std::io::Result<()> {
    say!("Decode a {minutes}-minute two-channel 8 kHz call (best of runs, wall clock)")?;
    say!(
        "{:<12} {:>10} {:>12} {:>18}",
        "FORMAT",
        "HARK",
        "FFMPEG",
        "HARK vs FFMPEG"
    )?;
    for row in rows {
        say!(
            "{:<12} {:>9.3}s {:>11.3}s {:>17.2}x",
            row.name,
            row.hark.as_secs_f64(),
            row.reference.as_secs_f64(),
            row.speedup()
        )?;
    }
    say!("(x above 1: Hark is faster; ffmpeg -threads 1 -i FILE -f null -)")?;
    Ok(())
}

pub fn print_probe_bench(files: usize, rows: &[(String, f64, f64)]) -> std::io::Result<()> {
    say!("Probe {files} short files per format (files per second)")?;
    say!(
        "{:<12} {:>12} {:>12} {:>10}",
        "FORMAT",
        "HARK",
        "FFPROBE",
        "RATIO"
    )?;
    for (name, hark, ffprobe) in rows {
        say!(
            "{name:<12} {hark:>12.0} {ffprobe:>12.0} {:>9.1}x",
            hark / ffprobe.max(1e-9)
        )?;
    }
    Ok(())
}

pub fn print_progress(progress: &hark::import::ImportProgress) -> std::io::Result<()> {
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
    Ok(())
}

pub fn print_import(report: &hark::import::ImportReport) -> std::io::Result<()> {
    say!(
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
    )?;
    if report.cancelled {
        say!("Cancelled: the files read so far are in the library.")?;
    }
    if !report.problems.is_empty() {
        say!(
            "{} problems (these files are listed in the Library's Problems filter):",
            report.problems.len()
        )?;
        for problem in &report.problems {
            say!("  {}: {}", problem.path, problem.reason)?;
        }
    }
    for passed in &report.passed_over {
        say!("  passed over {}: {}", passed.path, passed.reason)?;
    }
    if let Some(cdr) = &report.cdr {
        say!(
            "Call records {}: {} rows, {} joined by call id, {} by time and number",
            cdr.file,
            cdr.rows,
            cdr.matched_by_call_id,
            cdr.matched_by_time
        )?;
        say!(
            "  {} rows with no recording:",
            cdr.rows_without_recording.len()
        )?;
        for row in &cdr.rows_without_recording {
            say!("    {row}")?;
        }
        say!(
            "  {} recordings with no call record:",
            cdr.recordings_without_row.len()
        )?;
        for path in &cdr.recordings_without_row {
            say!("    {path}")?;
        }
        say!("  {} conflicts:", cdr.conflicts.len())?;
        for c in &cdr.conflicts {
            say!(
                "    {} (row {}): {} is {:?} in the recording, {:?} in the call record",
                c.path,
                c.row,
                c.field,
                c.recording_value,
                c.record_value
            )?;
        }
    }
    Ok(())
}

pub fn print_import_bench(bench: &hark::bench::ImportBench) -> std::io::Result<()> {
    say!(
        "Import {} recordings (WAV and MP3 in nested date folders)",
        bench.files
    )?;
    say!(
        "  Hark import:       {:>8.2} s  {:>8.0} files/s",
        bench.import.as_secs_f64(),
        bench.import_rate()
    )?;
    say!(
        "  Hark re-scan:      {:>8.2} s  (unchanged files: one stat each)",
        bench.rescan.as_secs_f64()
    )?;
    say!(
        "  ffprobe each file: {:>8.2} s  {:>8.0} files/s ({} in parallel)",
        bench.ffprobe.as_secs_f64(),
        bench.ffprobe_rate(),
        bench.ffprobe_workers
    )?;
    say!(
        "  Hark vs ffprobe:   {:>8.1}x; peak memory {:.0} MiB",
        bench.import_rate() / bench.ffprobe_rate().max(1e-9),
        bench.peak_rss_mib
    )?;
    Ok(())
}

fn seconds(ms: u64) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

fn spans(list: &[hark::analysis::Span]) -> String {
    list.iter()
        .map(|s| {
            format!(
                "{}-{}",
                format_duration(s.start_ms as i64),
                format_duration(s.end_ms as i64)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn print_metrics(path: &str, m: &hark::analysis::Metrics) -> std::io::Result<()> {
    let pct = |share: f64| format!("{:.1} %", share * 100.0);
    say!(
        "{path}\n  {} long, {} Hz, {}",
        format_duration(m.duration_ms as i64),
        m.sample_rate,
        if m.channels_analyzed == 2 {
            "agent left, customer right"
        } else {
            "mono: talk and silence only"
        }
    )?;
    match (m.agent_talk_ms, m.customer_talk_ms) {
        (Some(agent), Some(customer)) => say!(
            "  talk: agent {} ({}), customer {} ({}); silence {}",
            seconds(agent),
            pct(m.agent_talk_share.unwrap_or(0.0)),
            seconds(customer),
            pct(m.customer_talk_share.unwrap_or(0.0)),
            pct(m.silence_share)
        )?,
        _ => say!(
            "  talk: {} ({}); silence {}",
            seconds(m.talk_ms),
            pct(m.talk_share),
            pct(m.silence_share)
        )?,
    }
    say!(
        "  dead air (at least {}): {}, longest {}, average {}{}",
        seconds(m.dead_air_threshold_ms),
        m.dead_air_count,
        seconds(m.dead_air_longest_ms),
        seconds(m.dead_air_average_ms),
        match m.timeline.dead_air.is_empty() {
            true => String::new(),
            false => format!(": {}", spans(&m.timeline.dead_air)),
        }
    )?;
    if let (Some(count), Some(ms), Some(list)) =
        (m.overtalk_count, m.overtalk_ms, &m.timeline.overtalk)
    {
        let at = match list.is_empty() {
            true => String::new(),
            false => format!(": {}", spans(list)),
        };
        say!("  overtalk: {count}, {} in all{at}", seconds(ms))?;
    }
    if let (Some(agent), Some(customer)) = (
        m.agent_longest_monologue_ms,
        m.customer_longest_monologue_ms,
    ) {
        say!(
            "  longest monologue: agent {}, customer {}",
            seconds(agent),
            seconds(customer)
        )?;
    }
    let lufs = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.1} LUFS"));
    let sides = match m.channels_analyzed {
        2 => format!(
            " (agent {}, customer {})",
            lufs(m.agent_loudness_lufs),
            lufs(m.customer_loudness_lufs)
        ),
        _ => String::new(),
    };
    say!(
        "  loudness {}{sides}; clipping {:.3} % of samples",
        lufs(m.loudness_lufs),
        m.clipping_share * 100.0
    )?;
    Ok(())
}

/// On a terminal, one line rewritten in place; otherwise a line every few seconds, for logs.
pub fn print_analysis_progress(
    p: &hark::analysis::AnalysisProgress,
    terminal: bool,
    last_line: &mut Option<std::time::Instant>,
) -> std::io::Result<()> {
    let left = p
        .seconds_left
        .map(|s| format!(", {s:.0} s left"))
        .unwrap_or_default();
    let line = format!(
        "analysing: {} of {} recordings, {:.0}x real time{left}",
        p.done, p.total, p.speed
    );
    if terminal {
        eprint!("\r{line}      ");
        if p.done == p.total {
            eprintln!();
        }
    } else if p.done == p.total || last_line.is_none_or(|t| t.elapsed().as_secs() >= 5) {
        eprintln!("{line}");
        *last_line = Some(std::time::Instant::now());
    }
    Ok(())
}

pub fn print_analysis_report(report: &hark::analysis::AnalysisReport) -> std::io::Result<()> {
    say!(
        "Analysed {} of {} pending recordings ({} of audio) in {:.1} s ({:.0}x real time)",
        report.analyzed,
        report.pending,
        format_duration(report.audio_ms as i64),
        report.seconds,
        report.audio_ms as f64 / 1000.0 / report.seconds.max(1e-6)
    )?;
    if report.cancelled {
        say!("Stopped: the rest stay pending and the next run picks them up.")?;
    }
    if !report.failed.is_empty() {
        say!(
            "{} could not be analysed (they stay pending):",
            report.failed.len()
        )?;
        for problem in &report.failed {
            say!("  {}: {}", problem.path, problem.reason)?;
        }
    }
    Ok(())
}
