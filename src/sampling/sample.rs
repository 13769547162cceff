//! Drawing, storing, verifying and replacing samples: the defensible part. A sample keeps its
//! method, criteria, generator, seed and frozen population; every draw and replacement is
//! written with its audit entry in one transaction.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    Criteria, Drawn, GENERATOR, GroupPlan, Method, assign, draw, plan, population, population_hash,
    replacement, snapshot,
};
use crate::store::samples::{self, NewItem, NewSample, SampleItem, SampleStatus, StoredSample};
use crate::store::users::User;
use crate::store::{Db, StoreError, audit_log};

/// Spreading a sample over reviewers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignRequest {
    #[ts(type = "number[]")]
    pub reviewers: Vec<i64>,
    /// At most this many calls due per reviewer per day.
    pub daily_cap: Option<u32>,
    /// Days from the draw to the (first) due date.
    pub due_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleRequest {
    pub name: String,
    /// In the criteria language (empty: every readable recording).
    pub criteria: String,
    pub method: Method,
    /// Decimal u64; `None` draws a fresh seed from the operating system.
    pub seed: Option<String>,
    pub assign: Option<AssignRequest>,
}

/// A sample as the UI and `hark sample` show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub method: Method,
    pub criteria: String,
    pub generator: String,
    /// Decimal u64 (beyond JavaScript's exact integers).
    pub seed: String,
    #[ts(type = "number")]
    pub population_size: u64,
    pub population_hash: String,
    pub drawn_by: String,
    pub drawn_at: String,
    pub status: SampleStatus,
    /// Calls in the sample now (replaced ones not counted).
    pub calls: u32,
    pub completed: u32,
    pub replaced: u32,
}

/// A sample with its calls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleDetail {
    pub sample: SampleSummary,
    pub items: Vec<SampleItem>,
    /// Per stratum or quota group, recomputed from the frozen population.
    pub groups: Vec<GroupPlan>,
}

/// What `hark sample verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    #[ts(type = "number")]
    pub sample_id: i64,
    /// The frozen population still hashes to the stored hash.
    pub population_intact: bool,
    /// Re-drawing with the stored method and seed gives the stored calls in the stored order.
    pub draw_matches: bool,
    pub stored_calls: u32,
    pub redrawn_calls: u32,
    /// The first draw position where they differ.
    pub first_difference: Option<u32>,
    /// Recordings meeting the criteria today, for comparison with the frozen population (the
    /// sample's own calls now count as in an open sample, so exclusions of those differ).
    #[ts(type = "number")]
    pub population_now: u64,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Criteria(#[from] super::CriteriaError),
    #[error(transparent)]
    Snapshot(#[from] snapshot::SnapshotError),
    /// Writing an export failed (a full disk, a closed pipe).
    #[error("writing the export")]
    Write(#[source] std::io::Error),
}

impl From<rusqlite::Error> for SampleError {
    fn from(error: rusqlite::Error) -> Self {
        SampleError::Store(StoreError::from(error))
    }
}

/// A seed nobody chose: std's `RandomState` keys come from the operating system's random
/// source, which saves a dependency for 64 bits drawn once per sample (and then recorded).
fn fresh_seed() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    hasher.finish()
}

fn parse_seed(seed: Option<&str>) -> Result<u64, SampleError> {
    match seed.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(fresh_seed()),
        Some(text) => text.parse().map_err(|_| {
            SampleError::Invalid(format!(
                "seed '{text}' is not a whole number from 0 to 18446744073709551615"
            ))
        }),
    }
}

/// Draws a sample by `request` and stores it, frozen population and audit entry included.
pub fn draw_sample(
    db: &mut Db,
    actor: &User,
    request: &SampleRequest,
) -> Result<SampleDetail, SampleError> {
    let criteria = Criteria::parse(&request.criteria)?;
    let seed = parse_seed(request.seed.as_deref())?;
    let name = request.name.trim();
    if name.is_empty() {
        return Err(SampleError::Invalid("a sample needs a name".into()));
    }
    let candidates = population(db.conn(), &criteria, &request.method)?;
    let drawn = draw(&request.method, &candidates, seed);
    if drawn.picks.is_empty() {
        return Err(SampleError::Invalid(format!(
            "nothing to draw: {} recordings meet the criteria and the method picks none of them",
            candidates.len()
        )));
    }
    let frozen = snapshot::encode(&candidates)?;
    let population_hash = population_hash(&frozen);
    let method_json = serde_json::to_string(&request.method)
        .map_err(|e| SampleError::Invalid(format!("method: {e}")))?;
    let criteria_text = criteria.to_string();
    let assignments = request.assign.as_ref().map(|a| {
        assign(
            drawn.picks.len(),
            &a.reviewers,
            a.daily_cap,
            chrono::Local::now().date_naive(),
            a.due_days,
        )
    });
    let sample_id = db.write(|tx| -> Result<i64, SampleError> {
        let sample_id = samples::insert(
            tx,
            &NewSample {
                name,
                method: &method_json,
                criteria: &criteria_text,
                generator: GENERATOR,
                seed,
                population_size: candidates.len() as u64,
                population: &frozen,
                population_hash: &population_hash,
                drawn_by: actor.id,
            },
        )?;
        for (position, pick) in drawn.picks.iter().enumerate() {
            let assignment = assignments.as_ref().and_then(|a| a.get(position));
            samples::insert_item(
                tx,
                sample_id,
                &NewItem {
                    position: position as u32,
                    recording_id: pick.recording_id,
                    group: pick.group.as_deref(),
                    assigned_to: assignment.map(|a| a.reviewer),
                    due_date: assignment.map(|a| a.due_date.to_string()),
                },
            )?;
        }
        audit_log::append(
            tx,
            actor,
            "sample.draw",
            &format!("sample:{sample_id}"),
            &serde_json::json!({
                "name": name,
                "method": request.method,
                "criteria": criteria_text,
                "generator": GENERATOR,
                "seed": seed.to_string(),
                "population_size": candidates.len(),
                "population_hash": population_hash,
                "calls": drawn.picks.iter().map(|p| p.recording_id).collect::<Vec<_>>(),
                "assigned_to": request.assign.as_ref().map(|a| a.reviewers.clone()),
            }),
        )?;
        Ok(sample_id)
    })?;
    detail(db.conn(), sample_id)
}

fn method_of(stored: &StoredSample) -> Result<Method, SampleError> {
    serde_json::from_str(&stored.method)
        .map_err(|e| SampleError::Invalid(format!("sample {}: stored method: {e}", stored.id)))
}

fn summary(conn: &Connection, stored: &StoredSample) -> Result<SampleSummary, SampleError> {
    let items = samples::items(conn, stored.id)?;
    let active = items.iter().filter(|i| i.replaced_by.is_none());
    Ok(SampleSummary {
        id: stored.id,
        name: stored.name.clone(),
        method: method_of(stored)?,
        criteria: stored.criteria.clone(),
        generator: stored.generator.clone(),
        seed: stored.seed.to_string(),
        population_size: stored.population_size,
        population_hash: stored.population_hash.clone(),
        drawn_by: stored.drawn_by_name.clone(),
        drawn_at: stored.drawn_at.clone(),
        status: stored.status,
        calls: active.clone().count() as u32,
        completed: active.filter(|i| i.completed_at.is_some()).count() as u32,
        replaced: items.iter().filter(|i| i.replaced_by.is_some()).count() as u32,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<SampleSummary>, SampleError> {
    samples::list(conn)?
        .iter()
        .map(|stored| summary(conn, stored))
        .collect()
}

pub fn detail(conn: &Connection, sample_id: i64) -> Result<SampleDetail, SampleError> {
    let stored = samples::get(conn, sample_id)?;
    let method = method_of(&stored)?;
    let frozen = snapshot::decode(&stored.population)?;
    let drawn: Drawn = draw(&method, &frozen, stored.seed);
    let mut groups = drawn.groups;
    if groups.is_empty() {
        groups = plan(&method, &frozen);
    }
    Ok(SampleDetail {
        sample: summary(conn, &stored)?,
        items: samples::items(conn, sample_id)?,
        groups,
    })
}

/// Re-draws the sample from its frozen population with its method and seed and compares.
pub fn verify(conn: &Connection, sample_id: i64) -> Result<Verification, SampleError> {
    let stored = samples::get(conn, sample_id)?;
    let method = method_of(&stored)?;
    let population_intact = population_hash(&stored.population) == stored.population_hash;
    let frozen = snapshot::decode(&stored.population)?;
    let redrawn = draw(&method, &frozen, stored.seed).picks;
    // The original draw is the items with no replacement before them: positions 0..n of the
    // first draw; replacements were appended after it.
    let items = samples::items(conn, sample_id)?;
    let original: Vec<i64> = items
        .iter()
        .take(redrawn.len())
        .map(|i| i.recording_id)
        .collect();
    let first_difference = original
        .iter()
        .zip(&redrawn)
        .position(|(stored, again)| *stored != again.recording_id)
        .or_else(|| (original.len() != redrawn.len()).then_some(original.len().min(redrawn.len())))
        .map(|p| p as u32);
    let draw_matches = population_intact && first_difference.is_none();
    let population_now = super::count(conn, &Criteria::parse(&stored.criteria)?)?;
    let message = match (population_intact, first_difference) {
        (false, _) => "the stored population does not match its hash: it was altered".to_owned(),
        (true, None) => format!(
            "matches: seed {} over the stored population of {} gives the same {} calls in the same order",
            stored.seed,
            frozen.len(),
            redrawn.len()
        ),
        (true, Some(p)) => format!("differs from draw position {p} on"),
    };
    Ok(Verification {
        sample_id,
        population_intact,
        draw_matches,
        stored_calls: original.len() as u32,
        redrawn_calls: redrawn.len() as u32,
        first_difference,
        population_now,
        message,
    })
}

/// Replaces the call at `position` (with a reason) by one drawn by the same rule, appended to
/// the sample with the same group, reviewer and due date.
pub fn replace(
    db: &mut Db,
    actor: &User,
    sample_id: i64,
    position: u32,
    reason: &str,
) -> Result<SampleItem, SampleError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(SampleError::Invalid(
            "a replacement needs a reason (wrong language, empty recording, wrong agent…)".into(),
        ));
    }
    let stored = samples::get(db.conn(), sample_id)?;
    if stored.status == SampleStatus::Closed {
        return Err(SampleError::Invalid(format!(
            "sample {sample_id} is closed"
        )));
    }
    let method = method_of(&stored)?;
    let frozen = snapshot::decode(&stored.population)?;
    let items = samples::items(db.conn(), sample_id)?;
    let old = items
        .iter()
        .find(|i| i.position == position && i.replaced_by.is_none())
        .ok_or_else(|| {
            SampleError::Invalid(format!(
                "sample {sample_id} has no call at position {position} to replace"
            ))
        })?;
    let in_sample: HashSet<i64> = items.iter().map(|i| i.recording_id).collect();
    // Replacements are numbered from 0: the n-th draws from generator stream n + 1.
    let number = items.iter().filter(|i| i.replaced_by.is_some()).count() as u32;
    let pick = replacement(
        &method,
        &frozen,
        stored.seed,
        &in_sample,
        old.group.as_deref(),
        number,
    )
    .ok_or_else(|| {
        SampleError::Invalid(format!(
            "no call left to replace it with{}",
            old.group
                .as_deref()
                .map(|g| format!(" in {g}"))
                .unwrap_or_default()
        ))
    })?;
    let new_position = items.iter().map(|i| i.position).max().map_or(0, |p| p + 1);
    db.write(|tx| -> Result<(), SampleError> {
        samples::insert_item(
            tx,
            sample_id,
            &NewItem {
                position: new_position,
                recording_id: pick.recording_id,
                group: pick.group.as_deref(),
                assigned_to: old.assigned_to,
                due_date: old.due_date.clone(),
            },
        )?;
        samples::mark_replaced(tx, sample_id, position, new_position, reason)?;
        audit_log::append(
            tx,
            actor,
            "sample.replace",
            &format!("sample:{sample_id}"),
            &serde_json::json!({
                "position": position,
                "recording_id": old.recording_id,
                "reason": reason,
                "replacement_position": new_position,
                "replacement_recording_id": pick.recording_id,
                "replacement_number": number,
            }),
        )?;
        Ok(())
    })?;
    samples::items(db.conn(), sample_id)?
        .into_iter()
        .find(|i| i.position == new_position)
        .ok_or_else(|| SampleError::Invalid("the replacement was not stored".into()))
}

/// The calls assigned to `reviewer` in open samples.
pub fn queue(conn: &Connection, reviewer: i64) -> Result<Vec<SampleItem>, SampleError> {
    Ok(samples::assigned_to(conn, reviewer)?)
}

/// What a method would draw from the calls meeting the criteria, before drawing: shown live
/// while a sample is set up (population, and per stratum or quota group the counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SamplePlan {
    #[ts(type = "number")]
    pub population: u64,
    /// Calls the draw would take.
    #[ts(type = "number")]
    pub calls: u64,
    pub groups: Vec<GroupPlan>,
}

pub fn plan_for(
    conn: &Connection,
    criteria: &str,
    method: &Method,
) -> Result<SamplePlan, SampleError> {
    let candidates = population(conn, &Criteria::parse(criteria)?, method)?;
    let groups = plan(method, &candidates);
    let calls = match groups.is_empty() {
        // Without groups the count depends only on the population: any seed tells it.
        true => draw(method, &candidates, 0).picks.len() as u64,
        false => groups.iter().map(|g| g.wanted - g.shortfall).sum(),
    };
    Ok(SamplePlan {
        population: candidates.len() as u64,
        calls,
        groups,
    })
}
