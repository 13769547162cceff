//! `hark sample`: draw a sample by one method (flags on `hark sample` itself, as auditors write
//! it down), and the subcommands that show, verify, replace, export and size samples.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};

use hark::sampling;
use hark::sampling::sample as samples;
use hark::sampling::{
    Allocation, AssignRequest, Method, Period, QuotaGroup, SampleRequest, SampleSize, StratumField,
    TargetMetric, draw_sample, export,
};
use hark::store::{Db, saved_filters, users};

use super::output::say;
use super::sample_output::{print_detail, print_size_report};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SampleArgs {
    #[command(subcommand)]
    pub command: Option<SampleCommand>,
    #[command(flatten)]
    pub draw: DrawArgs,
}

/// Which calls to draw, and for whom. Exactly one method.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("method").args(["random", "percent", "quota", "stratify", "top"]))]
pub struct DrawArgs {
    /// N calls at random.
    #[arg(long, value_name = "N")]
    random: Option<u32>,
    /// P percent of the population at random (rounded up).
    #[arg(long, value_name = "P")]
    percent: Option<f64>,
    /// N calls per agent, team or vendor (--per) per day, week or month (--period).
    #[arg(long, value_name = "N", requires_all = ["per", "period"])]
    quota: Option<u32>,
    /// agent, team or vendor.
    #[arg(long, value_parser = named::<QuotaGroup>)]
    per: Option<QuotaGroup>,
    /// day, week or month (the call's local time; ISO weeks).
    #[arg(long, value_parser = named::<Period>)]
    period: Option<Period>,
    /// Quota calls shorter than this many seconds are not eligible.
    #[arg(long, value_name = "SECONDS", default_value_t = 0.0)]
    min_duration: f64,
    /// Stratify over FIELD (agent, team, vendor, queue, direction, disposition, weekday, hour).
    #[arg(long, value_name = "FIELD", value_parser = named::<StratumField>, requires = "size")]
    stratify: Option<StratumField>,
    /// The stratified sample's size.
    #[arg(long, value_name = "N")]
    size: Option<u32>,
    /// Equal allocation over strata instead of proportional.
    #[arg(long)]
    equal: bool,
    /// The N calls ranking highest by --by (with --over: N at random among those at or over it).
    #[arg(long, value_name = "N", requires = "by")]
    top: Option<u32>,
    /// dead-air-longest, dead-air-count, overtalk, silence-share, agent-talk-share, duration,
    /// loudness (quietest first).
    #[arg(long, value_parser = named::<TargetMetric>)]
    by: Option<TargetMetric>,
    /// The threshold, in the metric's stored unit: milliseconds for dead-air-longest, overtalk
    /// and duration, a 0-1 fraction for shares, LUFS for loudness, a count for dead-air-count.
    #[arg(long, value_name = "VALUE")]
    over: Option<f64>,
    /// Criteria in Hark's criteria language, e.g. 'team = "Billing" and duration >= 1m'.
    #[arg(long = "where", value_name = "CRITERIA", default_value = "")]
    criteria: String,
    /// A saved filter's criteria (combined with --where by `and`).
    #[arg(long, value_name = "NAME")]
    filter: Option<String>,
    /// The generator's seed (a whole number); a fresh one is drawn and recorded otherwise.
    #[arg(long)]
    seed: Option<String>,
    /// Spread the calls over these reviewers (profile names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "REVIEWER,...")]
    assign: Vec<String>,
    /// At most this many calls due per reviewer per day.
    #[arg(long, value_name = "N")]
    daily_cap: Option<u32>,
    /// Days until the (first) due date.
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    due_in: u32,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SampleCommand {
    /// How many calls to review: the sample for a confidence level and margin of error
    /// (Krejcie & Morgan 1970; Cochran with the finite population correction), and with
    /// --defect-rate the zero-defect sample that detects that defect rate.
    Size {
        /// The calls the sample is drawn from.
        #[arg(long, value_name = "N")]
        population: u64,
        #[arg(long, default_value_t = 0.95)]
        confidence: f64,
        /// The margin of error, as a proportion.
        #[arg(long, default_value_t = 0.05)]
        margin: f64,
        /// A defect rate to detect with at least one defective call in the sample.
        #[arg(long, value_name = "P")]
        defect_rate: Option<f64>,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// How many calls meet the criteria: the population a sample would be drawn from
    /// (recordings whose file is missing or unreadable never count).
    Count {
        /// Criteria in Hark's criteria language, e.g.
        /// `agent = "Emma Clarke" and start >= 2026-11-01 and duration > 2m and not reviewed`
        /// (default: every eligible call).
        #[arg(long = "where", value_name = "CRITERIA", default_value = "")]
        criteria: String,
        /// Print the criteria (canonical) and the count as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every sample, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One sample: its rule, seed, groups and calls.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Draw the sample again from its stored population and seed; exit 1 when it differs.
    Verify {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Replace the call at POSITION by one drawn by the same rule.
    Replace {
        id: i64,
        position: u32,
        #[arg(long)]
        reason: String,
    },
    /// Write the sample as CSV or JSON (with its rule and seed) to FILE, or to standard output.
    Export {
        id: i64,
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The calls assigned to a reviewer (default: the current profile) in open samples.
    Queue {
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// Parses one of the library's enums by its stored (camelCase) name, also written with dashes
/// or underscores as command lines do: `dead-air-longest`, `dead_air_longest`, `deadAirLongest`.
fn named<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut camel = String::with_capacity(text.len());
    let mut upper = false;
    for ch in text.trim().chars() {
        if ch == '-' || ch == '_' {
            upper = true;
        } else if upper {
            camel.extend(ch.to_uppercase());
            upper = false;
        } else {
            camel.push(ch);
        }
    }
    serde_json::from_value(serde_json::Value::String(camel))
        .map_err(|_| format!("'{text}' is not one of the accepted names"))
}

impl DrawArgs {
    fn method(&self) -> anyhow::Result<Method> {
        let min_duration_ms = (self.min_duration.max(0.0) * 1000.0).round() as u64;
        Ok(if let Some(n) = self.random {
            Method::Random {
                size: SampleSize::Count(n),
            }
        } else if let Some(p) = self.percent {
            anyhow::ensure!(
                p > 0.0 && p <= 100.0,
                "--percent must be over 0 and at most 100"
            );
            Method::Random {
                size: SampleSize::Percent(p),
            }
        } else if let (Some(calls), Some(per), Some(period)) = (self.quota, self.per, self.period) {
            Method::Quota {
                per,
                period,
                calls,
                min_duration_ms,
            }
        } else if let (Some(field), Some(size)) = (self.stratify, self.size) {
            Method::Stratified {
                field,
                size,
                allocation: if self.equal {
                    Allocation::Equal
                } else {
                    Allocation::Proportional
                },
            }
        } else if let (Some(count), Some(metric)) = (self.top, self.by) {
            match self.over {
                Some(threshold) => Method::OverThreshold {
                    metric,
                    threshold,
                    count,
                },
                None => Method::Top { metric, count },
            }
        } else {
            anyhow::bail!(
                "say how to draw: --random N, --percent P, --quota N --per agent --period week, \
                 --stratify FIELD --size N or --top N --by METRIC (see hark sample --help)"
            )
        })
    }
}

/// The criteria of `--filter NAME` and `--where`, both applying when both are given.
fn criteria_with_filter(db: &Db, filter: Option<&str>, criteria: &str) -> anyhow::Result<String> {
    let Some(name) = filter else {
        return Ok(criteria.to_owned());
    };
    let saved = saved_filters::get(db.conn(), name)?
        .with_context(|| format!("no saved filter named '{name}'"))?;
    Ok(match criteria.trim() {
        "" => saved.criteria,
        more => format!("({}) and ({more})", saved.criteria),
    })
}

/// Draws a sample by the flags, stores it and prints its calls and id.
pub fn draw(db: &mut Db, actor: &users::User, args: &DrawArgs) -> anyhow::Result<()> {
    let method = args.method()?;
    let reviewers = args
        .assign
        .iter()
        .map(|name| {
            users::find_by_name(db.conn(), name.trim())?
                .map(|user| user.id)
                .with_context(|| format!("no profile named '{}' to assign to", name.trim()))
        })
        .collect::<anyhow::Result<Vec<i64>>>()?;
    let request = SampleRequest {
        name: args
            .name
            .clone()
            .unwrap_or_else(|| format!("Sample {}", chrono::Local::now().format("%Y-%m-%d %H:%M"))),
        criteria: criteria_with_filter(db, args.filter.as_deref(), &args.criteria)?,
        method,
        seed: args.seed.clone(),
        assign: (!reviewers.is_empty()).then_some(AssignRequest {
            reviewers,
            daily_cap: args.daily_cap,
            due_days: args.due_in,
        }),
    };
    let detail = draw_sample(db, actor, &request)?;
    if args.json {
        say!("{}", serde_json::to_string_pretty(&detail)?)?;
    } else {
        print_detail(&detail)?;
    }
    Ok(())
}

/// The subcommands; `Ok(false)` when `verify` found the sample differs.
pub fn run(db: &mut Db, actor: &users::User, command: &SampleCommand) -> anyhow::Result<bool> {
    match command {
        SampleCommand::Size { .. } => size(command)?,
        SampleCommand::Count { criteria, json } => {
            let criteria = sampling::Criteria::parse(criteria)?;
            let population = sampling::count(db.conn(), &criteria)?;
            if *json {
                let report = serde_json::json!({
                    "criteria": criteria.to_string(),
                    "population": population,
                });
                say!("{}", serde_json::to_string_pretty(&report)?)?;
            } else {
                say!("{population}")?;
            }
        }
        SampleCommand::List { json } => {
            let all = samples::list(db.conn())?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&all)?)?;
            }
            for s in all.iter().filter(|_| !json) {
                say!(
                    "{:>5}  {:<28} {:<7} {:>4} calls  {:>4} done  population {:>8}  seed {}  {}",
                    s.id,
                    s.name,
                    format!("{:?}", s.status).to_lowercase(),
                    s.calls,
                    s.completed,
                    s.population_size,
                    s.seed,
                    s.drawn_at
                )?;
            }
        }
        SampleCommand::Show { id, json } => {
            let detail = samples::detail(db.conn(), *id)?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&detail)?)?;
            } else {
                print_detail(&detail)?;
            }
        }
        SampleCommand::Verify { id, json } => {
            let check = samples::verify(db.conn(), *id)?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&check)?)?;
            } else {
                say!("Sample {}: {}", id, check.message)?;
                say!(
                    "  stored population intact: {}; recordings meeting the criteria today: {}",
                    if check.population_intact { "yes" } else { "NO" },
                    check.population_now
                )?;
            }
            return Ok(check.draw_matches);
        }
        SampleCommand::Replace {
            id,
            position,
            reason,
        } => {
            let item = samples::replace(db, actor, *id, *position, reason)?;
            say!(
                "Call #{position} replaced by #{}: recording {} ({})",
                item.position,
                item.recording_id,
                item.file_name
            )?;
        }
        SampleCommand::Export { id, format, output } => {
            let mut out = super::output::export_target(output.as_deref())?;
            match format {
                ExportFormat::Csv => export::csv(db.conn(), *id, &mut out)?,
                ExportFormat::Json => export::json(db.conn(), *id, &mut out)?,
            }
            out.flush()?;
        }
        SampleCommand::Queue { reviewer, json } => {
            let who = match reviewer {
                Some(name) => users::find_by_name(db.conn(), name)?
                    .with_context(|| format!("no profile named '{name}'"))?,
                None => actor.clone(),
            };
            let items = samples::queue(db.conn(), who.id)?;
            if *json {
                say!("{}", serde_json::to_string_pretty(&items)?)?;
            }
            for item in items.iter().filter(|_| !json) {
                say!(
                    "sample {:>4} #{:<4} {:<12} {:<44} {:<20} {}",
                    item.sample_id,
                    item.position,
                    item.due_date.as_deref().unwrap_or("-"),
                    item.file_name,
                    item.agent.as_deref().unwrap_or("-"),
                    if item.completed_at.is_some() {
                        "done"
                    } else {
                        "to review"
                    }
                )?;
            }
        }
    }
    Ok(true)
}

/// `hark sample ...`: a draw when no subcommand is given.
pub fn dispatch(cli: &super::Cli, args: &SampleArgs) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    if let Some(command @ SampleCommand::Size { .. }) = &args.command {
        // The calculator needs no database.
        size(command)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut db = super::open_db(cli)?;
    let actor = hark::session::actor_for_cli(&mut db, cli.user.as_deref())?;
    match &args.command {
        None => draw(&mut db, &actor, &args.draw)?,
        Some(command) => {
            if !run(&mut db, &actor, command)? {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `hark sample size`: the figures with their formulas, or JSON.
fn size(command: &SampleCommand) -> anyhow::Result<()> {
    if let SampleCommand::Size {
        population,
        confidence,
        margin,
        defect_rate,
        json,
    } = command
    {
        let report = sampling::size_report(*population, *confidence, *margin, *defect_rate)?;
        if *json {
            say!("{}", serde_json::to_string_pretty(&report)?)?;
        } else {
            print_size_report(&report)?;
        }
    }
    Ok(())
}
