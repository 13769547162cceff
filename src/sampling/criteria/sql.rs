//! Criteria to a SQL condition over `recording_facts f` (migration 0005) with bound
//! parameters. The SQL text comes only from the fixed pieces here; every value from the
//! criteria is a `?` parameter.
//!
//! A test on a missing value yields NULL, which `WHERE`, `AND` and `OR` treat as false, so
//! tests stay plain comparisons SQLite can search indexes with; only `NOT` needs the NULL made
//! false first (`NOT coalesce(x, 0)`), so that it is the test's exact opposite.
//!
//! Columns other than the local start and the party ids are written `+f.column`: a unary plus
//! stops SQLite from picking the Library's sort indexes for them, which would fetch rows one by
//! one, and leaves it reading them from the covering eligible-call indexes.

use rusqlite::types::Value as SqlValue;

use super::value::{self, LocalTime};
use super::{CompareOp, Criteria, CriteriaError, Field, Flag, Value};

/// A condition over `f` (recording_facts), with its parameters in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SqlWhere {
    pub sql: String,
    pub params: Vec<SqlValue>,
}

pub fn compile(criteria: &Criteria) -> Result<SqlWhere, CriteriaError> {
    let mut params = Vec::new();
    let sql = condition(criteria, &mut params)?;
    Ok(SqlWhere { sql, params })
}

fn condition(criteria: &Criteria, params: &mut Vec<SqlValue>) -> Result<String, CriteriaError> {
    Ok(match criteria {
        Criteria::All => "1".into(),
        Criteria::And { items } => joined(items, " AND ", "1", params)?,
        Criteria::Or { items } => joined(items, " OR ", "0", params)?,
        Criteria::Not { item } => format!("NOT coalesce({}, 0)", condition(item, params)?),
        Criteria::Flag { flag } => flag_sql(*flag).into(),
        Criteria::Compare { field, op, value } => {
            value::check(*field, value).map_err(CriteriaError::invalid)?;
            compare(*field, *op, value, params)?
        }
        Criteria::In { field, values } => {
            if values.is_empty() {
                return Err(CriteriaError::invalid(format!(
                    "{}: an 'in' list needs at least one value",
                    field.name()
                )));
            }
            for value in values {
                value::check(*field, value).map_err(CriteriaError::invalid)?;
            }
            in_list(*field, values, params)?
        }
        Criteria::Between { field, low, high } => {
            if !field.orders() {
                return Err(CriteriaError::invalid(format!(
                    "{} can only be compared with =, != or in, not between",
                    field.name()
                )));
            }
            value::check(*field, low).map_err(CriteriaError::invalid)?;
            value::check(*field, high).map_err(CriteriaError::invalid)?;
            between(*field, low, high, params)?
        }
    })
}

fn joined(
    items: &[Criteria],
    separator: &str,
    empty: &str,
    params: &mut Vec<SqlValue>,
) -> Result<String, CriteriaError> {
    if items.is_empty() {
        return Ok(empty.into());
    }
    let parts = items
        .iter()
        .map(|item| condition(item, params))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("({})", parts.join(separator)))
}

/// The review flags are columns kept by triggers on samples and sample_items (migration
/// 0005): a subquery per call cost more than all the other tests together at a million calls.
fn flag_sql(flag: Flag) -> &'static str {
    match flag {
        Flag::Reviewed => "+f.reviewed = 1",
        Flag::InOpenSample => "+f.in_open_sample = 1",
        Flag::HasProblems => "+f.has_problem = 1",
    }
}

/// The expression a field's values are compared with; `start` is compared as intervals and
/// names through their tables instead.
fn expression(field: Field) -> &'static str {
    match field {
        // 1970-01-01 was a Thursday: day 0 + 3 is 3, Thursday counted from Monday = 0.
        Field::Weekday => "((f.local_start_ms / 86400000 + 3) % 7)",
        Field::Hour => "((f.local_start_ms / 3600000) % 24)",
        Field::Queue => "+f.queue",
        Field::Disposition => "+f.disposition",
        Field::Direction => "+f.direction",
        Field::Duration => "+f.duration_ms",
        Field::Silence => "+f.silence_share",
        Field::DeadAir => "+f.dead_air_longest_ms",
        Field::Overtalk => "+f.overtalk_ms",
        Field::AgentTalk => "+f.agent_talk_share",
        Field::Loudness => "+f.loudness_lufs",
        Field::Start => "f.local_start_ms",
        Field::Agent => "f.agent_id",
        Field::Team => "f.team_id",
        Field::Vendor => "f.vendor_id",
    }
}

/// The party table a name field is matched through.
fn party_table(field: Field) -> Option<&'static str> {
    match field {
        Field::Agent => Some("agents"),
        Field::Team => Some("teams"),
        Field::Vendor => Some("vendors"),
        _ => None,
    }
}

fn param(value: &Value) -> SqlValue {
    match value {
        Value::Text(text) | Value::Time(text) => SqlValue::Text(text.clone()),
        Value::Direction(direction) => SqlValue::Text(direction.as_str().into()),
        Value::Weekday(day) => SqlValue::Integer(i64::from(day.index())),
        Value::Hour(hour) => SqlValue::Integer(i64::from(*hour)),
        Value::DurationMs(ms) => SqlValue::Integer(*ms as i64),
        Value::Share(share) => SqlValue::Real(*share),
        Value::Lufs(lufs) => SqlValue::Real(*lufs),
    }
}

fn compare(
    field: Field,
    op: CompareOp,
    value: &Value,
    params: &mut Vec<SqlValue>,
) -> Result<String, CriteriaError> {
    if op == CompareOp::Ne {
        let equal = compare(field, CompareOp::Eq, value, params)?;
        return Ok(format!("NOT coalesce({equal}, 0)"));
    }
    if field == Field::Start {
        let (from, until) = interval(value)?;
        return Ok(match op {
            CompareOp::Lt => local_range(None, Some(from), params),
            CompareOp::Le => local_range(None, Some(until), params),
            CompareOp::Gt => local_range(Some(until), None, params),
            CompareOp::Ge => local_range(Some(from), None, params),
            CompareOp::Eq | CompareOp::Ne => local_range(Some(from), Some(until), params),
        });
    }
    params.push(param(value));
    if let Some(table) = party_table(field) {
        return Ok(format!(
            "{} IN (SELECT id FROM {table} WHERE name = ?)",
            expression(field)
        ));
    }
    Ok(format!("{} {} ?", expression(field), op.symbol()))
}

fn in_list(
    field: Field,
    values: &[Value],
    params: &mut Vec<SqlValue>,
) -> Result<String, CriteriaError> {
    if field == Field::Start {
        let mut ranges = Vec::new();
        for value in values {
            let (from, until) = interval(value)?;
            ranges.push(local_range(Some(from), Some(until), params));
        }
        return Ok(format!("({})", ranges.join(" OR ")));
    }
    let marks = vec!["?"; values.len()].join(", ");
    params.extend(values.iter().map(param));
    Ok(match party_table(field) {
        Some(table) => format!(
            "{} IN (SELECT id FROM {table} WHERE name IN ({marks}))",
            expression(field)
        ),
        None => format!("{} IN ({marks})", expression(field)),
    })
}

fn between(
    field: Field,
    low: &Value,
    high: &Value,
    params: &mut Vec<SqlValue>,
) -> Result<String, CriteriaError> {
    if field == Field::Start {
        let (from, _) = interval(low)?;
        let (_, until) = interval(high)?;
        return Ok(local_range(Some(from), Some(until), params));
    }
    params.push(param(low));
    params.push(param(high));
    Ok(format!("{} BETWEEN ? AND ?", expression(field)))
}

/// The local period a `start` value names, as `[from, until)` in local wall-clock
/// milliseconds (the column store compares `local_start_ms` with the same bounds).
pub(crate) fn interval(value: &Value) -> Result<(i64, i64), CriteriaError> {
    match value {
        Value::Time(text) => LocalTime::parse(text)
            .and_then(LocalTime::interval_ms)
            .ok_or_else(|| CriteriaError::invalid(format!("'{text}' is not a date or time"))),
        other => Err(CriteriaError::invalid(format!(
            "start needs a date or time, not {other:?}"
        ))),
    }
}

/// Calls whose local start is in `[from, until)` (either end open when `None`).
fn local_range(from: Option<i64>, until: Option<i64>, params: &mut Vec<SqlValue>) -> String {
    let mut bounds = Vec::new();
    if let Some(from) = from {
        bounds.push("f.local_start_ms >= ?");
        params.push(SqlValue::Integer(from));
    }
    if let Some(until) = until {
        bounds.push("f.local_start_ms < ?");
        params.push(SqlValue::Integer(until));
    }
    format!("({})", bounds.join(" AND "))
}
