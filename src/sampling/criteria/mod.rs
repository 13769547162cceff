//! The criteria language: which recordings a sample (or a saved filter, or the live population
//! count) is drawn from. The same text is typed after `hark sample --where`, stored with every
//! sample and saved filter, and built as JSON ([`Criteria`]) by the UI.
//!
//! ```text
//! agent in ("Emma Clarke", "سارا احمدی") and start >= 2026-11-01 and duration > 2m
//! (silence > 30% or dead_air >= 20s) and not reviewed and not in_open_sample
//! weekday between mon and fri and hour between 9 and 17 and direction = inbound
//! ```
//!
//! Tests are `field op value`, `field in (v, ...)`, `field between low and high` (inclusive at
//! both ends), and the flags `reviewed` (reviewed in any sample), `in_open_sample` (a call, not
//! replaced, of an open sample) and `has_problems` (the recording carries a problem note).
//! They combine with `not`, `and`, `or` (binding tightest to loosest) and parentheses;
//! `field not in (...)` and `field not between ...` read as `not field in (...)`. `all` is
//! every eligible call, and so is empty text. Keywords and field names ignore case.
//!
//! | field | values | operators |
//! | --- | --- | --- |
//! | `start` | the call's local date or time: `2026-11`, `2026-11-03`, `2026-11-03T09:30`, `2026-11-03T09:30:15` | all |
//! | `weekday` | `mon` .. `sun` (Monday first) in the call's local time | all |
//! | `hour` | `0` .. `23` in the call's local time | all |
//! | `agent`, `team`, `vendor`, `queue`, `disposition` | text | `=`, `!=`, `in` |
//! | `direction` | `inbound`, `outbound`, `internal` | `=`, `!=`, `in` |
//! | `duration`, `dead_air` (longest), `overtalk` (total) | `90` (seconds), `90s`, `2m`, `1h30m`, `500ms` | all |
//! | `silence`, `agent_talk` (shares of the call) | `30%` or `0.3` | all |
//! | `loudness` | LUFS, e.g. `-30` | all |
//!
//! A time names a whole month, day, minute or second, so `start = 2026-11-03` is that whole
//! day, `start <= 2026-11-03` runs to its end and `start > 2026-11-03` begins the next day.
//! Times are compared in the call's own local time (its start plus its stated UTC offset): a
//! call at 23:30 UTC stated at +03:30 started at 03:00 the next day.
//!
//! Text is in double quotes (`"Emma Clarke"`, with `\"` and `\\` inside) or a bare word when it
//! has no spaces, quotes, parentheses, commas or comparison signs (`queue = billing`). It is
//! matched exactly (case and spelling; the UI offers the known values). Values are always
//! bound as SQL parameters, never spliced into SQL.
//!
//! Missing values: a test on a value a call does not have (no agent, not analysed) is false,
//! and `not` and `!=` are its exact opposite, so `agent != "Emma Clarke"` includes calls with
//! no agent and `silence < 10% or not silence < 10%` is every call.
//!
//! Eligibility is not part of the text: recordings whose status is not `ok` (missing or
//! unreadable files) are never selected, whatever the criteria say. So `has_problems` can only
//! select readable recordings that carry a problem note (`recordings.problem`); Hark's import
//! writes notes only with a missing or unreadable status today, so it selects calls once
//! notes are kept on readable ones (a call record that disagrees, say), and `not has_problems`
//! is the exclusion ready for them.
//!
//! `reviewed` is a sample call of the recording with its review completed (`completed_at`),
//! in any sample; `in_open_sample` a call of an open sample that was not replaced. Both, like
//! every other value, are read from `recording_facts` (migration 0005).

mod lexer;
mod parser;
mod print;
mod sql;
mod value;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::recordings::Direction;

pub(crate) use sql::interval as start_interval;
pub use sql::{SqlWhere, compile};

/// A parsed criteria expression; JSON (`kind`-tagged) for the UI to build and send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Criteria {
    /// Every eligible call (the empty text).
    All,
    And {
        items: Vec<Criteria>,
    },
    Or {
        items: Vec<Criteria>,
    },
    Not {
        item: Box<Criteria>,
    },
    Flag {
        flag: Flag,
    },
    Compare {
        field: Field,
        op: CompareOp,
        value: Value,
    },
    In {
        field: Field,
        values: Vec<Value>,
    },
    /// Inclusive at both ends.
    Between {
        field: Field,
        low: Value,
        high: Value,
    },
}

impl Criteria {
    /// Parses criteria text; errors name the line and column of the offending text.
    pub fn parse(text: &str) -> Result<Criteria, CriteriaError> {
        parser::parse(text)
    }
}

impl std::str::FromStr for Criteria {
    type Err = CriteriaError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Criteria::parse(text)
    }
}

/// Prints the canonical text, which parses back to the same criteria.
impl std::fmt::Display for Criteria {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&print::print(self))
    }
}

/// A field a test compares; spelled as in the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Start,
    Weekday,
    Hour,
    Agent,
    Team,
    Vendor,
    Queue,
    Direction,
    Disposition,
    Duration,
    Silence,
    DeadAir,
    Overtalk,
    AgentTalk,
    Loudness,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Start,
        Field::Weekday,
        Field::Hour,
        Field::Agent,
        Field::Team,
        Field::Vendor,
        Field::Queue,
        Field::Direction,
        Field::Disposition,
        Field::Duration,
        Field::Silence,
        Field::DeadAir,
        Field::Overtalk,
        Field::AgentTalk,
        Field::Loudness,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Start => "start",
            Field::Weekday => "weekday",
            Field::Hour => "hour",
            Field::Agent => "agent",
            Field::Team => "team",
            Field::Vendor => "vendor",
            Field::Queue => "queue",
            Field::Direction => "direction",
            Field::Disposition => "disposition",
            Field::Duration => "duration",
            Field::Silence => "silence",
            Field::DeadAir => "dead_air",
            Field::Overtalk => "overtalk",
            Field::AgentTalk => "agent_talk",
            Field::Loudness => "loudness",
        }
    }

    /// What kind of value the field takes.
    pub(crate) fn kind(self) -> ValueKind {
        match self {
            Field::Start => ValueKind::Time,
            Field::Weekday => ValueKind::Weekday,
            Field::Hour => ValueKind::Hour,
            Field::Agent | Field::Team | Field::Vendor | Field::Queue | Field::Disposition => {
                ValueKind::Text
            }
            Field::Direction => ValueKind::Direction,
            Field::Duration | Field::DeadAir | Field::Overtalk => ValueKind::Duration,
            Field::Silence | Field::AgentTalk => ValueKind::Share,
            Field::Loudness => ValueKind::Lufs,
        }
    }

    /// Text-like fields only match (`=`, `!=`, `in`); the others also order.
    pub(crate) fn orders(self) -> bool {
        !matches!(self.kind(), ValueKind::Text | ValueKind::Direction)
    }
}

/// A yes/no property of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Has a sample call with its review completed.
    Reviewed,
    /// Is a call (not replaced) of a sample that is still open.
    InOpenSample,
    /// Carries a problem note (`recordings.problem`).
    HasProblems,
}

impl Flag {
    pub const ALL: [Flag; 3] = [Flag::Reviewed, Flag::InOpenSample, Flag::HasProblems];

    pub fn name(self) -> &'static str {
        match self {
            Flag::Reviewed => "reviewed",
            Flag::InOpenSample => "in_open_sample",
            Flag::HasProblems => "has_problems",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CompareOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "=",
            CompareOp::Ne => "!=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }
}

/// A test's value, tagged with its kind so the UI's JSON says what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "value", rename_all = "camelCase")]
pub enum Value {
    Text(String),
    Direction(Direction),
    Weekday(Weekday),
    Hour(u8),
    /// A local month, day, minute or second: `2026-11`, `2026-11-03`, `2026-11-03T09:30`,
    /// `2026-11-03T09:30:15`.
    Time(String),
    #[ts(type = "number")]
    DurationMs(u64),
    /// A fraction of the call, 0 to 1 (written `30%` or `0.3`).
    Share(f64),
    Lufs(f64),
}

/// The kinds of value fields take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Time,
    Weekday,
    Hour,
    Text,
    Direction,
    Duration,
    Share,
    Lufs,
}

impl ValueKind {
    /// How an error message describes a value of this kind.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            ValueKind::Time => "a date or time such as 2026-11-03 or 2026-11-03T09:30",
            ValueKind::Weekday => "a weekday (mon, tue, wed, thu, fri, sat, sun)",
            ValueKind::Hour => "an hour from 0 to 23",
            ValueKind::Text => "text",
            ValueKind::Direction => "inbound, outbound or internal",
            ValueKind::Duration => "a duration such as 90, 90s, 2m or 1h",
            ValueKind::Share => "a share such as 30% or 0.3",
            ValueKind::Lufs => "a loudness in LUFS such as -30",
        }
    }
}

/// Where in the text a problem is: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Criteria that cannot be used: bad text (with its position) or a JSON-built value that does
/// not fit its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaError {
    pub position: Option<Position>,
    pub message: String,
}

impl std::fmt::Display for CriteriaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some(Position { line, column }) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for CriteriaError {}

impl CriteriaError {
    pub(crate) fn at(position: Position, message: impl Into<String>) -> CriteriaError {
        CriteriaError {
            position: Some(position),
            message: message.into(),
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> CriteriaError {
        CriteriaError {
            position: None,
            message: message.into(),
        }
    }
}
