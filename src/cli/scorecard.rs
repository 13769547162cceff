//! `hark scorecard` (list, show, import, export, templates) and `hark review` (export
//! evaluations as CSV, open disputes).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

use hark::evaluation::{self, export};
use hark::scorecard::content::format_points;
use hark::scorecard::forms;
use hark::store::evaluations::EvaluationFilter;
use hark::store::users::User;
use hark::store::{Db, parties, scorecards, users};

use super::output::{export_target, say};

#[derive(Debug, Subcommand)]
pub enum ScorecardCommand {
    /// The scorecards, with their newest version and how many evaluations used them.
    List {
        #[arg(long)]
        json: bool,
    },
    /// A form's sections and questions with their weights, points and fail rules.
    Show {
        name: String,
        #[arg(long)]
        version: Option<u32>,
    },
    /// Import forms from JSON files: a new form, or a new version of the form of that name.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a form (its newest version, or --version N) as JSON to FILE or standard output.
    Export {
        name: String,
        #[arg(long)]
        version: Option<u32>,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add the ready templates (customer service, sales and collections compliance).
    Templates,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Submitted evaluations as CSV: one row per evaluation, one column per question, with
    /// score, critical fail, reviewer and form version.
    Export {
        /// Submitted on or after this date (YYYY-MM-DD, UTC).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Submitted on or before this date (YYYY-MM-DD, UTC).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<chrono::NaiveDate>,
        #[arg(long, value_name = "NAME")]
        agent: Option<String>,
        #[arg(long, value_name = "NAME")]
        team: Option<String>,
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
        /// Only evaluations made with this scorecard (any version).
        #[arg(long, value_name = "NAME")]
        form: Option<String>,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Open disputes, oldest first, with their age.
    Disputes {
        #[arg(long)]
        json: bool,
    },
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date written YYYY-MM-DD"))
}

pub fn scorecard(db: &mut Db, actor: &User, command: &ScorecardCommand) -> anyhow::Result<()> {
    match command {
        ScorecardCommand::List { json } => {
            let list = forms::list(db.conn())?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(());
            }
            say!(
                "{:>4}  {:<32} {:>7}  {:>11}  UPDATED",
                "ID",
                "NAME",
                "VERSION",
                "EVALUATIONS"
            )?;
            for form in list {
                let archived = if form.archived { "  (archived)" } else { "" };
                say!(
                    "{:>4}  {:<32} {:>7}  {:>11}  {}{archived}",
                    form.id,
                    form.name,
                    form.latest_version,
                    form.evaluations,
                    form.updated_at
                )?;
            }
        }
        ScorecardCommand::Show { name, version } => {
            let form = forms::find(db.conn(), name, *version)?;
            let definition = &form.definition;
            let frozen = if form.frozen {
                ", frozen: evaluations use it"
            } else {
                ""
            };
            say!("{} (version {}{frozen})", definition.name, form.version)?;
            if !definition.description.is_empty() {
                say!("{}", definition.description)?;
            }
            say!(
                "N/A answers: {:?}; pass mark: {}",
                definition.na_scoring,
                definition
                    .pass_mark
                    .map_or_else(|| "none".to_owned(), |m| format!("{}%", format_points(m)))
            )?;
            for section in &definition.sections {
                say!(
                    "\n{} [weight {}]",
                    section.title,
                    format_points(section.weight)
                )?;
                for question in &section.questions {
                    let points = question.answer.possible().map_or_else(
                        || "not scored".to_owned(),
                        |p| format!("{} pt", format_points(p)),
                    );
                    let mut flags = Vec::new();
                    if question.allow_na {
                        flags.push("N/A allowed".to_owned());
                    }
                    if question.weight != 1.0 {
                        flags.push(format!("x{}", format_points(question.weight)));
                    }
                    match question.fail_effect {
                        hark::scorecard::FailEffect::Critical => flags.push("CRITICAL".into()),
                        hark::scorecard::FailEffect::Section => {
                            flags.push("fails the section".into())
                        }
                        hark::scorecard::FailEffect::None => {}
                    }
                    if question.comment_required_when_failed {
                        flags.push("comment when failed".into());
                    }
                    say!(
                        "  - {} ({points}{}{})",
                        question.text,
                        if flags.is_empty() { "" } else { "; " },
                        flags.join("; ")
                    )?;
                }
            }
        }
        ScorecardCommand::Import { files } => {
            for file in files {
                let outcome = forms::import_file(db, actor, file)?;
                let what = match (outcome.unchanged, outcome.new_version) {
                    (true, _) => "unchanged",
                    (false, true) => "new version",
                    (false, false)
                        if outcome.form.version == 1 && outcome.form.evaluations == 0 =>
                    {
                        "imported"
                    }
                    (false, false) => "updated",
                };
                say!(
                    "{}: {} version {} ({what})",
                    file.display(),
                    outcome.form.definition.name,
                    outcome.form.version
                )?;
            }
        }
        ScorecardCommand::Export {
            name,
            version,
            output,
        } => {
            let form = forms::find(db.conn(), name, *version)?;
            let mut out = export_target(output.as_deref())?;
            out.write_all(forms::export(&form).as_bytes())?;
            out.flush()?;
        }
        ScorecardCommand::Templates => {
            let added = forms::install_templates(db, actor)?;
            if added.is_empty() {
                say!("Every template is already installed.")?;
            }
            for form in added {
                say!("Added {}", form.definition.name)?;
            }
        }
    }
    Ok(())
}

pub fn review(db: &mut Db, actor: &User, command: &ReviewCommand) -> anyhow::Result<()> {
    match command {
        ReviewCommand::Export {
            from,
            to,
            agent,
            team,
            reviewer,
            form,
            output,
        } => {
            let conn = db.conn();
            let agent_id = match agent {
                Some(name) => Some(
                    parties::agent_id_by_name(conn, name)?
                        .with_context(|| format!("no agent named {name:?}"))?,
                ),
                None => None,
            };
            let reviewer_id = match reviewer {
                Some(name) => Some(
                    users::find_by_name(conn, name)?
                        .with_context(|| format!("no profile named {name:?}"))?
                        .id,
                ),
                None => None,
            };
            let scorecard_id = match form {
                Some(name) => Some(
                    scorecards::scorecard_id_by_name(conn, name)?
                        .with_context(|| format!("no scorecard named {name:?}"))?,
                ),
                None => None,
            };
            let filter = EvaluationFilter {
                agent_id,
                team: team.clone(),
                reviewer_id,
                scorecard_id,
                submitted_from: from.map(|d| d.to_string()),
                submitted_before: to.and_then(|d| d.succ_opt()).map(|d| d.to_string()),
            };
            let mut out = export_target(output.as_deref())?;
            let summary = export::csv(conn, &filter, &mut out)?;
            out.flush()?;
            let mut err = std::io::stderr().lock();
            // Where the figures went is worth saying, but not worth failing the export over.
            let _ = writeln!(err, "{} evaluations exported", summary.evaluations);
            for spanned in summary.spanned_versions() {
                let _ = writeln!(
                    err,
                    "note: the export spans {spanned}; a question a version does not have is empty"
                );
            }
        }
        ReviewCommand::Disputes { json } => {
            let disputes = evaluation::open_disputes(db.conn(), actor)?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&disputes)?)?;
                return Ok(());
            }
            if disputes.is_empty() {
                say!("No open disputes.")?;
            }
            for d in disputes {
                say!(
                    "#{:<5} {:>4} days  evaluation #{}  {}  {:?}: {} -> {}  ({})",
                    d.id,
                    d.age_seconds / 86_400,
                    d.evaluation_id,
                    d.agent.as_deref().unwrap_or("-"),
                    d.question_text,
                    d.current_answer.as_deref().unwrap_or("-"),
                    d.proposed_answer,
                    d.reason
                )?;
            }
        }
    }
    Ok(())
}
