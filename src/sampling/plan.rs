//! How many calls each quota group or stratum gives, decided before drawing so the counts can
//! be shown and checked first.

use std::collections::BTreeMap;

use super::candidate::{Candidate, GroupPlan};
use super::method::{Allocation, Method};

/// The groups of a quota or stratified method, by key in ascending (byte-wise) order, with
/// their candidates in ascending id order. Candidates without a group are not eligible: a
/// call with no agent cannot count towards an agent's quota or stand in an agent stratum.
pub(crate) fn groups(population: &[Candidate]) -> BTreeMap<&str, Vec<&Candidate>> {
    let mut groups: BTreeMap<&str, Vec<&Candidate>> = BTreeMap::new();
    for candidate in population {
        if let Some(group) = candidate.group.as_deref() {
            groups.entry(group).or_default().push(candidate);
        }
    }
    for members in groups.values_mut() {
        members.sort_by_key(|candidate| candidate.recording_id);
    }
    groups
}

/// Per group, in key order: its calls and how many the method wants from it, with `drawn` 0
/// and `shortfall` the calls it will be short by. Empty for methods without groups.
///
/// Quota: `calls` from every group; a group with fewer gives all of them and is short by the
/// rest. Stratified: `size` calls (or every call, if fewer) allocated over the strata:
/// - proportional: each stratum's exact share `size·n_i/N` rounded down, then the calls still
///   unallocated one each to the strata with the largest remainders (ties by key);
/// - equal: `size / strata` each and the remainder one each to the first strata in key order;
///   a stratum with no more calls than its share gives all of them, and what it could not
///   give is shared again the same way among the others, until every stratum either gives
///   all its calls or has room for its share.
///
/// An allocation never exceeds a stratum's calls, so strata have no shortfall.
pub fn plan(method: &Method, population: &[Candidate]) -> Vec<GroupPlan> {
    let groups = groups(population);
    let sizes: Vec<u64> = groups
        .values()
        .map(|members| members.len() as u64)
        .collect();
    let wanted: Vec<u64> = match method {
        Method::Quota { calls, .. } => vec![u64::from(*calls); sizes.len()],
        Method::Stratified {
            size, allocation, ..
        } => {
            let total = u64::from(*size).min(sizes.iter().sum());
            match allocation {
                Allocation::Proportional => proportional(&sizes, total),
                Allocation::Equal => equal(&sizes, total),
            }
        }
        Method::Random { .. } | Method::Top { .. } | Method::OverThreshold { .. } => {
            return Vec::new();
        }
    };
    groups
        .keys()
        .zip(sizes.iter().zip(wanted))
        .map(|(group, (&population, wanted))| GroupPlan {
            group: (*group).to_owned(),
            population,
            wanted,
            drawn: 0,
            shortfall: wanted.saturating_sub(population),
        })
        .collect()
}

/// Largest-remainder (Hamilton) apportionment of `total` over `sizes`; sums to `total`
/// exactly when `total` is at most their sum.
fn proportional(sizes: &[u64], total: u64) -> Vec<u64> {
    let population: u128 = sizes.iter().map(|&size| u128::from(size)).sum();
    if population == 0 {
        return vec![0; sizes.len()];
    }
    let shares: Vec<(u64, u128)> = sizes
        .iter()
        .map(|&size| {
            let exact = u128::from(total) * u128::from(size);
            // floor ≤ total, so it fits.
            ((exact / population) as u64, exact % population)
        })
        .collect();
    let mut allocated: Vec<u64> = shares.iter().map(|&(floor, _)| floor).collect();
    let unallocated = total - allocated.iter().sum::<u64>();
    let mut by_remainder: Vec<usize> = (0..sizes.len()).collect();
    // Sizes are in key order, so the index breaks ties by key.
    by_remainder.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(a.cmp(&b)));
    // Fewer calls are left than strata with a remainder, and a stratum with a remainder has
    // room for one more (its floor is below its exact share, which is at most its size).
    for &index in by_remainder.iter().take(unallocated as usize) {
        allocated[index] += 1;
    }
    allocated
}

/// Equal allocation of `total` (at most the sum of `sizes`), as [`plan`] describes.
fn equal(sizes: &[u64], total: u64) -> Vec<u64> {
    let mut allocated = vec![0; sizes.len()];
    let mut open: Vec<usize> = (0..sizes.len()).collect();
    let mut remaining = total;
    while !open.is_empty() {
        let share = remaining / open.len() as u64;
        let (exhausted, roomy): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&index| sizes[index] <= share);
        if exhausted.is_empty() {
            let extra = (remaining % open.len() as u64) as usize;
            for (rank, &index) in open.iter().enumerate() {
                // Each open stratum has more than `share` calls, so room for one extra.
                allocated[index] = share + u64::from(rank < extra);
            }
            break;
        }
        for index in exhausted {
            allocated[index] = sizes[index];
            remaining -= sizes[index];
        }
        open = roomy;
    }
    allocated
}
