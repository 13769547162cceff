//! Audio fixtures for every format Hark must read, made once per build folder with ffmpeg and
//! sox from espeak-ng speech (agent on the left channel, customer on the right).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A fixture: its file and how it was made.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub path: PathBuf,
    pub rate: u32,
    pub channels: u16,
    /// Decodes bit-exactly like ffmpeg (lossless and G.711).
    pub exact: bool,
    /// What the test expects Hark to call the codec.
    pub codec: &'static str,
}

struct Spec {
    name: &'static str,
    codec: &'static str,
    exact: bool,
    /// ffmpeg output options (after `-ar RATE -ac CH`).
    args: &'static [&'static str],
    extension: &'static str,
}

/// AAC is encoded without perceptual noise substitution: PNS bands are filled with random noise
/// by each decoder, so no two decoders agree on them and the comparison would measure nothing.
const SPECS: &[Spec] = &[
    Spec {
        name: "u8",
        codec: "pcm_u8",
        exact: true,
        args: &["-c:a", "pcm_u8"],
        extension: "wav",
    },
    Spec {
        name: "s16",
        codec: "pcm_s16le",
        exact: true,
        args: &["-c:a", "pcm_s16le"],
        extension: "wav",
    },
    Spec {
        name: "s24",
        codec: "pcm_s24le",
        exact: true,
        args: &["-c:a", "pcm_s24le"],
        extension: "wav",
    },
    Spec {
        name: "s32",
        codec: "pcm_s32le",
        exact: true,
        args: &["-c:a", "pcm_s32le"],
        extension: "wav",
    },
    Spec {
        name: "f32",
        codec: "pcm_f32le",
        exact: true,
        args: &["-c:a", "pcm_f32le"],
        extension: "wav",
    },
    Spec {
        name: "rf64",
        codec: "pcm_s16le",
        exact: true,
        args: &["-c:a", "pcm_s16le", "-rf64", "always"],
        extension: "wav",
    },
    Spec {
        name: "mulaw",
        codec: "pcm_mulaw",
        exact: true,
        args: &["-c:a", "pcm_mulaw"],
        extension: "wav",
    },
    Spec {
        name: "alaw",
        codec: "pcm_alaw",
        exact: true,
        args: &["-c:a", "pcm_alaw"],
        extension: "wav",
    },
    Spec {
        name: "ima",
        codec: "adpcm_ima_wav",
        exact: true,
        args: &["-c:a", "adpcm_ima_wav"],
        extension: "wav",
    },
    Spec {
        name: "msadpcm",
        codec: "adpcm_ms",
        exact: true,
        args: &["-c:a", "adpcm_ms"],
        extension: "wav",
    },
    Spec {
        name: "mp3cbr",
        codec: "mp3",
        exact: false,
        args: &["-c:a", "libmp3lame", "-b:a", "32k"],
        extension: "mp3",
    },
    Spec {
        name: "mp3vbr",
        codec: "mp3",
        exact: false,
        args: &["-c:a", "libmp3lame", "-q:a", "4"],
        extension: "mp3",
    },
    Spec {
        name: "mp3noxing",
        codec: "mp3",
        exact: false,
        args: &["-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0"],
        extension: "mp3",
    },
    // GSM 6.10 in WAV ("WAV49", as Asterisk writes it) is 8 kHz mono only.
    Spec {
        name: "gsm",
        codec: "gsm_ms",
        exact: true,
        args: &["-c:a", "libgsm_ms"],
        extension: "wav",
    },
    Spec {
        name: "flac",
        codec: "flac",
        exact: true,
        args: &["-c:a", "flac"],
        extension: "flac",
    },
    Spec {
        name: "vorbis",
        codec: "vorbis",
        exact: false,
        args: &["-c:a", "libvorbis", "-q:a", "4"],
        extension: "ogg",
    },
    Spec {
        name: "opus",
        codec: "opus",
        exact: false,
        args: &["-c:a", "libopus", "-b:a", "32k"],
        extension: "opus",
    },
    Spec {
        name: "aac",
        codec: "aac",
        exact: false,
        args: &["-c:a", "aac", "-b:a", "48k", "-aac_pns", "0"],
        extension: "m4a",
    },
];

const LAYOUTS: &[(u32, u16)] = &[(8000, 1), (8000, 2), (16000, 2), (44100, 1), (48000, 2)];

fn run(command: &mut Command) {
    let output = command.output().expect("run fixture tool");
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The speech source: two espeak-ng voices, 12 s, with a pause, at 48 kHz stereo.
fn make_source(dir: &Path) -> PathBuf {
    let agent = dir.join("agent.wav");
    let customer = dir.join("customer.wav");
    run(Command::new("espeak-ng")
        .args(["-v", "en+m3", "-s", "160", "-w"])
        .arg(&agent)
        .arg(
            "Thank you for calling. My name is Emma. How can I help you with your account today?",
        ));
    run(Command::new("espeak-ng").args(["-v", "en+f2", "-s", "170", "-w"]).arg(&customer).arg(
        "Hello, I was charged twice for my internet this month and I would like a refund please.",
    ));
    let source = dir.join("source.wav");
    run(Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-i"])
        .arg(&agent)
        .arg("-i")
        .arg(&customer)
        .args([
            "-filter_complex",
            "[0]apad=whole_dur=12,aresample=48000[a];[1]adelay=3500,apad=whole_dur=12,aresample=48000[c];\
             [a][c]join=inputs=2:channel_layout=stereo[j]",
            "-map",
            "[j]",
            "-c:a",
            "pcm_s16le",
        ])
        .arg(&source));
    source
}

/// Every fixture, made on first use and kept in the build's temporary folder.
pub fn all() -> &'static [Fixture] {
    static FIXTURES: OnceLock<Vec<Fixture>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("audio-fixtures-v2");
        std::fs::create_dir_all(&dir).expect("fixture dir");
        let source = dir.join("source.wav");
        let source = if source.exists() {
            source
        } else {
            make_source(&dir)
        };
        let mut fixtures = Vec::new();
        for spec in SPECS {
            for &(rate, channels) in LAYOUTS {
                // Opus has no 44.1 kHz; libopus resamples and Ogg Opus always decodes at 48 kHz.
                // GSM 6.10 is 8 kHz mono by definition.
                let (rate, channels) = match spec.name {
                    "opus" => (48000, channels),
                    "gsm" => (8000, 1),
                    _ => (rate, channels),
                };
                let path = dir.join(format!(
                    "{}-{rate}-{channels}.{}",
                    spec.name, spec.extension
                ));
                if !path.exists() {
                    let partial = dir.join(format!(
                        "partial-{}",
                        path.file_name().and_then(|n| n.to_str()).unwrap_or("x")
                    ));
                    run(Command::new("ffmpeg")
                        .args(["-v", "error", "-y", "-i"])
                        .arg(&source)
                        .args(["-ar", &rate.to_string(), "-ac", &channels.to_string()])
                        .args(spec.args)
                        .args(["-f", format_name(spec.extension)])
                        .arg(&partial));
                    std::fs::rename(&partial, &path).expect("rename fixture");
                }
                fixtures.push(Fixture {
                    path,
                    rate,
                    channels,
                    exact: spec.exact,
                    codec: spec.codec,
                });
            }
        }
        fixtures.dedup_by(|a, b| a.path == b.path);
        fixtures
    })
}

fn format_name(extension: &str) -> &'static str {
    match extension {
        "wav" => "wav",
        "mp3" => "mp3",
        "flac" => "flac",
        "ogg" => "ogg",
        "opus" => "opus",
        _ => "ipod",
    }
}
