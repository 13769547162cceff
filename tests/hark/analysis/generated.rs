//! A test set of our own, made once per build folder: espeak-ng turns placed at known sample
//! positions on the agent (left) and customer (right) channels, with pauses, a ~6 s dead air,
//! a 2.8 s silence, two overlapping turns and a pink-noise floor, encoded as PCM WAV (48 and
//! 44.1 kHz), mu-law WAV (8 kHz, also with loud line noise) and MP3 (16 kHz), and as mono mixes
//! for the silencedetect test.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use hark::analysis::{AnalysisOptions, Span, analyze_file};

use super::accuracy::{self, Truth};

const RATE: usize = 16_000;
const LEAD_IN_MS: i64 = 1000;
const TAIL_MS: usize = 1000;
/// The noise floor, pink, per channel (RMS, dBFS).
const NOISE_DB: f64 = -58.0;

/// (side, gap after the previous turn ends in ms (negative: overtalk), text).
const SCRIPT: &[(char, i64, &str)] = &[
    (
        'A',
        LEAD_IN_MS,
        "Good morning, you are through to Northwind support. My name is Sam.",
    ),
    (
        'C',
        500,
        "Hi Sam. My router keeps dropping the connection every evening.",
    ),
    (
        'A',
        700,
        "I am sorry about that. Let me run a line test. It takes a few seconds.",
    ),
    (
        'A',
        6000,
        "Thank you for waiting. The line test found a fault at the cabinet.",
    ),
    (
        'C',
        -1500,
        "Is that why it keeps failing? This has been going on for weeks.",
    ),
    ('A', 400, "Yes. An engineer will fix it tomorrow morning."),
    ('C', 2800, "Okay, tomorrow works for me."),
    (
        'A',
        300,
        "Great. I have booked the visit and sent you a text message with the details. \
         Is there anything else I can help with today?",
    ),
    ('C', -1200, "No, that is everything, thank you very much."),
    ('A', 600, "Thank you for calling Northwind. Goodbye."),
];

/// A generated file and the truth it was made from.
#[derive(Debug, Clone)]
pub struct Generated {
    pub path: PathBuf,
    pub mono: bool,
}

fn run(command: &mut Command) {
    let output = command.output().expect("run generator tool");
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// One turn, spoken, band-limited like a headset, trimmed to its first and last sound (as the
/// demo script does, so the truth is tight) and normalised: 16 kHz mono samples.
fn speak(dir: &Path, index: usize, side: char, text: &str) -> Vec<f32> {
    let (voice, pitch, gain) = match side {
        'A' => ("en-us+m3", "45", "-3"),
        _ => ("en+f3", "60", "-6"),
    };
    let raw = dir.join(format!("turn{index}.wav"));
    let pcm = dir.join(format!("turn{index}.raw"));
    run(Command::new("espeak-ng")
        .args(["-v", voice, "-p", pitch, "-s", "165", "-w"])
        .arg(&raw)
        .arg(text));
    run(Command::new("sox")
        .args(["-R", "-V1"])
        .arg(&raw)
        .args([
            "-r",
            "16000",
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed-integer",
            "-t",
            "raw",
        ])
        .arg(&pcm)
        .args(["highpass", "120", "lowpass", "7000"])
        .args([
            "silence", "1", "0.01", "-50d", "reverse", "silence", "1", "0.01", "-50d",
        ])
        .args(["reverse", "gain", "-n", gain]));
    let bytes = std::fs::read(&pcm).expect("turn samples");
    bytes
        .chunks_exact(2)
        .map(|b| f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
        .collect()
}

/// Pink noise (Paul Kellet's filter over a xorshift generator): deterministic, scaled to RMS.
fn pink_noise(len: usize, seed: u64, rms_db: f64) -> Vec<f32> {
    let mut state = seed;
    let mut b = [0f64; 3];
    let raw: Vec<f64> = (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let white = (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0;
            b[0] = 0.99765 * b[0] + white * 0.0990460;
            b[1] = 0.96300 * b[1] + white * 0.2965164;
            b[2] = 0.57000 * b[2] + white * 1.0526913;
            b[0] + b[1] + b[2] + white * 0.1848
        })
        .collect();
    let rms = (raw.iter().map(|x| x * x).sum::<f64>() / len as f64).sqrt();
    let scale = 10f64.powf(rms_db / 20.0) / rms;
    raw.iter().map(|x| (x * scale) as f32).collect()
}

fn write_wav(path: &Path, left: &[f32], right: &[f32]) {
    let data_len = (left.len() * 4) as u32;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&(RATE as u32).to_le_bytes());
    out.extend_from_slice(&(RATE as u32 * 4).to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for (l, r) in left.iter().zip(right) {
        for x in [l, r] {
            let s = (x * 32767.0).round().clamp(-32768.0, 32767.0) as i16;
            out.extend_from_slice(&s.to_le_bytes());
        }
    }
    std::fs::write(path, out).expect("write master");
}

/// The master (16 kHz stereo PCM) and its truth.
fn make_master(dir: &Path) -> Truth {
    let mut placed = Vec::new();
    let mut prev_end: i64 = 0;
    for (index, &(side, gap, text)) in SCRIPT.iter().enumerate() {
        let samples = speak(dir, index, side, text);
        let start = if index == 0 { gap } else { prev_end + gap } * (RATE as i64 / 1000);
        let end = start + samples.len() as i64;
        prev_end = prev_end.max(end / (RATE as i64 / 1000));
        placed.push((side, start as usize, samples));
    }
    let total = (prev_end as usize + TAIL_MS) * (RATE / 1000);
    let mut left = pink_noise(total, 0x1234_5678_9abc, NOISE_DB);
    let mut right = pink_noise(total, 0x0fed_cba9_8765, NOISE_DB);
    let mut truth = Truth {
        name: "generated".into(),
        agent: Vec::new(),
        customer: Vec::new(),
    };
    for (side, start, samples) in &placed {
        let (channel, spans) = match side {
            'A' => (&mut left, &mut truth.agent),
            _ => (&mut right, &mut truth.customer),
        };
        for (i, x) in samples.iter().enumerate() {
            channel[start + i] += x;
        }
        let ms = |sample: usize| (sample * 1000 / RATE) as u64;
        spans.push(Span::new(ms(*start), ms(start + samples.len())));
    }
    write_wav(&dir.join("master.wav"), &left, &right);
    truth
}

const NOISY: &[&str] = &[
    "-filter_complex",
    "anoisesrc=c=white:a=0.01:r=16000:seed=7,aformat=channel_layouts=stereo[n];\
     [0][n]amix=inputs=2:duration=first:normalize=0[o]",
    "-map",
    "[o]",
    "-ar",
    "8000",
    "-c:a",
    "pcm_mulaw",
];

/// (name, ffmpeg output options, mono).
const ENCODINGS: &[(&str, &[&str], bool)] = &[
    ("pcm48.wav", &["-ar", "48000", "-c:a", "pcm_s16le"], false),
    ("pcm44.wav", &["-ar", "44100", "-c:a", "pcm_s16le"], false),
    ("mulaw8.wav", &["-ar", "8000", "-c:a", "pcm_mulaw"], false),
    (
        "mp3-16.mp3",
        &["-ar", "16000", "-c:a", "libmp3lame", "-b:a", "32k"],
        false,
    ),
    // A noisy line: white noise at about -45 dBFS RMS on both channels (~20 dB SNR).
    ("noisy-mulaw8.wav", NOISY, false),
    (
        "mono-mulaw8.wav",
        &["-ac", "1", "-ar", "8000", "-c:a", "pcm_mulaw"],
        true,
    ),
    (
        "mono-pcm44.wav",
        &["-ac", "1", "-ar", "44100", "-c:a", "pcm_s16le"],
        true,
    ),
    (
        "mono-mp3-16.mp3",
        &["-ac", "1", "-c:a", "libmp3lame", "-b:a", "24k"],
        true,
    ),
];

/// The set, made on first use and kept in the build's temporary folder.
pub fn set() -> &'static (Truth, Vec<Generated>) {
    static SET: OnceLock<(Truth, Vec<Generated>)> = OnceLock::new();
    SET.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("analysis-set-v1");
        std::fs::create_dir_all(&dir).expect("set dir");
        let truth_file = dir.join("truth.json");
        let truth = match std::fs::read_to_string(&truth_file) {
            Ok(text) => {
                let (agent, customer): (Vec<Span>, Vec<Span>) =
                    serde_json::from_str(&text).expect("cached truth");
                Truth {
                    name: "generated".into(),
                    agent,
                    customer,
                }
            }
            Err(_) => {
                let truth = make_master(&dir);
                let json = serde_json::to_string(&(&truth.agent, &truth.customer));
                std::fs::write(&truth_file, json.expect("truth json")).expect("write truth");
                truth
            }
        };
        let files = ENCODINGS
            .iter()
            .map(|&(name, args, mono)| {
                let path = dir.join(name);
                if !path.exists() {
                    let partial = dir.join(format!("partial-{name}"));
                    let format = if name.ends_with(".mp3") { "mp3" } else { "wav" };
                    run(Command::new("ffmpeg")
                        .args(["-v", "error", "-y", "-i"])
                        .arg(dir.join("master.wav"))
                        .args(args)
                        .args(["-fflags", "+bitexact", "-f", format])
                        .arg(&partial));
                    std::fs::rename(&partial, &path).expect("rename");
                }
                Generated { path, mono }
            })
            .collect();
        (truth, files)
    })
}

#[test]
fn generated_calls_match_their_truth() {
    let (truth, files) = set();
    let results: Vec<_> = files
        .iter()
        .filter(|f| !f.mono)
        .map(|file| {
            let metrics = analyze_file(&file.path, &AnalysisOptions::default()).expect("analyze");
            assert_eq!(metrics.channels_analyzed, 2);
            let name = file.path.file_name().expect("name").to_string_lossy();
            let truth = Truth {
                name: format!("generated {name}"),
                ..truth.clone()
            };
            let errors = accuracy::compare(&truth, &metrics);
            (truth, errors)
        })
        .collect();
    // The set has what it is meant to test: two silences over 2 s and two overtalks.
    assert_eq!((results[0].1.silences, results[0].1.overtalks), (2, 2));
    accuracy::assert_all(&results);
}
