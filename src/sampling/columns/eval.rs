//! Criteria over the column store. Each test marks the rows it holds for in a bitmap, column
//! by column; `and`, `or` and `not` combine bitmaps word by word.
//!
//! The semantics are the SQL's (`criteria::sql`), test by test:
//! - a test on a NULL value is false: every test is masked by its column's `present` set, and
//!   `not` and `!=` invert the whole bitmap, as `NOT coalesce(test, 0)` does. SQL's unknown
//!   (NULL) results reach `AND`/`OR` only as false here, which gives the same rows: `AND` and
//!   `OR` of unknown and a known value are unknown exactly when the false-for-unknown result
//!   is false;
//! - numbers compare as SQLite compares the stored integer or real with the bound value, and
//!   every comparison is written as an inclusive range (`x < 5` as `x <= 4` for integers and
//!   `x <= 5.0.next_down()` for reals, equal for every value a column can hold);
//! - `weekday` and `hour` use SQLite's integer arithmetic (division and remainder truncate
//!   toward zero), including for calls before 1970;
//! - names match through the party tables (`agent_id IN (SELECT id FROM agents WHERE name =
//!   ?)`), text byte for byte as SQLite's BINARY collation does (criteria built as JSON may
//!   also order text, which the SQL allows; see `text_compare`).

use std::collections::HashMap;

use super::bits::Bits;
use super::store::{ColumnStore, NullableInts, NullableReals};
use crate::sampling::criteria::{
    CompareOp, Criteria, CriteriaError, Field, Flag, Value, compile, start_interval,
};
use crate::sampling::population::{NO_STRATUM, PeriodKeys, weekday_of};
use crate::sampling::{Candidate, Method, QuotaGroup, StratumField, TargetMetric};

/// Inclusive bounds of integers.
type IntRange = (i64, i64);
/// Inclusive bounds of reals.
type RealRange = (f64, f64);

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;

impl ColumnStore {
    /// How many eligible calls meet the criteria; as `sampling::count` over SQL.
    pub fn count(&self, criteria: &Criteria) -> Result<u64, CriteriaError> {
        Ok(self.select(criteria)?.count())
    }

    /// The rows (positions in the store) the criteria select. Criteria SQL would refuse are
    /// refused with the same error.
    fn select(&self, criteria: &Criteria) -> Result<Bits, CriteriaError> {
        compile(criteria)?;
        self.rows_of(criteria)
    }

    fn rows_of(&self, criteria: &Criteria) -> Result<Bits, CriteriaError> {
        Ok(match criteria {
            Criteria::All => Bits::ones(self.rows),
            Criteria::And { items } => {
                let mut rows = Bits::ones(self.rows);
                for item in items {
                    // Nothing left to narrow (the criteria were checked whole).
                    if rows.is_empty() {
                        break;
                    }
                    rows.and_with(&self.rows_of(item)?);
                }
                rows
            }
            Criteria::Or { items } => {
                let mut rows = Bits::zeros(self.rows);
                for item in items {
                    rows.or_with(&self.rows_of(item)?);
                }
                rows
            }
            Criteria::Not { item } => {
                let mut rows = self.rows_of(item)?;
                rows.invert();
                rows
            }
            Criteria::Flag { flag } => match flag {
                Flag::Reviewed => self.reviewed.clone(),
                Flag::InOpenSample => self.in_open_sample.clone(),
                Flag::HasProblems => self.has_problem.clone(),
            },
            Criteria::Compare { field, op, value } => self.compare(*field, *op, value)?,
            Criteria::In { field, values } => self.in_list(*field, values)?,
            Criteria::Between { field, low, high } => self.between(*field, low, high)?,
        })
    }

    fn compare(&self, field: Field, op: CompareOp, value: &Value) -> Result<Bits, CriteriaError> {
        if op == CompareOp::Ne {
            let mut rows = self.compare(field, CompareOp::Eq, value)?;
            rows.invert();
            return Ok(rows);
        }
        if field == Field::Start {
            let (from, until) = start_interval(value)?;
            let (low, high) = match op {
                CompareOp::Lt => (None, Some(from)),
                CompareOp::Le => (None, Some(until)),
                CompareOp::Gt => (Some(until), None),
                CompareOp::Ge => (Some(from), None),
                CompareOp::Eq | CompareOp::Ne => (Some(from), Some(until)),
            };
            return Ok(self.ints(&self.start, &[local_range(low, high)]));
        }
        match Operand::of(field, value)? {
            Operand::Int(p) => self.int_test(field, &[int_range(op, p)]),
            Operand::Real(p) => self.real_test(field, &[real_range(op, p)]),
            Operand::Text(text) => self.text_compare(field, op, text),
        }
    }

    fn in_list(&self, field: Field, values: &[Value]) -> Result<Bits, CriteriaError> {
        if field == Field::Start {
            let ranges = values
                .iter()
                .map(|value| {
                    start_interval(value).map(|(from, until)| local_range(Some(from), Some(until)))
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(self.ints(&self.start, &ranges));
        }
        let operands = values
            .iter()
            .map(|value| Operand::of(field, value))
            .collect::<Result<Vec<_>, _>>()?;
        let mut ints = Vec::new();
        let mut reals = Vec::new();
        let mut texts = Vec::new();
        for operand in operands {
            match operand {
                Operand::Int(p) => ints.push(Some((p, p))),
                Operand::Real(p) => reals.push(Some((p, p))),
                Operand::Text(text) => texts.push(text),
            }
        }
        match (ints.is_empty(), reals.is_empty()) {
            (false, _) => self.int_test(field, &ints),
            (_, false) => self.real_test(field, &reals),
            _ => self.text_test(field, &texts),
        }
    }

    fn between(&self, field: Field, low: &Value, high: &Value) -> Result<Bits, CriteriaError> {
        if field == Field::Start {
            let (from, _) = start_interval(low)?;
            let (_, until) = start_interval(high)?;
            return Ok(self.ints(&self.start, &[local_range(Some(from), Some(until))]));
        }
        match (Operand::of(field, low)?, Operand::of(field, high)?) {
            (Operand::Int(low), Operand::Int(high)) => {
                self.int_test(field, &[(low <= high).then_some((low, high))])
            }
            (Operand::Real(low), Operand::Real(high)) => {
                self.real_test(field, &[(low <= high).then_some((low, high))])
            }
            _ => Err(mismatch(field)),
        }
    }

    /// An integer field's rows with a value in any of `ranges` (`None`: an empty range).
    fn int_test(&self, field: Field, ranges: &[Option<IntRange>]) -> Result<Bits, CriteriaError> {
        let ranges: Vec<IntRange> = ranges.iter().flatten().copied().collect();
        Ok(match field {
            Field::Duration => self.ints(&self.duration, &ranges),
            Field::DeadAir => self.ints(&self.dead_air, &ranges),
            Field::Overtalk => self.ints(&self.overtalk, &ranges),
            // ((local_start_ms / 86400000 + 3) % 7): 1970-01-01 was a Thursday.
            Field::Weekday => self.clock(&ranges, |ms| (ms / DAY_MS + 3) % 7),
            // ((local_start_ms / 3600000) % 24)
            Field::Hour => self.clock(&ranges, |ms| (ms / HOUR_MS) % 24),
            _ => return Err(mismatch(field)),
        })
    }

    fn real_test(&self, field: Field, ranges: &[Option<RealRange>]) -> Result<Bits, CriteriaError> {
        let ranges: Vec<RealRange> = ranges.iter().flatten().copied().collect();
        let column = match field {
            Field::Silence => &self.silence,
            Field::AgentTalk => &self.agent_talk,
            Field::Loudness => &self.loudness,
            _ => return Err(mismatch(field)),
        };
        Ok(reals(column, &ranges))
    }

    /// Rows whose value equals one of `texts`: names through their party table, other text as
    /// stored.
    fn text_test(&self, field: Field, texts: &[&str]) -> Result<Bits, CriteriaError> {
        let named = |column: &super::store::Coded<i64>, names: &HashMap<i64, String>| {
            let table = column.table(|id| {
                names
                    .get(id)
                    .is_some_and(|name| texts.contains(&name.as_str()))
            });
            column.codes.mark(&table)
        };
        let text = |column: &super::store::Coded<String>| {
            let table = column.table(|value| texts.contains(&value.as_str()));
            column.codes.mark(&table)
        };
        Ok(match field {
            Field::Agent => named(&self.agent, &self.agents),
            Field::Team => named(&self.team, &self.teams),
            Field::Vendor => named(&self.vendor, &self.vendors),
            Field::Queue => text(&self.queue),
            Field::Direction => text(&self.direction),
            Field::Disposition => text(&self.disposition),
            _ => return Err(mismatch(field)),
        })
    }

    /// `field op text`. The parser only lets text be matched, but criteria built as JSON can
    /// order it, and the SQL then compares queue, direction and disposition byte-wise
    /// (BINARY collation, as `str`'s order) and matches names whatever the operator.
    fn text_compare(&self, field: Field, op: CompareOp, text: &str) -> Result<Bits, CriteriaError> {
        let column = match field {
            Field::Queue => &self.queue,
            Field::Direction => &self.direction,
            Field::Disposition => &self.disposition,
            _ => return self.text_test(field, &[text]),
        };
        let table = column.table(|value| {
            let value = value.as_str();
            match op {
                CompareOp::Eq | CompareOp::Ne => value == text,
                CompareOp::Lt => value < text,
                CompareOp::Le => value <= text,
                CompareOp::Gt => value > text,
                CompareOp::Ge => value >= text,
            }
        });
        Ok(column.codes.mark(&table))
    }

    fn ints(&self, column: &NullableInts, ranges: &[IntRange]) -> Bits {
        let mut rows = match ranges {
            [] => return Bits::zeros(self.rows),
            &[(low, high)] => column.values.mark(|v| low <= v && v <= high),
            ranges => column
                .values
                .mark(|v| ranges.iter().any(|&(low, high)| low <= v && v <= high)),
        };
        rows.and_with(&column.present);
        rows
    }

    /// Rows whose local start gives a value (weekday, hour) in one of `ranges`.
    fn clock(&self, ranges: &[IntRange], of: impl Fn(i64) -> i64) -> Bits {
        let mut rows = match ranges {
            [] => return Bits::zeros(self.rows),
            &[(low, high)] => self.start.values.mark(|ms| {
                let v = of(ms);
                low <= v && v <= high
            }),
            ranges => self.start.values.mark(|ms| {
                let v = of(ms);
                ranges.iter().any(|&(low, high)| low <= v && v <= high)
            }),
        };
        rows.and_with(&self.start.present);
        rows
    }
}

fn reals(column: &NullableReals, ranges: &[RealRange]) -> Bits {
    let mut rows = match ranges {
        [] => return Bits::zeros(column.present.len()),
        &[(low, high)] => Bits::mark(&column.values, |v| low <= v && v <= high),
        ranges => Bits::mark(&column.values, |v| {
            ranges.iter().any(|&(low, high)| low <= v && v <= high)
        }),
    };
    rows.and_with(&column.present);
    rows
}

/// A test's value as the SQL binds it (`criteria::sql::param`).
enum Operand<'a> {
    Int(i64),
    Real(f64),
    Text(&'a str),
}

impl<'a> Operand<'a> {
    fn of(field: Field, value: &'a Value) -> Result<Operand<'a>, CriteriaError> {
        let operand = match value {
            Value::Text(text) => Operand::Text(text),
            Value::Direction(direction) => Operand::Text(direction.as_str()),
            Value::Weekday(day) => Operand::Int(i64::from(day.index())),
            Value::Hour(hour) => Operand::Int(i64::from(*hour)),
            Value::DurationMs(ms) => Operand::Int(*ms as i64),
            Value::Share(share) => Operand::Real(*share),
            Value::Lufs(lufs) => Operand::Real(*lufs),
            Value::Time(_) => return Err(mismatch(field)),
        };
        Ok(operand)
    }
}

fn mismatch(field: Field) -> CriteriaError {
    CriteriaError::invalid(format!(
        "{} needs {}",
        field.name(),
        field.kind().describe()
    ))
}

/// `[from, until)` (either end open) as inclusive integer bounds.
fn local_range(from: Option<i64>, until: Option<i64>) -> IntRange {
    let high = match until {
        Some(until) => until.checked_sub(1),
        None => Some(i64::MAX),
    };
    match high {
        Some(high) => (from.unwrap_or(i64::MIN), high),
        // Nothing is before i64::MIN.
        None => (1, 0),
    }
}

/// `x op p` as inclusive bounds on x; `None` when nothing passes.
fn int_range(op: CompareOp, p: i64) -> Option<IntRange> {
    match op {
        CompareOp::Eq | CompareOp::Ne => Some((p, p)),
        CompareOp::Lt => p.checked_sub(1).map(|high| (i64::MIN, high)),
        CompareOp::Le => Some((i64::MIN, p)),
        CompareOp::Gt => p.checked_add(1).map(|low| (low, i64::MAX)),
        CompareOp::Ge => Some((p, i64::MAX)),
    }
}

/// `x op p` as inclusive bounds on x (no stored real is NaN: SQLite stores NaN as NULL).
fn real_range(op: CompareOp, p: f64) -> Option<RealRange> {
    Some(match op {
        CompareOp::Eq | CompareOp::Ne => (p, p),
        CompareOp::Lt => (f64::NEG_INFINITY, p.next_down()),
        CompareOp::Le => (f64::NEG_INFINITY, p),
        CompareOp::Gt => (p.next_up(), f64::INFINITY),
        CompareOp::Ge => (p, f64::INFINITY),
    })
}

impl ColumnStore {
    /// The calls `method` draws from among those the criteria select, by ascending recording
    /// id: the same candidates, groups and metrics as `sampling::population` over SQL.
    pub fn population(
        &self,
        criteria: &Criteria,
        method: &Method,
    ) -> Result<Vec<Candidate>, CriteriaError> {
        let mut rows = self.select(criteria)?;
        Ok(match method {
            Method::Random { .. } => self.candidates(&rows, |_| (None, None)),
            Method::Top { metric, .. } | Method::OverThreshold { metric, .. } => {
                self.metric_candidates(&mut rows, *metric)
            }
            Method::Quota {
                per,
                period,
                min_duration_ms,
                ..
            } => {
                let (column, names) = match per {
                    QuotaGroup::Agent => (&self.agent, &self.agents),
                    QuotaGroup::Team => (&self.team, &self.teams),
                    QuotaGroup::Vendor => (&self.vendor, &self.vendors),
                };
                // Calls with the party and a start, and long enough when a minimum is set.
                rows.and_with(&column.codes.mark(&column.table(|_| true)));
                rows.and_with(&self.start.present);
                if *min_duration_ms > 0 {
                    let min = i64::try_from(*min_duration_ms).unwrap_or(i64::MAX);
                    rows.and_with(&self.ints(&self.duration, &[(min, i64::MAX)]));
                }
                let mut periods = PeriodKeys::default();
                let mut keys: HashMap<(usize, i64), String> = HashMap::new();
                self.candidates(&rows, |position| {
                    let code = column.codes.get(position);
                    let local_ms = self.start.value(position).unwrap_or(0);
                    let day = local_ms.div_euclid(DAY_MS);
                    let group = keys.entry((code, day)).or_insert_with(|| {
                        let name = column
                            .key(position)
                            .and_then(|id| names.get(id))
                            .map_or("", String::as_str);
                        format!("{name} · {}", periods.key(local_ms, *period))
                    });
                    (Some(group.clone()), None)
                })
            }
            Method::Stratified { field, .. } => self.strata(&rows, *field),
        })
    }

    fn metric_candidates(&self, rows: &mut Bits, metric: TargetMetric) -> Vec<Candidate> {
        let ints = |column: &NullableInts, rows: &mut Bits| {
            rows.and_with(&column.present);
            self.candidates(rows, |position| {
                (None, column.value(position).map(|value| value as f64))
            })
        };
        let reals = |column: &NullableReals, rows: &mut Bits| {
            rows.and_with(&column.present);
            self.candidates(rows, |position| (None, column.value(position)))
        };
        match metric {
            TargetMetric::DeadAirLongest => ints(&self.dead_air, rows),
            TargetMetric::DeadAirCount => ints(&self.dead_air_count, rows),
            TargetMetric::Overtalk => ints(&self.overtalk, rows),
            TargetMetric::Duration => ints(&self.duration, rows),
            TargetMetric::SilenceShare => reals(&self.silence, rows),
            TargetMetric::AgentTalkShare => reals(&self.agent_talk, rows),
            TargetMetric::Loudness => reals(&self.loudness, rows),
        }
    }

    /// Every selected call with its stratum: the field's value, or `(none)` without one.
    fn strata(&self, rows: &Bits, field: StratumField) -> Vec<Candidate> {
        let none = || NO_STRATUM.to_owned();
        // The stratum of each dictionary code, worked out once.
        let named = |column: &super::store::Coded<i64>, names: &HashMap<i64, String>| {
            column
                .keys
                .iter()
                .map(|id| {
                    id.and_then(|id| names.get(&id))
                        .cloned()
                        .unwrap_or_else(none)
                })
                .collect::<Vec<_>>()
        };
        let text = |column: &super::store::Coded<String>| {
            column
                .keys
                .iter()
                .map(|value| value.clone().unwrap_or_else(none))
                .collect::<Vec<_>>()
        };
        let (codes, strata) = match field {
            StratumField::Agent => (&self.agent.codes, named(&self.agent, &self.agents)),
            StratumField::Team => (&self.team.codes, named(&self.team, &self.teams)),
            StratumField::Vendor => (&self.vendor.codes, named(&self.vendor, &self.vendors)),
            StratumField::Queue => (&self.queue.codes, text(&self.queue)),
            StratumField::Direction => (&self.direction.codes, text(&self.direction)),
            StratumField::Disposition => (&self.disposition.codes, text(&self.disposition)),
            StratumField::Weekday | StratumField::Hour => {
                return self.candidates(rows, |position| {
                    let stratum = self.start.value(position).map(|ms| match field {
                        StratumField::Weekday => weekday_of(ms).name().to_owned(),
                        _ => format!("{:02}", ms.div_euclid(HOUR_MS).rem_euclid(24)),
                    });
                    (Some(stratum.unwrap_or_else(none)), None)
                });
            }
        };
        self.candidates(rows, |position| {
            let stratum = strata.get(codes.get(position)).cloned();
            (Some(stratum.unwrap_or_else(none)), None)
        })
    }

    /// The selected rows as candidates, in ascending id (the store's order).
    fn candidates(
        &self,
        rows: &Bits,
        mut keys: impl FnMut(usize) -> (Option<String>, Option<f64>),
    ) -> Vec<Candidate> {
        let mut candidates = Vec::with_capacity(rows.count() as usize);
        for position in rows.positions() {
            let (group, metric) = keys(position);
            candidates.push(Candidate {
                recording_id: self.id(position),
                group,
                metric,
            });
        }
        candidates
    }
}
