//! Call records (CDRs) from a PBX or a vendor: Asterisk's `cdr_csv` `Master.csv` (no header,
//! fixed columns) or any CSV with a header row read through a column mapping. The mapping
//! machinery is general so vendor billing reports can use it too.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::recordings::Direction;

#[derive(Debug, thiserror::Error)]
pub enum CdrError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}, row {row}: {reason}")]
    BadRow {
        path: PathBuf,
        row: u64,
        reason: String,
    },
    #[error("{path}, row {row}, column {column:?}: {reason}")]
    BadValue {
        path: PathBuf,
        row: u64,
        column: String,
        reason: String,
    },
    #[error("{path}: no column {column:?} (mapped to {field}); the header has: {header}")]
    MissingColumn {
        path: PathBuf,
        field: &'static str,
        column: String,
        header: String,
    },
    #[error("{path}: {reason}")]
    Unusable { path: PathBuf, reason: String },
}

/// Which header column holds each call field; `None` where the file has no such column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub call_id: Option<String>,
    pub start: Option<String>,
    pub agent: Option<String>,
    pub queue: Option<String>,
    pub direction: Option<String>,
    pub disposition: Option<String>,
    pub caller: Option<String>,
    pub callee: Option<String>,
    pub duration: Option<String>,
    pub vendor: Option<String>,
    pub team: Option<String>,
}

/// The names a column goes by in common exports, for guessing a mapping from a header.
const SYNONYMS: [(&str, &[&str]); 11] = [
    (
        "call_id",
        &[
            "call id",
            "callid",
            "call_id",
            "uniqueid",
            "unique id",
            "id",
            "call reference",
        ],
    ),
    (
        "start",
        &[
            "start",
            "start time",
            "starttime",
            "call start",
            "date",
            "datetime",
            "calldate",
        ],
    ),
    (
        "agent",
        &["agent", "agent name", "agent_name", "user", "employee"],
    ),
    ("queue", &["queue", "campaign", "skill", "queue name"]),
    ("direction", &["direction", "call direction", "type"]),
    (
        "disposition",
        &[
            "disposition",
            "result",
            "outcome",
            "status",
            "wrap-up",
            "wrap up",
        ],
    ),
    (
        "caller",
        &["caller", "from", "ani", "src", "caller number", "source"],
    ),
    (
        "callee",
        &[
            "callee",
            "to",
            "dnis",
            "dst",
            "called number",
            "destination",
        ],
    ),
    (
        "duration",
        &[
            "duration",
            "billsec",
            "billed seconds",
            "talk time",
            "seconds",
        ],
    ),
    ("vendor", &["vendor", "provider", "bpo"]),
    ("team", &["team", "group", "department"]),
];

impl ColumnMapping {
    /// Guesses a mapping from a header row by common column names (case and spacing ignored).
    pub fn guess(header: &[String]) -> ColumnMapping {
        let normal = |s: &str| s.trim().to_lowercase().replace(['_', '-'], " ");
        let find = |field: &str| -> Option<String> {
            let names = SYNONYMS.iter().find(|(f, _)| *f == field)?.1;
            header
                .iter()
                .find(|h| names.iter().any(|n| normal(n) == normal(h)))
                .cloned()
        };
        ColumnMapping {
            call_id: find("call_id"),
            start: find("start"),
            agent: find("agent"),
            queue: find("queue"),
            direction: find("direction"),
            disposition: find("disposition"),
            caller: find("caller"),
            callee: find("callee"),
            duration: find("duration"),
            vendor: find("vendor"),
            team: find("team"),
        }
    }

    fn fields(&self) -> [(&'static str, &Option<String>); 11] {
        [
            ("call_id", &self.call_id),
            ("start", &self.start),
            ("agent", &self.agent),
            ("queue", &self.queue),
            ("direction", &self.direction),
            ("disposition", &self.disposition),
            ("caller", &self.caller),
            ("callee", &self.callee),
            ("duration", &self.duration),
            ("vendor", &self.vendor),
            ("team", &self.team),
        ]
    }
}

/// One call record, with the CSV line it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CdrRow {
    pub row: u64,
    pub call_id: Option<String>,
    pub start: Option<DateTime<FixedOffset>>,
    pub agent: Option<String>,
    pub queue: Option<String>,
    pub direction: Option<Direction>,
    pub disposition: Option<String>,
    pub caller: Option<String>,
    pub callee: Option<String>,
    pub duration_s: Option<f64>,
    pub vendor: Option<String>,
    pub team: Option<String>,
}

/// How to read a CDR file.
#[derive(Debug, Clone, PartialEq)]
pub enum CdrFormat {
    /// Asterisk `cdr_csv`: no header; times are the PBX's local time at `utc_offset_min`.
    AsteriskMaster,
    /// A header row and a mapping (guessed from the header when `None`).
    Mapped(Option<Box<ColumnMapping>>),
}

/// Reads the file's bytes as text: UTF-8 with or without a BOM (UTF-16 with a BOM too).
fn read_text(path: &Path) -> Result<String, CdrError> {
    let bytes = std::fs::read(path).map_err(|source| CdrError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let unusable = |reason: &str| CdrError::Unusable {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).map_err(|_| unusable("not valid UTF-8 text"));
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|b| {
                if little {
                    u16::from_le_bytes([b[0], b[1]])
                } else {
                    u16::from_be_bytes([b[0], b[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| unusable("not valid UTF-16 text"))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    String::from_utf8(bytes).map_err(|_| unusable("not UTF-8 text (save the export as UTF-8 CSV)"))
}

/// The separator: whichever of `,` `;` tab occurs most in the first line outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut in_quotes = false;
    let mut counts = [0usize; 3];
    for ch in first.chars() {
        match ch {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| counts[*i]).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Start times as exports write them: RFC 3339 with an offset, or local `YYYY-MM-DD HH:MM:SS`
/// (also with `T`, `/` dates, or without seconds), read at `utc_offset_min`.
pub fn parse_start(text: &str, utc_offset_min: i32) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time);
    }
    let offset = FixedOffset::east_opt(utc_offset_min * 60)?;
    const LOCAL: [&str; 6] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%d/%m/%Y %H:%M:%S",
        "%d.%m.%Y %H:%M:%S",
    ];
    LOCAL
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|naive| naive.and_local_timezone(offset).single())
}

fn text(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Reads every row; a value that cannot be read is an error naming its row and column.
pub fn read(
    path: &Path,
    format: &CdrFormat,
    utc_offset_min: i32,
) -> Result<(Vec<CdrRow>, Option<ColumnMapping>), CdrError> {
    let contents = read_text(path)?;
    let delimiter = sniff_delimiter(&contents);
    let has_header = matches!(format, CdrFormat::Mapped(_));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(has_header)
        .flexible(true)
        .from_reader(contents.as_bytes());
    let csv_error = |row: u64, error: csv::Error| CdrError::BadRow {
        path: path.to_path_buf(),
        row,
        reason: error.to_string(),
    };
    match format {
        CdrFormat::AsteriskMaster => {
            let mut rows = Vec::new();
            for (index, record) in reader.records().enumerate() {
                let row = index as u64 + 1;
                let record = record.map_err(|e| csv_error(row, e))?;
                rows.push(asterisk_row(path, row, &record, utc_offset_min)?);
            }
            Ok((rows, None))
        }
        CdrFormat::Mapped(mapping) => {
            let header: Vec<String> = reader
                .headers()
                .map_err(|e| csv_error(1, e))?
                .iter()
                .map(|h| h.trim().to_owned())
                .collect();
            let mapping = match mapping {
                Some(mapping) => ColumnMapping::clone(mapping),
                None => ColumnMapping::guess(&header),
            };
            let mut columns = Vec::new();
            for (field, column) in mapping.fields() {
                let Some(column) = column else { continue };
                let index = header.iter().position(|h| h == column).ok_or_else(|| {
                    CdrError::MissingColumn {
                        path: path.to_path_buf(),
                        field,
                        column: column.clone(),
                        header: header.join(", "),
                    }
                })?;
                columns.push((field, column.clone(), index));
            }
            if !columns
                .iter()
                .any(|(f, _, _)| *f == "call_id" || *f == "start")
            {
                return Err(CdrError::Unusable {
                    path: path.to_path_buf(),
                    reason: format!(
                        "no call id or start time column could be found to join on (header: {})",
                        header.join(", ")
                    ),
                });
            }
            let mut rows = Vec::new();
            for (index, record) in reader.records().enumerate() {
                let row = index as u64 + 2;
                let record = record.map_err(|e| csv_error(row, e))?;
                rows.push(mapped_row(path, row, &record, &columns, utc_offset_min)?);
            }
            Ok((rows, Some(mapping)))
        }
    }
}

fn mapped_row(
    path: &Path,
    row: u64,
    record: &csv::StringRecord,
    columns: &[(&'static str, String, usize)],
    utc_offset_min: i32,
) -> Result<CdrRow, CdrError> {
    let bad = |column: &str, reason: String| CdrError::BadValue {
        path: path.to_path_buf(),
        row,
        column: column.to_owned(),
        reason,
    };
    let mut out = CdrRow {
        row,
        ..CdrRow::default()
    };
    for (field, column, index) in columns {
        let Some(value) = text(record.get(*index)) else {
            continue;
        };
        match *field {
            "call_id" => out.call_id = Some(value),
            "start" => {
                out.start = Some(
                    parse_start(&value, utc_offset_min)
                        .ok_or_else(|| bad(column, format!("{value:?} is not a date and time")))?,
                )
            }
            "agent" => out.agent = Some(value),
            "queue" => out.queue = Some(value),
            "direction" => {
                out.direction = Some(Direction::parse(&value).ok_or_else(|| {
                    bad(
                        column,
                        format!("{value:?} is not inbound, outbound or internal"),
                    )
                })?)
            }
            "disposition" => out.disposition = Some(value),
            "caller" => out.caller = Some(value),
            "callee" => out.callee = Some(value),
            "duration" => {
                out.duration_s = Some(parse_duration(&value).ok_or_else(|| {
                    bad(
                        column,
                        format!("{value:?} is not a duration (seconds or h:mm:ss)"),
                    )
                })?)
            }
            "vendor" => out.vendor = Some(value),
            "team" => out.team = Some(value),
            _ => {}
        }
    }
    Ok(out)
}

/// Seconds, or `m:ss` / `h:mm:ss`.
pub fn parse_duration(text: &str) -> Option<f64> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<f64>() {
        return Some(seconds).filter(|s| *s >= 0.0 && s.is_finite());
    }
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    parts.iter().try_fold(0.0, |total, part| {
        Some(total * 60.0 + part.parse::<f64>().ok()?)
    })
}

/// Asterisk `cdr_csv` columns, in the module's fixed order.
const ASTERISK_COLUMNS: [&str; 18] = [
    "accountcode",
    "src",
    "dst",
    "dcontext",
    "clid",
    "channel",
    "dstchannel",
    "lastapp",
    "lastdata",
    "start",
    "answer",
    "end",
    "duration",
    "billsec",
    "disposition",
    "amaflags",
    "uniqueid",
    "userfield",
];

fn asterisk_row(
    path: &Path,
    row: u64,
    record: &csv::StringRecord,
    utc_offset_min: i32,
) -> Result<CdrRow, CdrError> {
    if record.len() < 17 {
        return Err(CdrError::BadRow {
            path: path.to_path_buf(),
            row,
            reason: format!(
                "{} columns, but Asterisk's Master.csv has {}",
                record.len(),
                ASTERISK_COLUMNS.len()
            ),
        });
    }
    let column = |name: &str| {
        ASTERISK_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| text(record.get(i)))
    };
    let bad = |name: &str, reason: String| CdrError::BadValue {
        path: path.to_path_buf(),
        row,
        column: name.to_owned(),
        reason,
    };
    let start = match column("start") {
        Some(value) => Some(
            parse_start(&value, utc_offset_min)
                .ok_or_else(|| bad("start", format!("{value:?} is not a date and time")))?,
        ),
        None => None,
    };
    let billsec = match column("billsec") {
        Some(value) => Some(
            value
                .parse::<f64>()
                .map_err(|_| bad("billsec", format!("{value:?} is not a number of seconds")))?,
        ),
        None => None,
    };
    // The agent is the extension on the call: the answering channel's (`PJSIP/4401-0000002a`)
    // on incoming calls, the calling channel's on outgoing ones, whose other end is a trunk.
    let extension = |name: &str| {
        let channel = column(name)?;
        let (_, rest) = channel.split_once('/')?;
        let resource = rest.split(['-', '@']).next()?;
        Some(resource.to_owned()).filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
    };
    let agent = extension("dstchannel").or_else(|| extension("channel"));
    let queue = match column("lastapp").as_deref() {
        Some("Queue") => {
            column("lastdata").and_then(|data| data.split([',', '|']).next().map(str::to_owned))
        }
        _ => None,
    };
    Ok(CdrRow {
        row,
        call_id: column("uniqueid"),
        start,
        agent,
        queue,
        direction: None,
        disposition: column("disposition"),
        caller: column("src"),
        callee: column("dst"),
        duration_s: billsec,
        vendor: None,
        team: None,
    })
}
