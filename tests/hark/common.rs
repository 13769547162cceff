//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use hark::session;
use hark::store::Db;
use hark::store::users::{Role, User};

/// A migrated database in a fresh temporary folder, and an admin profile to act as.
pub struct TestDb {
    /// Kept so the folder lives as long as the database.
    pub _dir: tempfile::TempDir,
    pub db: Db,
    pub admin: User,
}

impl TestDb {
    pub fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut db = Db::open(&dir.path().join("hark.db")).expect("open database");
        let admin =
            session::create_user(&mut db, None, "Test Admin", Role::Admin).expect("profile");
        TestDb {
            _dir: dir,
            db,
            admin,
        }
    }

    pub fn path(&self) -> PathBuf {
        self.db.path().to_path_buf()
    }
}

pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

/// The `hark` binary Cargo built for these tests.
pub fn hark() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hark"));
    command.env_remove("HARK_DB").env_remove("HARK_USER");
    command
}

/// Runs a command and returns its standard output, failing the test on a non-zero exit.
pub fn run_ok(command: &mut Command) -> String {
    let output = command.output().expect("run command");
    assert!(
        output.status.success(),
        "{command:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// What ffprobe reports as a file's duration, in milliseconds.
pub fn ffprobe_duration_ms(path: &Path) -> f64 {
    let out = run_ok(
        Command::new("ffprobe")
            .args([
                "-v",
                "error",
                "-show_entries",
                "format=duration",
                "-of",
                "csv=p=0",
            ])
            .arg(path),
    );
    out.trim().parse::<f64>().expect("ffprobe duration") * 1000.0
}

/// How many sample frames ffmpeg decodes from a file (its playable length, gapless-trimmed).
pub fn ffmpeg_decoded_frames(path: &Path) -> u64 {
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-i"])
        .arg(path)
        .args(["-f", "s16le", "-ac", "1", "-"])
        .output()
        .expect("run ffmpeg");
    assert!(
        output.status.success(),
        "ffmpeg failed on {}",
        path.display()
    );
    output.stdout.len() as u64 / 2
}
