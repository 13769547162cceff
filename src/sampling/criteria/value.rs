//! Reading and writing values: durations with units, shares as percent or fraction, local
//! times at month to second precision, weekdays; and the checks a JSON-built value must pass.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::lexer::is_delimiter;
use super::{Field, Value, ValueKind, Weekday};
use crate::store::recordings::Direction;

/// Words that mean something in the language; as text values they are printed in quotes.
pub(super) const KEYWORDS: [&str; 6] = ["and", "or", "not", "in", "between", "all"];

/// The longest duration accepted, so milliseconds stay far inside SQLite's integers: 100 days.
const MAX_DURATION_MS: f64 = 100.0 * 86_400_000.0;

/// Reads the value written for `field`; the message says what was expected.
pub(super) fn parse(field: Field, raw: &str) -> Result<Value, String> {
    let kind = field.kind();
    let wrong = || format!("'{raw}' is not {} (for {})", kind.describe(), field.name());
    match kind {
        ValueKind::Text => Ok(Value::Text(raw.to_owned())),
        ValueKind::Direction => Direction::parse(raw)
            .map(Value::Direction)
            .ok_or_else(wrong),
        ValueKind::Weekday => weekday(raw).map(Value::Weekday).ok_or_else(wrong),
        ValueKind::Hour => raw
            .parse::<u8>()
            .ok()
            .filter(|hour| *hour <= 23)
            .map(Value::Hour)
            .ok_or_else(wrong),
        ValueKind::Time => LocalTime::parse(raw)
            .map(|time| Value::Time(time.canonical()))
            .ok_or_else(wrong),
        ValueKind::Duration => duration_ms(raw).map(Value::DurationMs).ok_or_else(wrong),
        ValueKind::Share => share(raw).map(Value::Share).ok_or_else(|| {
            format!(
                "'{raw}' is not a share (for {}): write a percent from 0% to 100% or a \
                 fraction from 0 to 1",
                field.name()
            )
        }),
        ValueKind::Lufs => raw
            .parse::<f64>()
            .ok()
            .filter(|lufs| lufs.is_finite())
            .map(Value::Lufs)
            .ok_or_else(wrong),
    }
}

/// Whether a value (from the parser or from the UI's JSON) fits `field`.
pub(super) fn check(field: Field, value: &Value) -> Result<(), String> {
    let fits = match (field.kind(), value) {
        (ValueKind::Text, Value::Text(_))
        | (ValueKind::Direction, Value::Direction(_))
        | (ValueKind::Weekday, Value::Weekday(_)) => true,
        (ValueKind::Hour, Value::Hour(hour)) => *hour <= 23,
        (ValueKind::Time, Value::Time(text)) => LocalTime::parse(text).is_some(),
        (ValueKind::Duration, Value::DurationMs(ms)) => (*ms as f64) <= MAX_DURATION_MS,
        (ValueKind::Share, Value::Share(share)) => (0.0..=1.0).contains(share),
        (ValueKind::Lufs, Value::Lufs(lufs)) => lufs.is_finite(),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!(
            "{} needs {}, not {}",
            field.name(),
            field.kind().describe(),
            format(value)
        ))
    }
}

/// The canonical spelling of a value, which [`parse`] reads back to the same value.
pub(super) fn format(value: &Value) -> String {
    match value {
        Value::Text(text) => text_literal(text),
        Value::Direction(direction) => direction.as_str().to_owned(),
        Value::Weekday(day) => day.name().to_owned(),
        Value::Hour(hour) => hour.to_string(),
        Value::Time(text) => LocalTime::parse(text)
            .map(|time| time.canonical())
            .unwrap_or_else(|| text_literal(text)),
        Value::DurationMs(ms) => format_duration(*ms),
        Value::Share(share) => format!("{}%", round_to_nano(share * 100.0)),
        Value::Lufs(lufs) => lufs.to_string(),
    }
}

/// Text bare when it reads back as the same single word, else quoted with escapes.
fn text_literal(text: &str) -> String {
    let bare = !text.is_empty()
        && !text.chars().any(is_delimiter)
        && !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(text));
    if bare {
        return text.to_owned();
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        if matches!(ch, '"' | '\\') {
            quoted.push('\\');
        }
        quoted.push(ch);
    }
    quoted.push('"');
    quoted
}

fn round_to_nano(value: f64) -> f64 {
    (value * 1e9).round() / 1e9
}

fn weekday(raw: &str) -> Option<Weekday> {
    let lower = raw.to_lowercase();
    Weekday::ALL.into_iter().find(|day| {
        let full = match day {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        };
        lower == day.name() || lower == full
    })
}

/// `90` (seconds), `90s`, `1.5m`, `1h30m`, `500ms`; at most 100 days.
fn duration_ms(raw: &str) -> Option<u64> {
    if let Ok(seconds) = raw.parse::<f64>() {
        return to_ms(seconds * 1000.0);
    }
    let mut total = 0.0;
    let mut rest = raw;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number: f64 = rest[..number_len].parse().ok()?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit_ms = match rest[..unit_len].to_ascii_lowercase().as_str() {
            "h" => 3_600_000.0,
            "m" | "min" => 60_000.0,
            "s" => 1000.0,
            "ms" => 1.0,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += number * unit_ms;
    }
    to_ms(total)
}

fn to_ms(ms: f64) -> Option<u64> {
    (ms.is_finite() && (0.0..=MAX_DURATION_MS).contains(&ms)).then(|| ms.round() as u64)
}

/// The largest unit that says the duration exactly: `1h`, `90m`, `45s`, `1500ms`.
fn format_duration(ms: u64) -> String {
    match ms {
        0 => "0s".into(),
        ms if ms % 3_600_000 == 0 => format!("{}h", ms / 3_600_000),
        ms if ms % 60_000 == 0 => format!("{}m", ms / 60_000),
        ms if ms % 1000 == 0 => format!("{}s", ms / 1000),
        ms => format!("{ms}ms"),
    }
}

/// `30%` or `0.3`, as the fraction 0.3.
fn share(raw: &str) -> Option<f64> {
    let (number, scale, max) = match raw.strip_suffix('%') {
        Some(percent) => (percent, 100.0, 100.0),
        None => (raw, 1.0, 1.0),
    };
    let value: f64 = number.trim().parse().ok()?;
    (value.is_finite() && (0.0..=max).contains(&value)).then(|| value / scale)
}

/// A local calendar period named by a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LocalTime {
    Month(NaiveDate),
    Day(NaiveDate),
    Minute(NaiveDateTime),
    Second(NaiveDateTime),
}

impl LocalTime {
    /// `YYYY-MM`, `YYYY-MM-DD`, and `YYYY-MM-DDTHH:MM[:SS]` (a space for the `T` too).
    pub(super) fn parse(raw: &str) -> Option<LocalTime> {
        let raw = raw.trim();
        if let Some((date, time)) = raw.split_once(['T', 't', ' ']) {
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
            let time = time.trim();
            return match time.len() {
                5 => NaiveTime::parse_from_str(time, "%H:%M")
                    .ok()
                    .map(|t| LocalTime::Minute(date.and_time(t))),
                8 => NaiveTime::parse_from_str(time, "%H:%M:%S")
                    .ok()
                    .map(|t| LocalTime::Second(date.and_time(t))),
                _ => None,
            };
        }
        if raw.len() == 7 {
            return NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d")
                .ok()
                .map(LocalTime::Month);
        }
        // Exactly ten characters: chrono would also take `2026-1-3`, which is not canonical.
        (raw.len() == 10)
            .then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
            .flatten()
            .map(LocalTime::Day)
    }

    pub(super) fn canonical(self) -> String {
        match self {
            LocalTime::Month(date) => date.format("%Y-%m").to_string(),
            LocalTime::Day(date) => date.format("%Y-%m-%d").to_string(),
            LocalTime::Minute(time) => time.format("%Y-%m-%dT%H:%M").to_string(),
            LocalTime::Second(time) => time.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }

    /// The period as local wall-clock milliseconds since 1970-01-01T00:00 (the call's start
    /// plus its offset is compared with these): `[from, until)`.
    pub(super) fn interval_ms(self) -> Option<(i64, i64)> {
        let (from, until) = match self {
            LocalTime::Month(first) => {
                let next = if first.month() == 12 {
                    NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
                }?;
                (
                    first.and_time(NaiveTime::MIN),
                    next.and_time(NaiveTime::MIN),
                )
            }
            LocalTime::Day(day) => (
                day.and_time(NaiveTime::MIN),
                day.succ_opt()?.and_time(NaiveTime::MIN),
            ),
            LocalTime::Minute(time) => (time, time + chrono::Duration::minutes(1)),
            LocalTime::Second(time) => (time, time + chrono::Duration::seconds(1)),
        };
        Some((
            from.and_utc().timestamp_millis(),
            until.and_utc().timestamp_millis(),
        ))
    }
}
