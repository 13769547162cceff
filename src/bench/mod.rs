//! Benchmarks run side by side with the reference tools (ffmpeg, ffprobe), reported as ratios.
//! Used by `hark bench`; figures go to docs/BENCHMARKS.md. Not tests: nothing here asserts.

pub mod play;
pub mod sampling;
pub mod waveform;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::audio;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{tool} failed: {detail}")]
    Tool { tool: String, detail: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Audio(#[from] audio::AudioError),
}

/// One format's figures: Hark's time, the reference's time, and how many times faster Hark is.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub name: String,
    pub hark: Duration,
    pub reference: Duration,
}

impl Comparison {
    /// Reference time over Hark's: above 1 means Hark is faster.
    pub fn speedup(&self) -> f64 {
        self.reference.as_secs_f64() / self.hark.as_secs_f64().max(1e-9)
    }
}

fn run_tool(command: &mut Command) -> Result<(), BenchError> {
    let output = command.output().map_err(|e| BenchError::Tool {
        tool: format!("{command:?}"),
        detail: e.to_string(),
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BenchError::Tool {
            tool: format!("{command:?}"),
            detail: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }
}

/// A minute of two-channel speech (agent left, customer right) made with espeak-ng and ffmpeg.
fn speech_minute(dir: &Path) -> Result<PathBuf, BenchError> {
    let out = dir.join("minute.wav");
    if out.exists() {
        return Ok(out);
    }
    let agent = dir.join("agent.wav");
    let customer = dir.join("customer.wav");
    run_tool(Command::new("espeak-ng").args(["-v", "en+m3", "-w"]).arg(&agent).arg(
        "Thank you for calling, this is Emma. I can see your account here. The charge on the \
         fourth was a duplicate and I have reversed it. Is there anything else I can help with?",
    ))?;
    run_tool(Command::new("espeak-ng").args(["-v", "en+f2", "-w"]).arg(&customer).arg(
        "Hi, I was billed twice this month for the same plan, and I would like to understand \
         why. Also my internet keeps dropping in the evening.",
    ))?;
    run_tool(
        Command::new("ffmpeg")
            .args(["-v", "error", "-y", "-i"])
            .arg(&agent)
            .arg("-i")
            .arg(&customer)
            .args([
                "-filter_complex",
                "[0]apad=whole_dur=30,aloop=loop=1:size=2000000[a];\
                 [1]adelay=8000,apad=whole_dur=30,aloop=loop=1:size=2000000[c];\
                 [a][c]join=inputs=2:channel_layout=stereo,atrim=0:60,aresample=8000[j]",
                "-map",
                "[j]",
                "-c:a",
                "pcm_s16le",
            ])
            .arg(&out),
    )?;
    Ok(out)
}

/// The formats the decode benchmark covers: name, extension, ffmpeg encoder arguments.
const DECODE_FORMATS: [(&str, &str, &[&str]); 4] = [
    ("PCM WAV", "wav", &["-c:a", "pcm_s16le"]),
    ("mu-law WAV", "mulaw.wav", &["-c:a", "pcm_mulaw"]),
    ("MP3", "mp3", &["-c:a", "libmp3lame", "-b:a", "32k"]),
    ("Opus", "opus", &["-c:a", "libopus", "-b:a", "24k"]),
];

/// Makes `minutes`-long two-channel 8 kHz calls in each format (kept in `dir` for reruns).
pub fn make_long_calls(dir: &Path, minutes: u32) -> Result<Vec<(String, PathBuf)>, BenchError> {
    std::fs::create_dir_all(dir).map_err(|source| BenchError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let minute = speech_minute(dir)?;
    let mut calls = Vec::new();
    for (name, extension, args) in DECODE_FORMATS {
        let path = dir.join(format!("call-{minutes}min.{extension}"));
        if !path.exists() {
            run_tool(
                Command::new("ffmpeg")
                    .args(["-v", "error", "-y", "-stream_loop", "-1", "-i"])
                    .arg(&minute)
                    .args(["-t", &(u64::from(minutes) * 60).to_string()])
                    .args(args)
                    .arg(&path),
            )?;
        }
        calls.push((name.to_owned(), path));
    }
    Ok(calls)
}

/// Decodes the whole file; returns the sample count so the work cannot be optimised away.
pub fn decode_whole(path: &Path) -> Result<u64, BenchError> {
    let mut decoder = audio::open(path)?;
    let mut samples = 0u64;
    let mut checksum = 0f32;
    while let Some(chunk) = decoder.read()? {
        samples += chunk.len() as u64;
        checksum += chunk.first().copied().unwrap_or(0.0);
    }
    std::hint::black_box(checksum);
    Ok(samples)
}

/// The best of `runs` timings of `work`.
fn best_of<T>(
    runs: u32,
    mut work: impl FnMut() -> Result<T, BenchError>,
) -> Result<Duration, BenchError> {
    let mut best = Duration::MAX;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        std::hint::black_box(work()?);
        best = best.min(start.elapsed());
    }
    Ok(best)
}

/// Hark's full decode of each long call beside `ffmpeg -i FILE -f null -`.
pub fn decode(dir: &Path, minutes: u32, runs: u32) -> Result<Vec<Comparison>, BenchError> {
    let mut rows = Vec::new();
    for (name, path) in make_long_calls(dir, minutes)? {
        let hark = best_of(runs, || decode_whole(&path))?;
        let reference = best_of(runs, || {
            run_tool(
                Command::new("ffmpeg")
                    .args(["-v", "error", "-threads", "1", "-i"])
                    .arg(&path)
                    .args(["-f", "null", "-"]),
            )
        })?;
        rows.push(Comparison {
            name,
            hark,
            reference,
        });
    }
    Ok(rows)
}

/// Probe rate: `count` short WAV and MP3 (with Xing header) files probed by Hark in process,
/// beside ffprobe run on each of the same files. Returns files per second for each.
pub fn probe(dir: &Path, count: usize) -> Result<Vec<(String, f64, f64)>, BenchError> {
    let minute = speech_minute(dir)?;
    let mut rows = Vec::new();
    for (name, extension, args) in [
        ("WAV", "wav", &["-c:a", "pcm_s16le"][..]),
        (
            "MP3 (Xing)",
            "mp3",
            &["-c:a", "libmp3lame", "-b:a", "32k"][..],
        ),
    ] {
        let folder = dir.join(format!("probe-{extension}-{count}"));
        let sample = dir.join(format!("probe-sample.{extension}"));
        if !sample.exists() {
            run_tool(
                Command::new("ffmpeg")
                    .args(["-v", "error", "-y", "-i"])
                    .arg(&minute)
                    .args(["-t", "20"])
                    .args(args)
                    .arg(&sample),
            )?;
        }
        let io = |path: &Path, source| BenchError::Io {
            path: path.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
        let files: Vec<PathBuf> = (0..count)
            .map(|n| folder.join(format!("call-{n:06}.{extension}")))
            .collect();
        for file in &files {
            if !file.exists() {
                std::fs::copy(&sample, file).map_err(|e| io(file, e))?;
            }
        }
        let hark = best_of(3, || {
            for file in &files {
                std::hint::black_box(audio::probe(file)?);
            }
            Ok(())
        })?;
        // ffprobe is a process per file: time a slice of the files and take its rate.
        let slice = &files[..files.len().min(200)];
        let reference = best_of(1, || {
            for file in slice {
                run_tool(
                    Command::new("ffprobe")
                        .args([
                            "-v",
                            "error",
                            "-show_entries",
                            "format=duration",
                            "-of",
                            "csv=p=0",
                        ])
                        .arg(file),
                )?;
            }
            Ok(())
        })?;
        rows.push((
            name.to_owned(),
            files.len() as f64 / hark.as_secs_f64().max(1e-9),
            slice.len() as f64 / reference.as_secs_f64().max(1e-9),
        ));
    }
    Ok(rows)
}

/// Import figures: the first import of a generated folder, an unchanged re-scan, and ffprobe
/// run on every file of the same folder.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportBench {
    pub files: usize,
    pub import: Duration,
    pub rescan: Duration,
    pub ffprobe: Duration,
    pub ffprobe_workers: usize,
    /// Peak resident memory of this process (VmHWM), in MiB.
    pub peak_rss_mib: f64,
}

impl ImportBench {
    pub fn import_rate(&self) -> f64 {
        self.files as f64 / self.import.as_secs_f64().max(1e-9)
    }

    pub fn ffprobe_rate(&self) -> f64 {
        self.files as f64 / self.ffprobe.as_secs_f64().max(1e-9)
    }
}

/// A folder of `count` recordings, half WAV and half MP3, copied from 40 distinct calls of 5 to
/// 25 s into nested date folders with Asterisk names (kept in `dir` for reruns).
pub fn make_import_folder(dir: &Path, count: usize) -> Result<PathBuf, BenchError> {
    let io = |path: &Path, source| BenchError::Io {
        path: path.to_path_buf(),
        source,
    };
    let minute = speech_minute(dir)?;
    let seeds_dir = dir.join("import-seeds");
    std::fs::create_dir_all(&seeds_dir).map_err(|e| io(&seeds_dir, e))?;
    let mut seeds = Vec::new();
    for n in 0..40u32 {
        let mp3 = n % 2 == 1;
        let seed = seeds_dir.join(format!("seed-{n}.{}", if mp3 { "mp3" } else { "wav" }));
        if !seed.exists() {
            let codec: &[&str] = if mp3 {
                &["-c:a", "libmp3lame", "-b:a", "32k"]
            } else {
                &["-c:a", "pcm_s16le"]
            };
            run_tool(
                Command::new("ffmpeg")
                    .args(["-v", "error", "-y", "-ss", &(n % 30).to_string(), "-i"])
                    .arg(&minute)
                    .args(["-t", &(5 + n % 21).to_string()])
                    .args(codec)
                    .arg(&seed),
            )?;
        }
        seeds.push(seed);
    }
    let folder = dir.join(format!("import-{count}"));
    for n in 0..count {
        let seed = &seeds[n % seeds.len()];
        let extension = seed.extension().and_then(|e| e.to_str()).unwrap_or("wav");
        let day = 1 + n % 28;
        let path = folder.join(format!(
            "2026/10/{day:02}/in-44{:02}-55555{n:05}-202610{day:02}-{:02}{:02}00-17{n:08}.{n}.{extension}",
            n % 50,
            8 + n % 10,
            n % 60
        ));
        if !path.exists() {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
            }
            std::fs::copy(seed, &path).map_err(|e| io(&path, e))?;
        }
    }
    Ok(folder)
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib / 1024.0)
        })
        .unwrap_or(0.0)
}

/// Imports the folder into a fresh database in `dir`, re-scans it unchanged, and runs ffprobe
/// on every file with as many workers as Hark has cores.
pub fn import(dir: &Path, count: usize) -> Result<ImportBench, BenchError> {
    use std::sync::atomic::AtomicBool;

    let folder = make_import_folder(dir, count)?;
    let db_path = dir.join(format!("import-bench-{count}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
    }
    let store_error = |e: crate::store::StoreError| BenchError::Tool {
        tool: "hark store".into(),
        detail: e.to_string(),
    };
    let mut db = crate::store::Db::open(&db_path).map_err(store_error)?;
    let actor =
        crate::session::create_user(&mut db, None, "bench", crate::store::users::Role::Admin)
            .map_err(store_error)?;
    let options = crate::import::ImportOptions {
        roots: vec![folder.clone()],
        ..crate::import::ImportOptions::default()
    };
    let cancel = AtomicBool::new(false);
    let import_error = |e: crate::import::ImportError| BenchError::Tool {
        tool: "hark import".into(),
        detail: e.to_string(),
    };
    let started = Instant::now();
    crate::import::run(&mut db, &actor, &options, &mut |_| {}, &cancel).map_err(import_error)?;
    let import = started.elapsed();
    let started = Instant::now();
    crate::import::run(&mut db, &actor, &options, &mut |_| {}, &cancel).map_err(import_error)?;
    let rescan = started.elapsed();
    let peak_rss_mib = peak_rss_mib();

    let files: Vec<PathBuf> = walkdir::WalkDir::new(&folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), BenchError> {
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(index) else {
                            return Ok(());
                        };
                        run_tool(
                            Command::new("ffprobe")
                                .args(["-v", "error", "-show_entries", "format=duration"])
                                .arg(file),
                        )?;
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Ok(())))
            .collect::<Result<Vec<()>, BenchError>>()
    })?;
    let ffprobe = started.elapsed();
    Ok(ImportBench {
        files: files.len(),
        import,
        rescan,
        ffprobe,
        ffprobe_workers: workers,
        peak_rss_mib,
    })
}
