//! Finding recordings under the folders given: recursive, hidden entries skipped, symlinks
//! followed but never round a loop, non-audio files counted and passed over by extension.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

/// Extensions Hark reads as recordings (compared case-insensitively).
pub const AUDIO_EXTENSIONS: [&str; 9] = [
    "wav", "wave", "mp3", "flac", "ogg", "oga", "opus", "m4a", "mp4",
];

/// A candidate recording: where it is and what one stat said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// The path below the import root, `/`-separated, for file-name patterns.
    pub relative: String,
    pub size: u64,
    pub mtime_ns: i64,
}

/// Something met on the walk that is not a recording, with why it was passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassedOver {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Walked {
    pub found: Vec<Found>,
    /// Files whose extension is not audio (documents, CDR exports next to the audio, ...).
    pub not_audio: u64,
    /// Unreadable folders, symlink loops and the like.
    pub passed_over: Vec<PassedOver>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

pub fn is_audio_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| AUDIO_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

pub fn walk(root: &Path, into: &mut Walked) {
    if root.is_file() {
        let parent = root.parent().unwrap_or(Path::new(""));
        push_file(root, parent, root.metadata().ok(), into);
        return;
    }
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                push_file(entry.path(), root, entry.metadata().ok(), into);
            }
            Ok(_) => {}
            Err(error) => {
                let path = error
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let reason = if error.loop_ancestor().is_some() {
                    "a symbolic link that loops back to a folder above it: not followed".to_owned()
                } else {
                    error
                        .io_error()
                        .map(|e| format!("cannot read: {e}"))
                        .unwrap_or_else(|| error.to_string())
                };
                into.passed_over.push(PassedOver { path, reason });
            }
        }
    }
}

fn push_file(path: &Path, root: &Path, metadata: Option<std::fs::Metadata>, into: &mut Walked) {
    if !is_audio_name(path) {
        into.not_audio += 1;
        return;
    }
    let (size, mtime_ns) = metadata
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
                .unwrap_or(0);
            (m.len(), mtime)
        })
        .unwrap_or((0, 0));
    let relative = path
        .strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    into.found.push(Found {
        path: path.to_path_buf(),
        relative,
        size,
        mtime_ns,
    });
}
