//! Seeded draws: a pure function of the method, the population and the seed, so drawing again
//! with the same seed over the same population gives the same calls in the same order, and
//! replacements drawn by the same rule.

use std::cmp::Ordering;
use std::collections::HashSet;

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use super::candidate::{Candidate, Drawn, Pick};
use super::method::{Method, SampleSize, TargetMetric};
use super::plan::{groups, plan};

/// The generator and algorithm, named in full and stored with every sample.
pub const GENERATOR: &str = "ChaCha20Rng (rand 0.10, from the chacha20 0.10 crate) seeded with \
    SeedableRng::seed_from_u64(seed), stream 0 for the draw and stream n+1 for replacement n; \
    partial Fisher-Yates (position i swapped with a uniform position in i..len, \
    random_range over u64) over the eligible candidates in ascending recording id; quota \
    groups and strata drawn one after another in ascending key order from the one stream; \
    top-N ranked by metric (quietest first for loudness, else highest first), ties by \
    ascending recording id";

/// The draw uses stream 0; replacement `n` uses stream `n + 1`, so no replacement repeats
/// the draw's random numbers or another replacement's.
const DRAW_STREAM: u64 = 0;

/// Draws a sample. Random and over-threshold picks come in draw order; quota and stratified
/// picks group by group in key order (each group in draw order); top picks in rank order.
///
/// Quota's `min_duration_ms` and period are the population query's business: by the time
/// candidates arrive here they are eligible and their group key names the period.
pub fn draw(method: &Method, population: &[Candidate], seed: u64) -> Drawn {
    let mut rng = generator(seed, DRAW_STREAM);
    match method {
        Method::Random { size } => {
            let mut pool = by_id(population.iter());
            let count = random_count(*size, pool.len());
            ungrouped(shuffle_prefix(&mut pool, count, &mut rng))
        }
        Method::OverThreshold {
            threshold, count, ..
        } => {
            let mut pool = by_id(population.iter().filter(|c| reaches(c, *threshold)));
            ungrouped(shuffle_prefix(&mut pool, *count as usize, &mut rng))
        }
        Method::Top { metric, count } => {
            let ranked = ranked(population, *metric);
            ungrouped(&ranked[..(*count as usize).min(ranked.len())])
        }
        Method::Quota { .. } | Method::Stratified { .. } => {
            let mut groups_plan = plan(method, population);
            let mut picks = Vec::new();
            // Both come in ascending key order, so they pair up.
            for (row, mut members) in groups_plan.iter_mut().zip(groups(population).into_values()) {
                let count = row.wanted.min(row.population) as usize;
                let drawn = shuffle_prefix(&mut members, count, &mut rng);
                picks.extend(drawn.iter().map(|c| pick(c, Some(&row.group))));
                row.drawn = count as u64;
                row.shortfall = row.wanted - row.drawn;
            }
            Drawn {
                picks,
                groups: groups_plan,
            }
        }
    }
}

/// The replacement for a call taken out of a sample, drawn by the sample's own rule from the
/// calls not `already_in_sample` (which should hold every call the sample has had, replaced
/// ones included): uniformly at random among the eligible calls (of the same `group` for
/// quota and stratified samples) for random methods, the next-ranked call for top-N.
///
/// `replacement_number` counts the sample's replacements (0 for the first): each gets its own
/// stream of the seeded generator, so replacements are reproducible in the order they were
/// made. `None` when no eligible call is left, or a grouped method is given no group.
pub fn replacement(
    method: &Method,
    population: &[Candidate],
    seed: u64,
    already_in_sample: &HashSet<i64>,
    group: Option<&str>,
    replacement_number: u32,
) -> Option<Pick> {
    let fresh = |candidate: &&Candidate| !already_in_sample.contains(&candidate.recording_id);
    let mut rng = generator(seed, u64::from(replacement_number) + 1);
    match method {
        Method::Top { metric, .. } => ranked(population, *metric)
            .into_iter()
            .find(fresh)
            .map(|c| pick(c, None)),
        Method::Random { .. } => {
            one_of(&by_id(population.iter().filter(fresh)), &mut rng).map(|c| pick(c, None))
        }
        Method::OverThreshold { threshold, .. } => {
            let pool = by_id(
                population
                    .iter()
                    .filter(fresh)
                    .filter(|c| reaches(c, *threshold)),
            );
            one_of(&pool, &mut rng).map(|c| pick(c, None))
        }
        Method::Quota { .. } | Method::Stratified { .. } => {
            let group = group?;
            let pool = by_id(
                population
                    .iter()
                    .filter(fresh)
                    .filter(|c| c.group.as_deref() == Some(group)),
            );
            one_of(&pool, &mut rng).map(|c| pick(c, Some(group)))
        }
    }
}

fn generator(seed: u64, stream: u64) -> ChaCha20Rng {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Candidates in ascending id order: the order the generator's numbers are applied to, so
/// the draw does not depend on the order the population query returned rows in.
fn by_id<'a>(candidates: impl Iterator<Item = &'a Candidate>) -> Vec<&'a Candidate> {
    let mut pool: Vec<&Candidate> = candidates.collect();
    pool.sort_by_key(|candidate| candidate.recording_id);
    pool
}

/// Partial Fisher-Yates: the first `count` items become a uniformly random ordered selection.
fn shuffle_prefix<'a, 'b>(
    items: &'b mut [&'a Candidate],
    count: usize,
    rng: &mut ChaCha20Rng,
) -> &'b [&'a Candidate] {
    let count = count.min(items.len());
    let len = items.len() as u64;
    for position in 0..count {
        // u64 rather than usize: the same numbers on 32- and 64-bit machines.
        let chosen = rng.random_range(position as u64..len) as usize;
        items.swap(position, chosen);
    }
    &items[..count]
}

fn one_of<'a>(pool: &[&'a Candidate], rng: &mut ChaCha20Rng) -> Option<&'a Candidate> {
    if pool.is_empty() {
        return None;
    }
    let chosen = rng.random_range(0..pool.len() as u64) as usize;
    pool.get(chosen).copied()
}

/// Calls for a simple random sample: `n`, or `p`% of the population rounded up; never more
/// than there are.
fn random_count(size: SampleSize, population: usize) -> usize {
    match size {
        SampleSize::Count(count) => (count as usize).min(population),
        SampleSize::Percent(percent) if percent > 0.0 => {
            let exact = percent * population as f64 / 100.0;
            let nearest = exact.round();
            // 10% of 50 is 5 even if the float lands a hair above it.
            let count = if (exact - nearest).abs() <= 1e-9 * nearest.max(1.0) {
                nearest
            } else {
                exact.ceil()
            };
            (count as usize).min(population)
        }
        // Zero, negative or NaN percentages select nothing.
        SampleSize::Percent(_) => 0,
    }
}

/// Measured candidates by rank: highest metric first (quietest first for loudness, the calls
/// hardest to hear), ties by ascending id.
fn ranked(population: &[Candidate], metric: TargetMetric) -> Vec<&Candidate> {
    let mut ranked: Vec<&Candidate> = population
        .iter()
        .filter(|c| c.metric.is_some_and(|value| !value.is_nan()))
        .collect();
    let by_value = |a: &Candidate, b: &Candidate| -> Ordering {
        let (a, b) = (a.metric.unwrap_or(0.0), b.metric.unwrap_or(0.0));
        match metric {
            TargetMetric::Loudness => a.total_cmp(&b),
            _ => b.total_cmp(&a),
        }
    };
    ranked.sort_by(|a, b| by_value(a, b).then(a.recording_id.cmp(&b.recording_id)));
    ranked
}

fn reaches(candidate: &Candidate, threshold: f64) -> bool {
    candidate.metric.is_some_and(|value| value >= threshold)
}

fn pick(candidate: &Candidate, group: Option<&str>) -> Pick {
    Pick {
        recording_id: candidate.recording_id,
        group: group.map(str::to_owned),
    }
}

fn ungrouped(drawn: &[&Candidate]) -> Drawn {
    Drawn {
        picks: drawn.iter().map(|c| pick(c, None)).collect(),
        groups: Vec::new(),
    }
}
