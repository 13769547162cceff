//! Spreading a sample over reviewers: evenly, with an optional daily cap per reviewer that
//! staggers due dates.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who reviews the call at a sample position, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub position: u32,
    #[ts(type = "number")]
    pub reviewer: i64,
    /// `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub due_date: NaiveDate,
}

/// Assigns positions `0..picks_len` round-robin over `reviewers` (in the order given), so
/// reviewers' counts differ by at most one and each reviewer's calls are spread over the
/// draw order. Without a cap every call is due `start + due_days`; with a cap of `c` calls a
/// day, a reviewer's `k`-th call (from 0) is due `start + k / c + due_days`, so nobody has
/// more than `c` calls due on one day. A cap of 0 would leave calls never due and counts as
/// no cap. No reviewers, no assignments.
pub fn assign(
    picks_len: usize,
    reviewers: &[i64],
    daily_cap: Option<u32>,
    start: NaiveDate,
    due_days: u32,
) -> Vec<Assignment> {
    if reviewers.is_empty() {
        return Vec::new();
    }
    let cap = daily_cap.filter(|&cap| cap > 0).map(u64::from);
    (0u32..)
        .zip(0..picks_len)
        .map(|(position, index)| {
            let nth_for_reviewer = (index / reviewers.len()) as u64;
            let days_later = cap.map_or(0, |cap| nth_for_reviewer / cap) + u64::from(due_days);
            Assignment {
                position,
                reviewer: reviewers[index % reviewers.len()],
                // Beyond chrono's last date is not a real schedule; stop there.
                due_date: start
                    .checked_add_days(Days::new(days_later))
                    .unwrap_or(NaiveDate::MAX),
            }
        })
        .collect()
}
