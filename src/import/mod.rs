//! Importing recordings: walk folders, read each new or changed file (probe and content hash,
//! in parallel, read-only), take call metadata from file names and call records, and keep the
//! library in step on re-scans: an unchanged file costs one stat, a moved file keeps its
//! history, a deleted one is marked missing, never dropped. Bad files are listed with why.

pub mod cdr;
pub mod join;
pub mod pattern;
mod read;
mod walk;
mod write;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::{Local, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::recordings::{self, CallFacts, CallStart, Known, RecordingStatus};
use crate::store::users::User;
use crate::store::{Db, StoreError, audit_log, import_settings};

pub use walk::{AUDIO_EXTENSIONS, is_audio_name};

use read::read_in_parallel;
use write::Writer;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}: no such file or folder")]
    NoSuchPath(PathBuf),
    #[error(transparent)]
    Cdr(#[from] cdr::CdrError),
    #[error(transparent)]
    Pattern(#[from] pattern::PatternError),
    #[error("{0}")]
    BadOption(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Where call records come from and how to read them.
#[derive(Debug, Clone)]
pub struct CdrInput {
    pub path: PathBuf,
    pub format: cdr::CdrFormat,
    /// The name the column mapping is saved under (default: the file's name).
    pub source: String,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub roots: Vec<PathBuf>,
    pub vendor: Option<String>,
    pub team: Option<String>,
    /// File-name pattern; `None` is [`pattern::automatic`]: Asterisk's names, then any date
    /// and time in the name.
    pub pattern: Option<pattern::Pattern>,
    pub cdr: Option<CdrInput>,
    /// The recorder's UTC offset for local times in names and CDRs; `None`: this computer's.
    pub utc_offset_min: Option<i32>,
    /// Reader threads; 0 means one per core.
    pub threads: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportPhase {
    Scanning,
    Reading,
    CallRecords,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub phase: ImportPhase,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    pub files_per_second: f64,
    pub seconds_left: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    #[ts(type = "number")]
    pub files_seen: u64,
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub moved: u64,
    #[ts(type = "number")]
    pub missing: u64,
    /// Files passed over because their extension is not audio.
    #[ts(type = "number")]
    pub not_audio: u64,
    /// Audio files that could not be read, each with the reason (also in the Library).
    pub problems: Vec<Problem>,
    /// Folders that could not be read, symlink loops.
    pub passed_over: Vec<Problem>,
    pub cdr: Option<join::CdrReport>,
    pub seconds: f64,
    pub files_per_second: f64,
    pub cancelled: bool,
}

pub fn run(
    db: &mut Db,
    actor: &User,
    options: &ImportOptions,
    progress: &mut dyn FnMut(&ImportProgress),
    cancel: &AtomicBool,
) -> Result<ImportReport, ImportError> {
    let started = Instant::now();
    let mut report = ImportReport::default();
    let pattern = match &options.pattern {
        Some(pattern) => vec![pattern.clone()],
        None => vec![pattern::automatic()?],
    };

    progress(&ImportProgress {
        phase: ImportPhase::Scanning,
        done: 0,
        total: 0,
        files_per_second: 0.0,
        seconds_left: None,
    });
    let mut walked = walk::Walked::default();
    let mut roots = Vec::new();
    for root in &options.roots {
        let root = root
            .canonicalize()
            .map_err(|_| ImportError::NoSuchPath(root.clone()))?;
        walk::walk(&root, &mut walked);
        roots.push(root);
    }
    report.files_seen = walked.found.len() as u64;
    report.not_audio = walked.not_audio;
    report.passed_over = walked
        .passed_over
        .iter()
        .map(|p| Problem {
            path: p.path.to_string_lossy().into_owned(),
            reason: p.reason.clone(),
        })
        .collect();

    let known = recordings::index_by_path(db.conn())?;
    let seen: HashSet<String> = walked
        .found
        .iter()
        .map(|f| f.path.to_string_lossy().into_owned())
        .collect();
    // Rows whose file is gone from where the library had it: candidates for a move.
    let mut gone_by_hash: HashMap<String, (i64, String)> = HashMap::new();
    for (path, row) in &known {
        if !seen.contains(path)
            && let Some(hash) = &row.content_hash
            && !Path::new(path).exists()
        {
            gone_by_hash.insert(hash.clone(), (row.id, path.clone()));
        }
    }

    let mut to_read = Vec::new();
    for (index, found) in walked.found.iter().enumerate() {
        let path = found.path.to_string_lossy();
        match known.get(path.as_ref()) {
            Some(row) if unchanged(row, found) => report.unchanged += 1,
            _ => to_read.push(index),
        }
    }

    let total = to_read.len() as u64;
    let mut moved_ids = HashSet::new();
    let mut writer = Writer {
        db,
        actor,
        options,
        pattern: &pattern,
        known: &known,
        gone_by_hash: &mut gone_by_hash,
        moved_ids: &mut moved_ids,
        report: &mut report,
    };
    read_in_parallel(
        &walked.found,
        &to_read,
        options.threads,
        cancel,
        |batch, done| {
            writer.write(&walked.found, batch)?;
            let elapsed = started.elapsed().as_secs_f64().max(1e-6);
            let rate = done as f64 / elapsed;
            progress(&ImportProgress {
                phase: ImportPhase::Reading,
                done,
                total,
                files_per_second: rate,
                seconds_left: (rate > 0.0).then(|| (total - done) as f64 / rate),
            });
            Ok(())
        },
    )?;
    report.cancelled = cancel.load(Ordering::Relaxed);

    if !report.cancelled {
        mark_missing(db, &roots, &known, &seen, &moved_ids, &mut report)?;
        if let Some(input) = &options.cdr {
            progress(&ImportProgress {
                phase: ImportPhase::CallRecords,
                done: total,
                total,
                files_per_second: 0.0,
                seconds_left: None,
            });
            report.cdr = Some(apply_call_records(db, input, options, &walked.found)?);
        }
    }

    report.seconds = started.elapsed().as_secs_f64();
    report.files_per_second = report.files_seen as f64 / report.seconds.max(1e-6);
    let summary = serde_json::json!({
        "roots": roots.iter().map(|r| r.to_string_lossy()).collect::<Vec<_>>(),
        "seen": report.files_seen, "added": report.added, "updated": report.updated,
        "unchanged": report.unchanged, "moved": report.moved, "missing": report.missing,
        "problems": report.problems.len(), "cancelled": report.cancelled,
    });
    db.write(|tx| audit_log::append(tx, actor, "import.run", "library", &summary))?;
    progress(&ImportProgress {
        phase: ImportPhase::Done,
        done: total,
        total,
        files_per_second: report.files_per_second,
        seconds_left: Some(0.0),
    });
    Ok(report)
}

/// A saved pattern by name, else a built-in name or an inline template.
pub fn resolve_pattern(
    conn: &rusqlite::Connection,
    text: &str,
) -> Result<pattern::Pattern, ImportError> {
    if let Some(template) = import_settings::pattern(conn, text)? {
        return Ok(pattern::Pattern::from_template(text, &template)?);
    }
    Ok(pattern::Pattern::named_or_template(text)?)
}

/// How to read a CDR file: `asterisk` (Master.csv, no header), `csv` (a header row), or
/// `auto`: a file named Master.csv is Asterisk's, anything else a CSV with a header.
pub fn cdr_input(path: &Path, format: &str) -> Result<CdrInput, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = match format {
        "asterisk" => cdr::CdrFormat::AsteriskMaster,
        "csv" => cdr::CdrFormat::Mapped(None),
        "auto" if name.eq_ignore_ascii_case("Master.csv") => cdr::CdrFormat::AsteriskMaster,
        "auto" => cdr::CdrFormat::Mapped(None),
        other => {
            return Err(ImportError::BadOption(format!(
                "CDR format {other:?}: expected asterisk, csv or auto"
            )));
        }
    };
    Ok(CdrInput {
        path: path.to_path_buf(),
        format,
        source: name,
    })
}

/// An import as the desktop app asks for one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    pub paths: Vec<String>,
    pub vendor: Option<String>,
    pub team: Option<String>,
    /// A built-in or saved pattern name, or a template; `None` for the defaults.
    pub pattern: Option<String>,
    /// A CDR file to join (format detected as for `hark import --cdr`).
    pub cdr: Option<String>,
}

impl ImportRequest {
    pub fn to_options(&self, conn: &rusqlite::Connection) -> Result<ImportOptions, ImportError> {
        let text = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Ok(ImportOptions {
            roots: self.paths.iter().map(PathBuf::from).collect(),
            vendor: text(&self.vendor),
            team: text(&self.team),
            pattern: text(&self.pattern)
                .map(|p| resolve_pattern(conn, &p))
                .transpose()?,
            cdr: text(&self.cdr)
                .map(|c| cdr_input(Path::new(&c), "auto"))
                .transpose()?,
            utc_offset_min: None,
            threads: 0,
        })
    }
}

/// Same size and modification time: the file is taken as unchanged without reading it.
fn unchanged(row: &Known, found: &walk::Found) -> bool {
    row.size_bytes == found.size
        && row.mtime_ns == found.mtime_ns
        && row.status == RecordingStatus::Ok
}

/// Metadata from the file's name and folders and the import's options.
fn call_facts(
    file: &walk::Found,
    patterns: &[pattern::Pattern],
    options: &ImportOptions,
) -> CallFacts {
    let extracted = patterns
        .iter()
        .find_map(|p| p.extract(&file.relative))
        .unwrap_or_default();
    let call_start = extracted.local_start().and_then(|naive| {
        let offset = match options.utc_offset_min {
            Some(minutes) => chrono::FixedOffset::east_opt(minutes * 60)?,
            None => *Local.from_local_datetime(&naive).earliest()?.offset(),
        };
        let time = naive.and_local_timezone(offset).single()?;
        Some(CallStart::from_datetime(time))
    });
    CallFacts {
        call_start,
        direction: extracted.direction,
        agent: extracted.agent,
        team: options.team.clone(),
        vendor: options.vendor.clone(),
        queue: extracted.queue,
        disposition: None,
        caller_number: extracted.caller,
        callee_number: extracted.callee,
        external_call_id: extracted.unique_id,
    }
}

/// Rows under the imported folders whose files were not found are marked missing (their
/// reviews and history stay).
fn mark_missing(
    db: &mut Db,
    roots: &[PathBuf],
    known: &HashMap<String, Known>,
    seen: &HashSet<String>,
    moved: &HashSet<i64>,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let gone: Vec<i64> = known
        .iter()
        .filter(|(path, row)| {
            row.status != RecordingStatus::Missing
                && !seen.contains(*path)
                && !moved.contains(&row.id)
                && roots.iter().any(|root| Path::new(path).starts_with(root))
        })
        .map(|(_, row)| row.id)
        .collect();
    report.missing = gone.len() as u64;
    db.write(|tx| {
        for id in &gone {
            recordings::mark_missing(tx, *id)?;
        }
        Ok::<_, ImportError>(())
    })
}

fn apply_call_records(
    db: &mut Db,
    input: &CdrInput,
    options: &ImportOptions,
    found: &[walk::Found],
) -> Result<join::CdrReport, ImportError> {
    let offset = options
        .utc_offset_min
        .unwrap_or_else(|| Local::now().offset().local_minus_utc() / 60);
    let format = match &input.format {
        cdr::CdrFormat::Mapped(None) => {
            let saved = import_settings::mapping(db.conn(), &input.source)?
                .and_then(|json| serde_json::from_str::<cdr::ColumnMapping>(&json).ok())
                .map(Box::new);
            cdr::CdrFormat::Mapped(saved)
        }
        other => other.clone(),
    };
    let (rows, mapping) = cdr::read(&input.path, &format, offset)?;
    let mut scope = Vec::new();
    for file in found {
        let path = file.path.to_string_lossy().into_owned();
        if let Some(id) = recordings::id_by_path(db.conn(), &path)? {
            scope.push(join::InScope {
                id,
                facts: recordings::call_facts(db.conn(), id)?,
                path,
            });
        }
    }
    let (pairs, report) = join::join(&input.path.to_string_lossy(), &rows, &scope);
    db.write(|tx| {
        for (id, facts) in &pairs {
            recordings::fill_call_facts(tx, *id, facts)?;
        }
        if let Some(mapping) = &mapping
            && let Ok(json) = serde_json::to_string(mapping)
        {
            import_settings::save_mapping(tx, &input.source, &json)?;
        }
        Ok::<_, ImportError>(())
    })?;
    Ok(report)
}
