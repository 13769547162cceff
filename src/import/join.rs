//! Joining call records to recordings: by call id (Asterisk's `uniqueid`), else by start time
//! within a tolerance and a matching party number. Rows with no recording and recordings with
//! no row are both reported; where the two disagree, the disagreement is reported and the
//! recording's value kept, never guessed.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cdr::CdrRow;
use crate::store::recordings::{CallFacts, CallStart};

/// How far a record's start may be from a recording's for the two to be the same call when
/// no call id joins them (recorders start at answer, CDRs at ring).
pub const START_TOLERANCE_MS: i64 = 90_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub path: String,
    #[ts(type = "number")]
    pub row: u64,
    pub field: String,
    pub recording_value: String,
    pub record_value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CdrReport {
    pub file: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub matched_by_call_id: u64,
    #[ts(type = "number")]
    pub matched_by_time: u64,
    /// CSV rows (1-based, header counted) with no recording, with their call id or start.
    pub rows_without_recording: Vec<String>,
    pub recordings_without_row: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// A recording in the import's scope, with the metadata it has.
#[derive(Debug, Clone)]
pub struct InScope {
    pub id: i64,
    pub path: String,
    pub facts: CallFacts,
}

/// The digits of a phone number, for comparing `+1 555 0100` with `5550100`.
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

fn same_number(a: &str, b: &str) -> bool {
    let (a, b) = (digits(a), digits(b));
    let shorter = a.len().min(b.len());
    shorter >= 3 && (a.ends_with(&b) || b.ends_with(&a))
}

/// Pairs rows with recordings; returns the pairs (recording id, facts from the row) and the
/// report. Each recording takes at most one row.
pub fn join(file: &str, rows: &[CdrRow], scope: &[InScope]) -> (Vec<(i64, CallFacts)>, CdrReport) {
    let mut report = CdrReport {
        file: file.to_owned(),
        rows: rows.len() as u64,
        ..CdrReport::default()
    };
    let by_call_id: HashMap<&str, usize> = scope
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.facts.external_call_id.as_deref()?, i)))
        .collect();
    let mut taken: HashSet<usize> = HashSet::new();
    let mut pairs = Vec::new();
    for row in rows {
        let by_id = row
            .call_id
            .as_deref()
            .and_then(|id| by_call_id.get(id).copied())
            .filter(|i| !taken.contains(i));
        let found = by_id.or_else(|| closest_by_time(row, scope, &taken));
        let Some(index) = found else {
            let label = row
                .call_id
                .clone()
                .or_else(|| row.start.map(|s| s.to_rfc3339()))
                .unwrap_or_default();
            report
                .rows_without_recording
                .push(format!("row {}: {label}", row.row));
            continue;
        };
        if by_id.is_some() {
            report.matched_by_call_id += 1;
        } else {
            report.matched_by_time += 1;
        }
        taken.insert(index);
        let recording = &scope[index];
        let facts = facts_from_row(row);
        report
            .conflicts
            .extend(conflicts(recording, row.row, &facts));
        pairs.push((recording.id, facts));
    }
    report.recordings_without_row = scope
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.contains(i))
        .map(|(_, r)| r.path.clone())
        .collect();
    (pairs, report)
}

fn closest_by_time(row: &CdrRow, scope: &[InScope], taken: &HashSet<usize>) -> Option<usize> {
    let start = row.start?.timestamp_millis();
    scope
        .iter()
        .enumerate()
        .filter(|(i, _)| !taken.contains(i))
        .filter_map(|(i, r)| {
            let gap = (r.facts.call_start?.unix_ms - start).abs();
            let parties_agree = [
                (&row.caller, &r.facts.caller_number),
                (&row.callee, &r.facts.callee_number),
            ]
            .iter()
            .any(|(a, b)| matches!((a, b), (Some(a), Some(b)) if same_number(a, b)));
            (gap <= START_TOLERANCE_MS && parties_agree).then_some((gap, i))
        })
        .min()
        .map(|(_, i)| i)
}

fn facts_from_row(row: &CdrRow) -> CallFacts {
    CallFacts {
        call_start: row.start.map(CallStart::from_datetime),
        direction: row.direction,
        agent: row.agent.clone(),
        team: row.team.clone(),
        vendor: row.vendor.clone(),
        queue: row.queue.clone(),
        disposition: row.disposition.clone(),
        caller_number: row.caller.clone(),
        callee_number: row.callee.clone(),
        external_call_id: row.call_id.clone(),
    }
}

/// Fields both sides state and state differently. Times differ by more than the tolerance.
fn conflicts(recording: &InScope, row: u64, record: &CallFacts) -> Vec<Conflict> {
    let have = &recording.facts;
    let mut out = Vec::new();
    let mut compare =
        |field: &str, a: Option<String>, b: Option<String>, same: &dyn Fn(&str, &str) -> bool| {
            if let (Some(a), Some(b)) = (a, b)
                && !same(&a, &b)
            {
                out.push(Conflict {
                    path: recording.path.clone(),
                    row,
                    field: field.to_owned(),
                    recording_value: a,
                    record_value: b,
                });
            }
        };
    let text_same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    compare(
        "direction",
        have.direction.map(|d| d.as_str().into()),
        record.direction.map(|d| d.as_str().into()),
        &text_same,
    );
    compare(
        "agent",
        have.agent.clone(),
        record.agent.clone(),
        &text_same,
    );
    compare(
        "queue",
        have.queue.clone(),
        record.queue.clone(),
        &text_same,
    );
    compare(
        "caller",
        have.caller_number.clone(),
        record.caller_number.clone(),
        &same_number,
    );
    compare(
        "callee",
        have.callee_number.clone(),
        record.callee_number.clone(),
        &same_number,
    );
    compare(
        "call id",
        have.external_call_id.clone(),
        record.external_call_id.clone(),
        &text_same,
    );
    if let (Some(a), Some(b)) = (have.call_start, record.call_start)
        && (a.unix_ms - b.unix_ms).abs() > START_TOLERANCE_MS
    {
        out.push(Conflict {
            path: recording.path.clone(),
            row,
            field: "start".into(),
            recording_value: a.to_rfc3339().unwrap_or_default(),
            record_value: b.to_rfc3339().unwrap_or_default(),
        });
    }
    out
}
