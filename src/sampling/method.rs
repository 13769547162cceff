//! How a sample is drawn from its population: the methods and their parameters, stored with
//! every sample (as JSON) so it can be drawn again and checked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many calls a simple random sample takes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "value", rename_all = "camelCase")]
pub enum SampleSize {
    Count(u32),
    /// Percent of the population (0 < p ≤ 100), rounded up to a whole call.
    Percent(f64),
}

/// Who a quota is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum QuotaGroup {
    Agent,
    Team,
    Vendor,
}

/// The calendar period a quota repeats over, in the call's own local time (ISO weeks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    Day,
    Week,
    Month,
}

/// A field calls can be stratified over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StratumField {
    Agent,
    Team,
    Vendor,
    Queue,
    Direction,
    Disposition,
    /// Day of the week of the call's start, local time (Monday first).
    Weekday,
    /// Hour of the call's start, local time.
    Hour,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Allocation {
    /// Each stratum gets its share of the sample (largest remainders round).
    Proportional,
    /// Every stratum gets the same number (as far as it has calls).
    Equal,
}

/// A measure targeted sampling ranks or thresholds calls by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TargetMetric {
    DeadAirLongest,
    DeadAirCount,
    Overtalk,
    SilenceShare,
    AgentTalkShare,
    Duration,
    /// Quietest first when ranking (the calls hardest to hear).
    Loudness,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Method {
    /// Every eligible call equally likely.
    Random { size: SampleSize },
    /// `calls` per agent (team, vendor) per period; groups with fewer get all of theirs.
    Quota {
        per: QuotaGroup,
        period: Period,
        calls: u32,
        #[ts(type = "number")]
        min_duration_ms: u64,
    },
    /// `size` calls spread over the values of `field`.
    Stratified {
        field: StratumField,
        size: u32,
        allocation: Allocation,
    },
    /// The `count` calls ranking highest on `metric` (ties by recording id).
    Top { metric: TargetMetric, count: u32 },
    /// `count` calls at random among those with `metric` at or above `threshold`.
    OverThreshold {
        metric: TargetMetric,
        threshold: f64,
        count: u32,
    },
}
