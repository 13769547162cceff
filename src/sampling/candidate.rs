//! The draw's view of the population: plain values, so the draw is a pure function of them
//! and the seed (tested without a database).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One eligible call: its id and the keys the method needs. Populations are sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub recording_id: i64,
    /// The stratum (stratified), or quota group and period ("Emma Clarke · 2026-W45"); `None`
    /// for methods without groups, and for calls with no value for the field.
    pub group: Option<String>,
    /// The target metric's value (targeted methods); `None` when not measured.
    pub metric: Option<f64>,
}

/// One drawn call, in draw order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pick {
    #[ts(type = "number")]
    pub recording_id: i64,
    pub group: Option<String>,
}

/// Per stratum or quota group: how many calls it has, how many the method wants from it, and
/// how many it gave. Shown before drawing (with `drawn` 0) and kept with the sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupPlan {
    pub group: String,
    #[ts(type = "number")]
    pub population: u64,
    #[ts(type = "number")]
    pub wanted: u64,
    #[ts(type = "number")]
    pub drawn: u64,
    /// `wanted - drawn` when the group had too few calls.
    #[ts(type = "number")]
    pub shortfall: u64,
}

/// The outcome of a draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Drawn {
    pub picks: Vec<Pick>,
    /// Empty for methods without groups.
    pub groups: Vec<GroupPlan>,
}
