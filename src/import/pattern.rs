//! File-name patterns: templates like
//! `{direction}-{callee}-{caller}-{date:%Y%m%d}-{time:%H%M%S}-{uniqueid}` matched against a
//! recording's file name (without extension) and, when the template has `/`, its folders.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::recordings::Direction;

/// What a pattern read from one file name. Times are local wall-clock times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Extracted {
    pub direction: Option<Direction>,
    pub caller: Option<String>,
    pub callee: Option<String>,
    pub agent: Option<String>,
    pub queue: Option<String>,
    pub unique_id: Option<String>,
    /// `YYYY-MM-DDTHH:MM:SS`, no offset: the recorder's local time.
    pub local_start: Option<String>,
}

impl Extracted {
    pub fn local_start(&self) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(self.local_start.as_deref()?, "%Y-%m-%dT%H:%M:%S").ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("pattern {template:?}: {reason}")]
pub struct PatternError {
    pub template: String,
    pub reason: String,
}

/// One compiled template.
#[derive(Debug, Clone)]
struct Template {
    regex: Regex,
    /// Capture group names in order, with the chrono format for date and time fields.
    fields: Vec<(String, Option<String>)>,
    /// Path components the template spans (1 + the number of `/` in it).
    components: usize,
    /// A direction implied by the template itself (Asterisk's `q-` means an inbound call).
    fixed_direction: Option<Direction>,
}

/// A named pattern: one or more templates, tried in order.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub name: String,
    templates: Vec<Template>,
}

const FIELDS: [&str; 10] = [
    "direction",
    "caller",
    "callee",
    "agent",
    "queue",
    "uniqueid",
    "date",
    "time",
    "datetime",
    "_",
];

impl Pattern {
    /// Compiles a user template (see the module docs).
    pub fn from_template(name: &str, template: &str) -> Result<Pattern, PatternError> {
        Ok(Pattern {
            name: name.to_owned(),
            templates: vec![compile(template, None)?],
        })
    }

    /// The built-in pattern with this name, or a template given inline.
    pub fn named_or_template(text: &str) -> Result<Pattern, PatternError> {
        match text.trim() {
            "" | "auto" | "automatic" => automatic(),
            "asterisk" | "freepbx" => asterisk(),
            "datetime" | "generic" => generic_datetime(),
            template if template.contains('{') => Pattern::from_template("custom", template),
            other => Err(PatternError {
                template: other.to_owned(),
                reason: "not a built-in pattern (asterisk, datetime) nor a template with {fields}"
                    .into(),
            }),
        }
    }

    /// What the first matching template reads from `relative_path` (file name last).
    pub fn extract(&self, relative_path: &str) -> Option<Extracted> {
        let components: Vec<&str> = relative_path.split('/').filter(|c| !c.is_empty()).collect();
        let file = components.last()?;
        let stem = file.rsplit_once('.').map_or(*file, |(stem, _)| stem);
        self.templates.iter().find_map(|template| {
            let count = template.components.min(components.len());
            let mut parts: Vec<&str> = components[components.len() - count..].to_vec();
            let last = parts.len() - 1;
            parts[last] = stem;
            let subject = parts.join("/");
            template.read(&subject)
        })
    }
}

impl Template {
    fn read(&self, subject: &str) -> Option<Extracted> {
        let captures = self.regex.captures(subject)?;
        let mut out = Extracted {
            direction: self.fixed_direction,
            ..Extracted::default()
        };
        let mut date: Option<NaiveDate> = None;
        let mut time: Option<NaiveTime> = None;
        for (index, (field, format)) in self.fields.iter().enumerate() {
            let Some(value) = captures.get(index + 1).map(|m| m.as_str().to_owned()) else {
                continue;
            };
            let value = Some(value).filter(|v| !v.is_empty());
            match (field.as_str(), format.as_deref()) {
                ("direction", _) => {
                    out.direction = out
                        .direction
                        .or(value.as_deref().and_then(Direction::parse))
                }
                ("caller", _) => out.caller = value,
                ("callee", _) => out.callee = value,
                ("agent", _) => out.agent = value,
                ("queue", _) => out.queue = value,
                ("uniqueid", _) => out.unique_id = value,
                ("date", Some(format)) => {
                    date = NaiveDate::parse_from_str(value.as_deref()?, format).ok();
                    date?;
                }
                ("time", Some(format)) => {
                    time = NaiveTime::parse_from_str(value.as_deref()?, format).ok();
                    time?;
                }
                ("datetime", Some(format)) => {
                    let both = NaiveDateTime::parse_from_str(value.as_deref()?, format).ok()?;
                    date = Some(both.date());
                    time = Some(both.time());
                }
                _ => {}
            }
        }
        if let Some(date) = date {
            let start = date.and_time(time.unwrap_or_default());
            out.local_start = Some(start.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
        Some(out)
    }
}

/// The regex for a chrono format: digits where the format has numeric fields.
fn format_regex(format: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push_str(&regex::escape(&ch.to_string()));
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(r"\d{4}"),
            Some('m' | 'd' | 'H' | 'M' | 'S' | 'y') => out.push_str(r"\d{2}"),
            Some('j') => out.push_str(r"\d{3}"),
            Some(other) => return Err(format!("%{other} is not supported in file-name dates")),
            None => return Err("a lone % ends the format".into()),
        }
    }
    Ok(out)
}

fn compile(template: &str, fixed_direction: Option<Direction>) -> Result<Template, PatternError> {
    let error = |reason: String| PatternError {
        template: template.to_owned(),
        reason,
    };
    let mut regex = String::from("^");
    let mut fields = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        regex.push_str(&regex::escape(&rest[..open]));
        let close = rest[open..]
            .find('}')
            .map(|i| open + i)
            .ok_or_else(|| error("a { has no closing }".into()))?;
        let inner = &rest[open + 1..close];
        let (name, format) = match inner.split_once(':') {
            Some((name, format)) => (name, Some(format.to_owned())),
            None => (inner, None),
        };
        if !FIELDS.contains(&name) {
            return Err(error(format!(
                "unknown field {{{name}}}; fields are {}",
                FIELDS.map(|f| format!("{{{f}}}")).join(", ")
            )));
        }
        let group = match (name, format.as_deref()) {
            ("date" | "time" | "datetime", Some(format)) => format_regex(format).map_err(error)?,
            ("date", None) => {
                return Err(error("{date} needs a format, e.g. {date:%Y%m%d}".into()));
            }
            ("time", None) => {
                return Err(error("{time} needs a format, e.g. {time:%H%M%S}".into()));
            }
            ("datetime", None) => return Err(error("{datetime} needs a format".into())),
            ("uniqueid", _) => r"\d+(?:\.\d+)?".to_owned(),
            ("direction", _) => "[A-Za-z]+".to_owned(),
            _ => "[^/]*?".to_owned(),
        };
        regex.push('(');
        regex.push_str(&group);
        regex.push(')');
        let format = match name {
            "date" | "time" | "datetime" => format,
            _ => None,
        };
        fields.push((name.to_owned(), format));
        rest = &rest[close + 1..];
    }
    regex.push_str(&regex::escape(rest));
    regex.push('$');
    let regex = Regex::new(&regex).map_err(|e| error(e.to_string()))?;
    Ok(Template {
        regex,
        fields,
        components: template.matches('/').count() + 1,
        fixed_direction,
    })
}

/// Asterisk / FreePBX call recordings: `in-`, `out-`, `q-`, `exten-`, `rg-` (and `external-`)
/// names, `{callee}-{caller}-YYYYMMDD-HHMMSS-{uniqueid}`, in `YYYY/MM/DD` spool folders.
pub fn asterisk() -> Result<Pattern, PatternError> {
    const TAIL: &str = "{caller}-{date:%Y%m%d}-{time:%H%M%S}-{uniqueid}";
    let templates = [
        (format!("q-{{queue}}-{TAIL}"), Some(Direction::Inbound)),
        (format!("rg-{{queue}}-{TAIL}"), Some(Direction::Inbound)),
        (format!("in-{{callee}}-{TAIL}"), Some(Direction::Inbound)),
        (format!("out-{{callee}}-{TAIL}"), Some(Direction::Outbound)),
        (
            format!("external-{{callee}}-{TAIL}"),
            Some(Direction::Outbound),
        ),
        (
            format!("exten-{{callee}}-{TAIL}"),
            Some(Direction::Internal),
        ),
    ];
    let templates = templates
        .iter()
        .map(|(template, direction)| compile(template, *direction))
        .collect::<Result<_, _>>()?;
    Ok(Pattern {
        name: "asterisk".into(),
        templates,
    })
}

/// Any name with a date and time in it: `20261102-091405`, `20261102_091405`,
/// `2026-11-02 09.14.05`, `2026-11-02T09-14-05`, anywhere in the name.
pub fn generic_datetime() -> Result<Pattern, PatternError> {
    let templates = [
        "{_}{date:%Y%m%d}{_}{time:%H%M%S}{_}",
        "{_}{date:%Y-%m-%d}{_}{time:%H-%M-%S}{_}",
        "{_}{date:%Y-%m-%d}{_}{time:%H.%M.%S}{_}",
        "{_}{date:%Y-%m-%d}{_}{time:%H%M%S}{_}",
    ];
    let templates = templates
        .iter()
        .map(|template| compile(template, None))
        .collect::<Result<_, _>>()?;
    Ok(Pattern {
        name: "datetime".into(),
        templates,
    })
}

/// What an import uses when no pattern is chosen: Asterisk's names first, then any date and
/// time in the name.
pub fn automatic() -> Result<Pattern, PatternError> {
    let mut templates = asterisk()?.templates;
    templates.extend(generic_datetime()?.templates);
    Ok(Pattern {
        name: "automatic".into(),
        templates,
    })
}
