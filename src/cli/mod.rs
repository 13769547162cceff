//! Command-line arguments and the dispatch to library calls.

mod output;
mod sample;
mod sample_output;
mod scorecard;

use std::io::Write;

use output::say;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use hark::analysis::{self, AnalysisOptions};
use hark::import::{self, ImportOptions};
use hark::library::{self, LibraryQuery, LibrarySort};
use hark::store::users::{self, Role};
use hark::store::{self, Db, audit_log};
use hark::waveform::PeaksCache;
use hark::{audio, bench, demo, session, synthetic};

#[derive(Debug, Parser)]
#[command(
    name = "hark",
    version,
    about = "Hark: quality assurance of recorded calls",
    long_about = "Hark: quality assurance of recorded calls.\n\n\
        The database lives in the user's data directory (XDG) unless --db or HARK_DB says otherwise."
)]
pub struct Cli {
    /// The database file (default: $XDG_DATA_HOME/hark/hark.db).
    #[arg(long, global = true, env = "HARK_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// The profile to act as (default: the current profile).
    #[arg(long, global = true, env = "HARK_USER", value_name = "NAME")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load the demo library (short two-channel calls with a CDR file) into the database.
    Demo {
        /// The demo folder (default: the assets/demo folder Hark was built with).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Import recordings from folders (recursive) or files; re-running re-scans incrementally.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The vendor these recordings come from.
        #[arg(long)]
        vendor: Option<String>,
        /// The team these recordings belong to.
        #[arg(long)]
        team: Option<String>,
        /// A built-in pattern (asterisk, datetime), a saved one, or a template such as
        /// "{direction}-{callee}-{caller}-{date:%Y%m%d}-{time:%H%M%S}-{uniqueid}".
        #[arg(long)]
        pattern: Option<String>,
        /// Call records to join: Asterisk's Master.csv, or a CSV with a header row.
        #[arg(long, value_name = "FILE")]
        cdr: Option<PathBuf>,
        /// How to read --cdr: `asterisk` (Master.csv, no header) or `csv` (header row; the
        /// column mapping is guessed, or reused from the last import of the same source).
        #[arg(long, default_value = "auto")]
        cdr_format: String,
        /// The recorder's UTC offset for local times, e.g. +03:30 (default: this computer's).
        #[arg(long, value_parser = parse_offset, allow_hyphen_values = true)]
        utc_offset: Option<i32>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show what a file-name pattern reads from sample names, before importing.
    Pattern {
        /// A built-in name (asterisk, datetime) or a template.
        pattern: String,
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
        /// Save the template under this name for later imports.
        #[arg(long)]
        save_as: Option<String>,
    },
    /// List the recordings in the library.
    List {
        /// One JSON object per recording, in a JSON array.
        #[arg(long)]
        json: bool,
        /// Only this agent's recordings.
        #[arg(long)]
        agent: Option<String>,
        /// At most this many recordings.
        #[arg(long, default_value_t = library::MAX_PAGE)]
        limit: u32,
    },
    /// Print what Hark reads from audio files: format, codec, rate, channels, duration.
    Probe {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// One JSON object per line, per file.
        #[arg(long)]
        json: bool,
    },
    /// Speech metrics: talk per side, silence, dead air, overtalk, monologues, clipping,
    /// loudness. Of the files given, or (--all) of every library recording without current
    /// metrics, stored for sampling; an interrupted --all run resumes where it stopped.
    Analyze {
        #[arg(
            value_name = "FILE",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        files: Vec<PathBuf>,
        /// Analyse every pending recording in the database and store the results.
        #[arg(long)]
        all: bool,
        /// One JSON object per line, per file (with --all: the summary).
        #[arg(long)]
        json: bool,
        /// Silences between talk at least this long are dead air.
        #[arg(long, value_name = "SECONDS", default_value = "2", value_parser = parse_seconds)]
        dead_air: u64,
    },
    /// The database file.
    #[command(subcommand)]
    Db(DbCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Local profiles (reviewer, lead, auditor, admin).
    #[command(subcommand)]
    User(UserCommand),
    /// Benchmarks beside the reference tools (ffmpeg, ffprobe); build with --release.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Samples of calls for review: draw one (hark sample --random N ...), or list, show,
    /// verify, replace, export, queue, count and size.
    Sample(sample::SampleArgs),
    /// Scorecard forms: list, show, import and export as JSON, add the ready templates.
    #[command(subcommand)]
    Scorecard(scorecard::ScorecardCommand),
    /// Evaluations: export them as CSV, list open disputes.
    #[command(subcommand)]
    Review(scorecard::ReviewCommand),
    /// Add synthetic recordings (metadata only, no audio) for scale tests and benchmarks.
    Synthetic {
        #[arg(long, default_value_t = 100_000)]
        count: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum BenchCommand {
    /// Decode long two-channel 8 kHz calls (PCM, mu-law, MP3, Opus) beside `ffmpeg -f null`.
    Decode {
        #[arg(long, default_value_t = 60)]
        minutes: u32,
        #[arg(long, default_value_t = 3)]
        runs: u32,
        /// Where the generated calls are kept between runs.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Import a generated folder of recordings (WAV and MP3) beside ffprobe on every file.
    Import {
        #[arg(long, default_value_t = 10_000)]
        files: usize,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Probe many short WAV and MP3 files beside ffprobe.
    Probe {
        #[arg(long, default_value_t = 5000)]
        files: usize,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Open + Play to the first sample of long calls, from the start and the middle, beside
    /// ffmpeg decoding their first 100 ms.
    Play {
        #[arg(long, default_value_t = 60)]
        minutes: u32,
        #[arg(long, default_value_t = 7)]
        runs: u32,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// First-paint waveform data of long calls, uncached and cached, beside ffmpeg's
    /// showwavespic.
    Waveform {
        #[arg(long, default_value_t = 60)]
        minutes: u32,
        #[arg(long, default_value_t = 5)]
        runs: u32,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Population counts, population() with a 1% stratified draw, and Library pages over a
    /// generated library (kept in DIR and reused while it holds COUNT recordings).
    Sampling {
        #[arg(long, default_value_t = 1_000_000)]
        count: u32,
        #[arg(long, default_value_t = 7)]
        runs: u32,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Print the database path.
    Path,
    /// Copy the live database to FILE (SQLite online backup).
    Backup { file: PathBuf },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the hash chain: report every entry that was edited, removed or inserted.
    VerifyLog,
    /// Show the newest entries.
    Show {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// List the profiles.
    List,
    /// Create a profile and make it the current one (an agent's profile: --role agent
    /// --agent NAME, not made current).
    Add {
        name: String,
        #[arg(long, value_parser = parse_role, default_value = "reviewer")]
        role: Role,
        /// For --role agent: the library's agent this profile is.
        #[arg(long, value_name = "AGENT")]
        agent: Option<String>,
    },
}

fn parse_offset(text: &str) -> Result<i32, String> {
    let (sign, rest) = match text.chars().next() {
        Some('+') => (1, &text[1..]),
        Some('-') => (-1, &text[1..]),
        _ => return Err("expected +HH:MM or -HH:MM".into()),
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let hours: i32 = hours.parse().map_err(|_| "expected +HH:MM".to_owned())?;
    let minutes: i32 = minutes.parse().map_err(|_| "expected +HH:MM".to_owned())?;
    if hours > 14 || minutes >= 60 {
        return Err("offsets run from -14:00 to +14:00".into());
    }
    Ok(sign * (hours * 60 + minutes))
}

/// Seconds (fractions allowed) as milliseconds.
fn parse_seconds(text: &str) -> Result<u64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds <= 3600.0 => Ok((seconds * 1000.0).round() as u64),
        _ => Err("expected seconds, more than 0 and at most 3600".into()),
    }
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| "expected reviewer, lead, auditor, admin or agent".to_owned())
}

fn open_db(cli: &Cli) -> anyhow::Result<Db> {
    let path = store::resolve_path(cli.db.as_deref())?;
    Ok(Db::open(&path)?)
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Demo { dir } => {
            let mut db = open_db(&cli)?;
            let actor = session::actor_for_cli(&mut db, cli.user.as_deref())?;
            let dir = dir.clone().unwrap_or_else(demo::default_dir);
            let report = demo::load(&mut db, &actor, &dir)?;
            say!(
                "Loaded {} demo recordings ({} already present) into {}",
                report.loaded,
                report.already_present,
                db.path().display()
            )?;
        }
        Command::Import {
            paths,
            vendor,
            team,
            pattern,
            cdr,
            cdr_format,
            utc_offset,
            json,
        } => {
            let mut db = open_db(&cli)?;
            let actor = session::actor_for_cli(&mut db, cli.user.as_deref())?;
            let pattern = match pattern {
                Some(text) => Some(import::resolve_pattern(db.conn(), text)?),
                None => None,
            };
            let options = ImportOptions {
                roots: paths.clone(),
                vendor: vendor.clone(),
                team: team.clone(),
                pattern,
                cdr: cdr
                    .as_ref()
                    .map(|path| import::cdr_input(path, cdr_format))
                    .transpose()?,
                utc_offset_min: *utc_offset,
                threads: 0,
            };
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let show = !*json && std::io::IsTerminal::is_terminal(&std::io::stderr());
            let report = import::run(
                &mut db,
                &actor,
                &options,
                &mut |p| {
                    if show {
                        // Progress goes to the terminal's stderr; a failed write there is not
                        // worth stopping an import for.
                        let _ = output::print_progress(p);
                    }
                },
                &cancel,
            )?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&report)?)?;
            } else {
                output::print_import(&report)?;
            }
            if !report.problems.is_empty() {
                return Ok(ExitCode::from(3));
            }
        }
        Command::Pattern {
            pattern,
            names,
            save_as,
        } => {
            let mut db = open_db(&cli)?;
            let compiled = import::resolve_pattern(db.conn(), pattern)?;
            for name in names {
                match compiled.extract(name) {
                    Some(found) => say!("{name}\n  {}", serde_json::to_string(&found)?)?,
                    None => say!("{name}\n  (no match)")?,
                }
            }
            if let Some(save_as) = save_as {
                db.write(|tx| hark::store::import_settings::save_pattern(tx, save_as, pattern))?;
                say!("Saved as {save_as:?}")?;
            }
        }
        Command::List { json, agent, limit } => {
            let db = open_db(&cli)?;
            let query = LibraryQuery {
                agent: agent.clone(),
                sort_by: LibrarySort::CallStart,
                limit: *limit,
                ..LibraryQuery::default()
            };
            let page = library::page(db.conn(), &query)?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&page.rows)?)?;
            } else {
                output::print_library(&page)?;
            }
        }
        Command::Probe { files, json } => return Ok(probe(files, *json)?),
        Command::Analyze {
            files,
            all,
            json,
            dead_air,
        } => {
            let options = AnalysisOptions {
                dead_air_ms: *dead_air,
                ..AnalysisOptions::default()
            };
            if !*all {
                return Ok(analyze_files(files, &options, *json)?);
            }
            let mut db = open_db(&cli)?;
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
            let mut last_line = None;
            let peaks = PeaksCache::for_database(db.path());
            let report = analysis::analyze_library(
                &mut db,
                &options,
                0,
                Some(&peaks),
                &mut |p| {
                    let _ = output::print_analysis_progress(p, terminal, &mut last_line);
                },
                &cancel,
            )?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&report)?)?;
            } else {
                output::print_analysis_report(&report)?;
            }
            if !report.failed.is_empty() {
                return Ok(ExitCode::from(3));
            }
        }
        Command::Db(DbCommand::Path) => {
            say!("{}", store::resolve_path(cli.db.as_deref())?.display())?;
        }
        Command::Db(DbCommand::Backup { file }) => {
            let db = open_db(&cli)?;
            if file.exists() {
                anyhow::bail!("{} already exists; choose a new file", file.display());
            }
            db.backup_to(file)
                .with_context(|| format!("backup to {}", file.display()))?;
            say!("Backed up {} to {}", db.path().display(), file.display())?;
        }
        Command::Audit(AuditCommand::VerifyLog) => {
            let db = open_db(&cli)?;
            let result = audit_log::verify(db.conn())?;
            if result.ok {
                say!(
                    "Audit log intact: {} entries, hash chain verified.",
                    result.entries
                )?;
            } else {
                say!(
                    "Audit log FAILED verification ({} entries read):",
                    result.entries
                )?;
                for problem in &result.problems {
                    say!("  - {}", problem.message)?;
                }
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Audit(AuditCommand::Show { limit }) => {
            let db = open_db(&cli)?;
            for entry in audit_log::recent(db.conn(), *limit)? {
                say!(
                    "{:>5}  {}  {:<16}  {:<14}  {}  {}",
                    entry.seq,
                    entry.at,
                    entry.user_name,
                    entry.action,
                    entry.object,
                    entry.details
                )?;
            }
        }
        Command::Synthetic { count, seed } => {
            let mut db = open_db(&cli)?;
            let actor = session::actor_for_cli(&mut db, cli.user.as_deref())?;
            synthetic::generate(&mut db, &actor, *count, *seed)?;
            say!(
                "Added {count} synthetic recordings (seed {seed}) to {}",
                db.path().display()
            )?;
        }
        Command::Bench(BenchCommand::Decode { minutes, runs, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            output::print_decode_bench(*minutes, &bench::decode(&dir, *minutes, *runs)?)?;
        }
        Command::Bench(BenchCommand::Import { files, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            output::print_import_bench(&bench::import(&dir, *files)?)?;
        }
        Command::Bench(BenchCommand::Probe { files, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            output::print_probe_bench(*files, &bench::probe(&dir, *files)?)?;
        }
        Command::Bench(BenchCommand::Play { minutes, runs, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            let rows = bench::play::run(&dir, *minutes, *runs)?;
            say!("{}", bench::play::table(*minutes, &rows).trim_end())?;
        }
        Command::Bench(BenchCommand::Waveform { minutes, runs, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            let rows = bench::waveform::run(&dir, *minutes, *runs)?;
            say!("{}", bench::waveform::table(*minutes, &rows).trim_end())?;
        }
        Command::Bench(BenchCommand::Sampling { count, runs, dir }) => {
            let dir = dir
                .clone()
                .unwrap_or_else(|| std::env::temp_dir().join("hark-bench"));
            std::fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
            let report = bench::sampling::run(&dir, *count, *runs)?;
            say!("{}", bench::sampling::table(&report).trim_end())?;
        }
        Command::User(UserCommand::List) => {
            let db = open_db(&cli)?;
            let current = session::current_user(db.conn())?;
            for user in users::list(db.conn())? {
                let mark = if current.as_ref() == Some(&user) {
                    "*"
                } else {
                    " "
                };
                say!("{mark} {:<24} {}", user.name, user.role.as_str())?;
            }
        }
        Command::Sample(args) => return sample::dispatch(&cli, args),
        Command::Scorecard(command) => {
            let mut db = open_db(&cli)?;
            let actor = session::actor_for_cli(&mut db, cli.user.as_deref())?;
            scorecard::scorecard(&mut db, &actor, command)?;
        }
        Command::Review(command) => {
            let mut db = open_db(&cli)?;
            let actor = session::actor_for_cli(&mut db, cli.user.as_deref())?;
            scorecard::review(&mut db, &actor, command)?;
        }
        Command::User(UserCommand::Add { name, role, agent }) => {
            let mut db = open_db(&cli)?;
            let existing = users::list(db.conn())?;
            let actor = match existing.is_empty() {
                true => None,
                false => Some(session::actor_for_cli(&mut db, cli.user.as_deref())?),
            };
            let user = match (role, agent) {
                (Role::Agent, Some(agent)) => {
                    let actor = actor.context("the first profile cannot be an agent's")?;
                    session::create_agent_profile(&mut db, &actor, name, agent)?
                }
                (Role::Agent, None) => anyhow::bail!("an agent's profile needs --agent NAME"),
                (_, Some(_)) => anyhow::bail!("--agent is for --role agent"),
                (role, None) => session::create_user(&mut db, actor.as_ref(), name, *role)?,
            };
            say!("Created profile {} ({})", user.name, user.role.as_str())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Analyses each file and prints its metrics; every failure is reported and makes the exit
/// status non-zero.
fn analyze_files(
    files: &[PathBuf],
    options: &AnalysisOptions,
    json: bool,
) -> std::io::Result<ExitCode> {
    for_each_file(
        files,
        json,
        |file| analysis::analyze_file(file, options),
        |file, metrics| output::print_metrics(&file.display().to_string(), metrics),
    )
}

/// Probes each file; every failure is reported and makes the exit status non-zero.
fn probe(files: &[PathBuf], json: bool) -> std::io::Result<ExitCode> {
    for_each_file(files, json, audio::probe, |_, info| {
        output::print_probe(info)
    })
}

/// Runs `read` on each file and prints each result, as one JSON line or as text; a file that
/// fails is reported on stderr (its error names it) and makes the exit status non-zero.
fn for_each_file<T: serde::Serialize, E: std::fmt::Display>(
    files: &[PathBuf],
    json: bool,
    read: impl Fn(&std::path::Path) -> Result<T, E>,
    print: impl Fn(&std::path::Path, &T) -> std::io::Result<()>,
) -> std::io::Result<ExitCode> {
    let mut failed = false;
    for file in files {
        match read(file) {
            Ok(value) if json => match serde_json::to_string(&value) {
                Ok(line) => say!("{line}")?,
                Err(error) => {
                    failed = true;
                    eprintln!("hark: {}: {error}", file.display());
                }
            },
            Ok(value) => print(file, &value)?,
            Err(error) => {
                failed = true;
                eprintln!("hark: {error}");
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
