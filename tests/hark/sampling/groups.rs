//! Quotas and strata: exact counts per group, shortfalls, allocations planned before drawing.

use std::collections::{BTreeMap, HashSet};

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use hark::sampling::{
    Allocation, Candidate, Drawn, GroupPlan, Method, Period, QuotaGroup, StratumField, draw, plan,
    replacement,
};

use super::draw::{candidate, ids};

/// Calls in groups of the given sizes (ids interleaved across groups), plus `ungrouped` calls
/// with no group.
fn grouped(sizes: &[(&str, u64)], ungrouped: u64) -> Vec<Candidate> {
    let mut population = Vec::new();
    let mut id = 1;
    for &(group, size) in sizes {
        for _ in 0..size {
            population.push(candidate(id, Some(group), None));
            id += 3;
        }
    }
    for _ in 0..ungrouped {
        population.push(candidate(id, None, None));
        id += 3;
    }
    population.sort_by_key(|c| c.recording_id);
    population
}

fn quota(calls: u32) -> Method {
    Method::Quota {
        per: QuotaGroup::Agent,
        period: Period::Week,
        calls,
        min_duration_ms: 0,
    }
}

fn stratified(size: u32, allocation: Allocation) -> Method {
    Method::Stratified {
        field: StratumField::Queue,
        size,
        allocation,
    }
}

fn row(group: &str, population: u64, wanted: u64, drawn: u64, shortfall: u64) -> GroupPlan {
    GroupPlan {
        group: group.to_owned(),
        population,
        wanted,
        drawn,
        shortfall,
    }
}

/// Checks every pick belongs to the group it is filed under, and counts picks per group.
fn picks_per_group(drawn: &Drawn, population: &[Candidate]) -> BTreeMap<String, u64> {
    let group_of: BTreeMap<i64, Option<&str>> = population
        .iter()
        .map(|c| (c.recording_id, c.group.as_deref()))
        .collect();
    let mut counts = BTreeMap::new();
    for pick in &drawn.picks {
        let group = pick.group.as_deref().expect("grouped pick");
        assert_eq!(group_of[&pick.recording_id], Some(group), "{pick:?}");
        *counts.entry(group.to_owned()).or_insert(0) += 1;
    }
    let unique: HashSet<i64> = ids(&drawn.picks).into_iter().collect();
    assert_eq!(unique.len(), drawn.picks.len(), "no call twice");
    counts
}

#[test]
fn quotas_take_exactly_n_per_group_and_show_shortfalls() {
    let population = grouped(
        &[
            ("Emma Clarke · 2026-W45", 10),
            ("Ivan Petrov · 2026-W45", 3),
            ("Noah Levi · 2026-W45", 5),
        ],
        4,
    );
    let expected_plan = vec![
        row("Emma Clarke · 2026-W45", 10, 4, 0, 0),
        row("Ivan Petrov · 2026-W45", 3, 4, 0, 1),
        row("Noah Levi · 2026-W45", 5, 4, 0, 0),
    ];
    assert_eq!(plan(&quota(4), &population), expected_plan);
    for seed in 0..20 {
        let drawn = draw(&quota(4), &population, seed);
        assert_eq!(
            drawn.groups,
            vec![
                row("Emma Clarke · 2026-W45", 10, 4, 4, 0),
                row("Ivan Petrov · 2026-W45", 3, 4, 3, 1),
                row("Noah Levi · 2026-W45", 5, 4, 4, 0),
            ]
        );
        let counts = picks_per_group(&drawn, &population);
        assert_eq!(counts.values().copied().collect::<Vec<_>>(), [4, 3, 4]);
        // Group by group, in key order.
        let order: Vec<&str> = drawn
            .picks
            .iter()
            .filter_map(|p| p.group.as_deref())
            .collect();
        assert!(order.is_sorted());
    }
}

#[test]
fn proportional_allocation_uses_largest_remainders_and_sums_exactly() {
    let population = grouped(&[("a", 5), ("b", 3), ("c", 2)], 0);
    // Exact shares 3.5, 2.1, 1.4: floors 3, 2, 1 and the last call to the largest remainder.
    let wanted: Vec<u64> = plan(&stratified(7, Allocation::Proportional), &population)
        .iter()
        .map(|row| row.wanted)
        .collect();
    assert_eq!(wanted, [4, 2, 1]);
    // Equal remainders: the earlier key wins.
    let even = grouped(&[("x", 7), ("y", 7), ("z", 7)], 0);
    let wanted: Vec<u64> = plan(&stratified(10, Allocation::Proportional), &even)
        .iter()
        .map(|row| row.wanted)
        .collect();
    assert_eq!(wanted, [4, 3, 3]);

    let mut rng = ChaCha20Rng::seed_from_u64(5);
    let names = ["a", "b", "c", "d", "e", "f", "g"];
    for _ in 0..300 {
        let strata = rng.random_range(1..=names.len());
        let sizes: Vec<(&str, u64)> = names[..strata]
            .iter()
            .map(|&name| (name, rng.random_range(1..40u64)))
            .collect();
        let total: u64 = sizes.iter().map(|&(_, size)| size).sum();
        let size = rng.random_range(0..=total as u32 + 10);
        let rows = plan(
            &stratified(size, Allocation::Proportional),
            &grouped(&sizes, 0),
        );
        assert_eq!(
            rows.iter().map(|row| row.wanted).sum::<u64>(),
            u64::from(size).min(total),
            "{sizes:?} size {size}"
        );
        let share_of = u64::from(size).min(total) as f64 / total as f64;
        for row in &rows {
            let exact = share_of * row.population as f64;
            assert!(row.wanted <= row.population && (row.wanted as f64 - exact).abs() < 1.0);
            assert_eq!(row.shortfall, 0);
        }
    }
}

#[test]
fn equal_allocation_gives_small_strata_all_and_shares_the_rest() {
    // 13 over 4 strata: "a" has only 2, so 11 remain for three strata: 4, 4, 3 (the extra
    // calls go to the earlier keys).
    let population = grouped(&[("a", 2), ("b", 10), ("c", 10), ("d", 10)], 3);
    let expected = vec![
        row("a", 2, 2, 0, 0),
        row("b", 10, 4, 0, 0),
        row("c", 10, 4, 0, 0),
        row("d", 10, 3, 0, 0),
    ];
    let method = stratified(13, Allocation::Equal);
    assert_eq!(plan(&method, &population), expected);
    for seed in 0..20 {
        let drawn = draw(&method, &population, seed);
        let counts = picks_per_group(&drawn, &population);
        assert_eq!(counts.values().copied().collect::<Vec<_>>(), [2, 4, 4, 3]);
        assert!(drawn.groups.iter().all(|row| row.drawn == row.wanted));
    }
    // Asking for more than there are takes everything, stratum by stratum.
    let all = plan(&stratified(100, Allocation::Equal), &population);
    assert!(all.iter().all(|row| row.wanted == row.population));
    // Sharing again can exhaust another stratum: 16 over 3 is 5 each, "a" gives its 1; 15
    // over two is 7 or 8, "b" gives its 6; "c" takes the remaining 9.
    let cascade = grouped(&[("a", 1), ("b", 6), ("c", 20)], 0);
    let wanted: Vec<u64> = plan(&stratified(16, Allocation::Equal), &cascade)
        .iter()
        .map(|row| row.wanted)
        .collect();
    assert_eq!(wanted, [1, 6, 9]);
}

#[test]
fn stratified_draws_match_the_plan_exactly() {
    let population = grouped(&[("billing", 40), ("sales", 25), ("support", 35)], 5);
    for allocation in [Allocation::Proportional, Allocation::Equal] {
        let method = stratified(20, allocation);
        let planned = plan(&method, &population);
        for seed in 0..10 {
            let drawn = draw(&method, &population, seed);
            let counts = picks_per_group(&drawn, &population);
            let wanted: BTreeMap<String, u64> = planned
                .iter()
                .map(|row| (row.group.clone(), row.wanted))
                .collect();
            assert_eq!(counts, wanted, "{allocation:?}");
            assert_eq!(drawn.picks.len(), 20);
        }
    }
}

#[test]
fn grouped_replacements_come_from_the_same_group() {
    let population = grouped(&[("a", 6), ("b", 6)], 2);
    let method = quota(3);
    let drawn = draw(&method, &population, 8);
    let in_sample: HashSet<i64> = ids(&drawn.picks).into_iter().collect();
    let in_b: HashSet<i64> = population
        .iter()
        .filter(|c| c.group.as_deref() == Some("b"))
        .map(|c| c.recording_id)
        .collect();
    for number in 0..50 {
        let pick = replacement(&method, &population, 8, &in_sample, Some("b"), number)
            .expect("three b calls left");
        assert!(in_b.contains(&pick.recording_id) && !in_sample.contains(&pick.recording_id));
        assert_eq!(pick.group.as_deref(), Some("b"));
    }
    assert_eq!(
        replacement(&method, &population, 8, &in_sample, None, 0),
        None
    );
    let everyone_in_b: HashSet<i64> = in_sample.union(&in_b).copied().collect();
    assert_eq!(
        replacement(&method, &population, 8, &everyone_in_b, Some("b"), 0),
        None
    );
}
