//! The population criteria select: its size (the live count the UI shows as criteria change)
//! and its calls with the keys a method draws by.
//!
//! Eligible calls are recordings with status `ok` that meet the criteria; [`population`] then
//! keeps only the calls the method can draw:
//! - quota: calls with the group's party (agent, team or vendor) and a start, at least
//!   `min_duration_ms` long (calls of unknown duration only when that is 0); the group is
//!   "name · period" with the period in the call's local time: `2026-11-03`, ISO week
//!   `2026-W45`, or `2026-11`;
//! - stratified: every call; the stratum is the field's value (`mon`..`sun` for weekdays,
//!   `00`..`23` for hours), and calls without one form the stratum `(none)`;
//! - top and over-threshold: calls with the metric measured; `metric` is in the stored unit
//!   (milliseconds for durations and dead air, a 0..1 fraction for shares, LUFS for loudness,
//!   a count for dead-air count), the raw value: the draw ranks loudness quietest first itself.
//!
//! Two paths give the same answers: the column store (`sampling::columns`: every eligible
//! call's values in memory, criteria tested in Rust), used when a store valid for the
//! connection is cached, and SQL over `recording_facts` (the criteria compiled by
//! `criteria::sql`), which answers otherwise and is the reference the store is tested against
//! ([`count_sql`], [`population_sql`]).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use super::columns;
use super::criteria::{Criteria, CriteriaError, SqlWhere, Weekday, compile};
use super::{Candidate, Method, Period, QuotaGroup, StratumField, TargetMetric};
use crate::store::{StoreError, StoreResult};

const DAY_MS: i64 = 86_400_000;

/// The stratum of calls that have no value for the stratified field.
pub const NO_STRATUM: &str = "(none)";

/// How many eligible calls meet the criteria: from the column store when one is valid for
/// this connection (see `sampling::columns`), else through SQL. Both give the same count.
pub fn count(conn: &Connection, criteria: &Criteria) -> StoreResult<u64> {
    let filter = compiled(criteria)?;
    if let Some(store) = columns::columns(conn) {
        return store.count(criteria).map_err(invalid);
    }
    count_where(conn, &filter)
}

/// [`count`] through SQL only: the reference the column store is checked against.
pub fn count_sql(conn: &Connection, criteria: &Criteria) -> StoreResult<u64> {
    count_where(conn, &compiled(criteria)?)
}

fn count_where(conn: &Connection, filter: &SqlWhere) -> StoreResult<u64> {
    let sql = format!("SELECT count(*) {}", from_where(filter));
    let count: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(filter.params.iter()), |row| row.get(0))?;
    Ok(count.max(0) as u64)
}

/// The calls `method` draws from, by ascending recording id (see the module comment): from
/// the column store when one is valid for this connection, else through SQL.
pub fn population(
    conn: &Connection,
    criteria: &Criteria,
    method: &Method,
) -> StoreResult<Vec<Candidate>> {
    let filter = compiled(criteria)?;
    if let Some(store) = columns::columns(conn) {
        return store.population(criteria, method).map_err(invalid);
    }
    population_where(conn, filter, method)
}

/// [`population`] through SQL only: the reference the column store is checked against.
pub fn population_sql(
    conn: &Connection,
    criteria: &Criteria,
    method: &Method,
) -> StoreResult<Vec<Candidate>> {
    population_where(conn, compiled(criteria)?, method)
}

fn population_where(
    conn: &Connection,
    mut filter: SqlWhere,
    method: &Method,
) -> StoreResult<Vec<Candidate>> {
    let keys = Keys::of(method);
    let mut sql = format!(
        "SELECT f.recording_id, {} {}",
        keys.columns(),
        from_where(&filter)
    );
    keys.restrict(method, &mut sql, &mut filter.params);
    let names = match keys {
        Keys::Party(table, _) | Keys::PartyPeriod(table, _, _) => party_names(conn, table)?,
        _ => HashMap::new(),
    };
    let mut periods = PeriodKeys::default();
    let mut groups = GroupNames::default();
    let none = |groups: &mut GroupNames| groups.text(NO_STRATUM);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(filter.params.iter()))?;
    // Rows as ids and group numbers first; the group names are cloned once sorted by id, so
    // the candidates' strings lie in memory in the order the draw reads them (scattered, they
    // made grouping 640,000 candidates three times slower).
    let mut drawable = Vec::new();
    while let Some(row) = rows.next()? {
        let recording_id: i64 = row.get(0)?;
        let (group, metric) = match keys {
            Keys::None => (None, None),
            Keys::Metric(_) => (None, row.get::<_, Option<f64>>(1)?),
            Keys::Party(..) => {
                let group = match row.get::<_, Option<i64>>(1)? {
                    Some(id) => groups.number((0, id), || {
                        names.get(&id).cloned().unwrap_or_else(|| NO_STRATUM.into())
                    }),
                    None => none(&mut groups),
                };
                (Some(group), None)
            }
            Keys::Text(_) => {
                let group = match row.get::<_, Option<String>>(1)? {
                    Some(text) => groups.text(&text),
                    None => none(&mut groups),
                };
                (Some(group), None)
            }
            Keys::Weekday | Keys::Hour => {
                let group = match row.get::<_, Option<i64>>(1)? {
                    Some(ms) => match keys {
                        Keys::Weekday => {
                            let day = weekday_of(ms);
                            groups.number((1, i64::from(day.index())), || day.name().to_owned())
                        }
                        _ => {
                            let hour = ms.div_euclid(3_600_000).rem_euclid(24);
                            groups.number((2, hour), || format!("{hour:02}"))
                        }
                    },
                    None => none(&mut groups),
                };
                (Some(group), None)
            }
            Keys::PartyPeriod(_, _, period) => {
                // The query kept only calls with a party and a start.
                let id: i64 = row.get(1)?;
                let local_ms: i64 = row.get(2)?;
                let day = local_ms.div_euclid(DAY_MS);
                let group = groups.pair((id, day), || {
                    let name = names.get(&id).map_or("", String::as_str);
                    format!("{name} · {}", periods.key(local_ms, period))
                });
                (Some(group), None)
            }
        };
        drawable.push((recording_id, group, metric));
    }
    // Ids are unique, so an unstable sort gives the one order, and faster.
    drawable.sort_unstable_by_key(|&(recording_id, _, _)| recording_id);
    Ok(drawable
        .into_iter()
        .map(|(recording_id, group, metric)| Candidate {
            recording_id,
            group: group.and_then(|g| groups.names.get(g)).cloned(),
            metric,
        })
        .collect())
}

/// Group names numbered as rows are read, each formatted once.
#[derive(Default)]
struct GroupNames {
    names: Vec<String>,
    numbers: HashMap<(u8, i64), usize>,
    pairs: HashMap<(i64, i64), usize>,
    texts: HashMap<String, usize>,
}

impl GroupNames {
    fn add(&mut self, name: String) -> usize {
        self.names.push(name);
        self.names.len() - 1
    }

    /// The group a number stands for (a party id, a weekday, an hour), named on first use.
    fn number(&mut self, key: (u8, i64), name: impl FnOnce() -> String) -> usize {
        if let Some(&group) = self.numbers.get(&key) {
            return group;
        }
        let group = self.text(&name());
        self.numbers.insert(key, group);
        group
    }

    /// A quota group: a party id and a local day.
    fn pair(&mut self, key: (i64, i64), name: impl FnOnce() -> String) -> usize {
        if let Some(&group) = self.pairs.get(&key) {
            return group;
        }
        let group = self.text(&name());
        self.pairs.insert(key, group);
        group
    }

    /// The group named `text` (equal names are one group, as they are for the draw).
    fn text(&mut self, text: &str) -> usize {
        if let Some(&group) = self.texts.get(text) {
            return group;
        }
        let group = self.add(text.to_owned());
        self.texts.insert(text.to_owned(), group);
        group
    }
}

fn compiled(criteria: &Criteria) -> StoreResult<SqlWhere> {
    compile(criteria).map_err(invalid)
}

fn invalid(error: CriteriaError) -> StoreError {
    StoreError::Invalid(error.to_string())
}

/// `FROM .. WHERE ..` over eligible calls meeting the filter. `f.ok` is spelled as the
/// eligible-call indexes' condition, so SQLite reads only those (covering) indexes.
fn from_where(filter: &SqlWhere) -> String {
    format!("FROM recording_facts f WHERE f.ok AND {}", filter.sql)
}

/// What a method needs of each call besides its id.
#[derive(Debug, Clone, Copy)]
enum Keys {
    None,
    /// A metric column.
    Metric(&'static str),
    /// A party table and the column naming it.
    Party(&'static str, &'static str),
    Text(&'static str),
    Weekday,
    Hour,
    PartyPeriod(&'static str, &'static str, Period),
}

impl Keys {
    fn of(method: &Method) -> Keys {
        match method {
            Method::Random { .. } => Keys::None,
            Method::Top { metric, .. } | Method::OverThreshold { metric, .. } => {
                Keys::Metric(metric_column(*metric))
            }
            Method::Quota { per, period, .. } => {
                let (table, column) = match per {
                    QuotaGroup::Agent => ("agents", "f.agent_id"),
                    QuotaGroup::Team => ("teams", "f.team_id"),
                    QuotaGroup::Vendor => ("vendors", "f.vendor_id"),
                };
                Keys::PartyPeriod(table, column, *period)
            }
            Method::Stratified { field, .. } => match field {
                StratumField::Agent => Keys::Party("agents", "f.agent_id"),
                StratumField::Team => Keys::Party("teams", "f.team_id"),
                StratumField::Vendor => Keys::Party("vendors", "f.vendor_id"),
                StratumField::Queue => Keys::Text("f.queue"),
                StratumField::Direction => Keys::Text("f.direction"),
                StratumField::Disposition => Keys::Text("f.disposition"),
                StratumField::Weekday => Keys::Weekday,
                StratumField::Hour => Keys::Hour,
            },
        }
    }

    /// The selected columns after `f.recording_id`.
    fn columns(self) -> String {
        match self {
            Keys::None => "NULL".into(),
            Keys::Metric(column) | Keys::Text(column) | Keys::Party(_, column) => column.into(),
            Keys::Weekday | Keys::Hour => "f.local_start_ms".into(),
            Keys::PartyPeriod(_, column, _) => format!("{column}, f.local_start_ms"),
        }
    }

    /// Appends the method's own conditions (see the module comment) to the query.
    fn restrict(self, method: &Method, sql: &mut String, params: &mut Vec<SqlValue>) {
        match (self, method) {
            (Keys::Metric(column), _) => sql.push_str(&format!(" AND {column} IS NOT NULL")),
            (
                Keys::PartyPeriod(_, column, _),
                Method::Quota {
                    min_duration_ms, ..
                },
            ) => {
                sql.push_str(&format!(
                    " AND {column} IS NOT NULL AND f.local_start_ms IS NOT NULL"
                ));
                if *min_duration_ms > 0 {
                    sql.push_str(" AND +f.duration_ms >= ?");
                    params.push(SqlValue::Integer(
                        i64::try_from(*min_duration_ms).unwrap_or(i64::MAX),
                    ));
                }
            }
            _ => {}
        }
    }
}

fn metric_column(metric: TargetMetric) -> &'static str {
    match metric {
        TargetMetric::DeadAirLongest => "+f.dead_air_longest_ms",
        TargetMetric::DeadAirCount => "+f.dead_air_count",
        TargetMetric::Overtalk => "+f.overtalk_ms",
        TargetMetric::SilenceShare => "+f.silence_share",
        TargetMetric::AgentTalkShare => "+f.agent_talk_share",
        TargetMetric::Duration => "+f.duration_ms",
        TargetMetric::Loudness => "+f.loudness_lufs",
    }
}

/// Id to name of every agent, team or vendor (`table` is one of those fixed names).
fn party_names(conn: &Connection, table: &str) -> StoreResult<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT id, name FROM {table}"))?;
    let names = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

pub(crate) fn weekday_of(local_ms: i64) -> Weekday {
    // 1970-01-01 was a Thursday (index 3 counted from Monday).
    let index = (local_ms.div_euclid(DAY_MS) + 3).rem_euclid(7);
    Weekday::ALL[index as usize]
}

/// Period keys by local day number, each formatted once.
#[derive(Default)]
pub(crate) struct PeriodKeys {
    cache: HashMap<(i64, u8), String>,
}

impl PeriodKeys {
    pub(crate) fn key(&mut self, local_ms: i64, period: Period) -> String {
        let day = local_ms.div_euclid(DAY_MS);
        let slot = match period {
            Period::Day => 0,
            Period::Week => 1,
            Period::Month => 2,
        };
        self.cache
            .entry((day, slot))
            .or_insert_with(|| period_key(day, period))
            .clone()
    }
}

fn period_key(day: i64, period: Period) -> String {
    // Day 0 is 1970-01-01, day 719,163 of the common era.
    let Some(date) = i32::try_from(day + 719_163)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
    else {
        return String::new();
    };
    match period {
        Period::Day => date.format("%Y-%m-%d").to_string(),
        Period::Week => {
            let week = date.iso_week();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Period::Month => date.format("%Y-%m").to_string(),
    }
}
