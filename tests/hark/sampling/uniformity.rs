//! Every eligible call equally likely: Pearson chi-square tests over many seeded draws.

use std::collections::{BTreeMap, HashSet};

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use hark::sampling::{Method, SampleSize, draw, normal_quantile, replacement};

use super::draw::{calls, ids};

/// Upper 0.001 critical values of chi-square, from the NIST/SEMATECH e-Handbook of
/// Statistical Methods, section 1.3.6.7.4 ("Critical Values of the Chi-Square Distribution",
/// https://www.itl.nist.gov/div898/handbook/eda/section3/eda3674.htm); checked below against
/// the distribution itself.
const CRITICAL_49_DF: f64 = 85.351;
const CRITICAL_14_DF: f64 = 36.123;

/// Pearson's statistic for counts that should all equal `expected`.
fn chi_square(counts: impl Iterator<Item = u64>, expected: f64) -> f64 {
    counts
        .map(|count| (count as f64 - expected).powi(2) / expected)
        .sum()
}

/// `P(X > x)` for chi-square with `df` degrees of freedom: one minus the regularized lower
/// incomplete gamma `P(df/2, x/2)`, by its power series. `ln Γ(df/2)` is exact here: df/2 is
/// a whole or half number, so Γ builds up from Γ(1) = 1 or Γ(1/2) = √π.
fn chi_square_upper_tail(df: u32, x: f64) -> f64 {
    let s = f64::from(df) / 2.0;
    let half_x = x / 2.0;
    let mut ln_gamma_s = if df.is_multiple_of(2) {
        0.0
    } else {
        std::f64::consts::PI.sqrt().ln()
    };
    let mut t = if df.is_multiple_of(2) { 1.0 } else { 0.5 };
    while t < s {
        ln_gamma_s += t.ln();
        t += 1.0;
    }
    let mut term = 1.0 / s;
    let mut series = term;
    let mut n = 1.0;
    while term > series * 1e-17 {
        term *= half_x / (s + n);
        series += term;
        n += 1.0;
    }
    1.0 - (s * half_x.ln() - half_x - ln_gamma_s).exp() * series
}

#[test]
fn the_cited_critical_values_are_the_chi_square_quantiles() {
    for (df, critical) in [(49, CRITICAL_49_DF), (14, CRITICAL_14_DF), (1, 10.828)] {
        let tail = chi_square_upper_tail(df, critical);
        assert!(
            (tail - 0.001).abs() < 1e-6,
            "{df} df: P(X > {critical}) = {tail}"
        );
    }
    assert!((chi_square_upper_tail(1, 3.841) - 0.05).abs() < 1e-4);
    // Wilson-Hilferty's approximation, with Hark's normal quantile, lands close by.
    let k: f64 = 49.0;
    let z = normal_quantile(0.999);
    let wilson_hilferty = k * (1.0 - 2.0 / (9.0 * k) + z * (2.0 / (9.0 * k)).sqrt()).powi(3);
    assert!(
        (wilson_hilferty - CRITICAL_49_DF).abs() < 0.15,
        "{wilson_hilferty}"
    );
}

#[test]
fn simple_random_samples_give_every_call_the_same_chance() {
    // 20,000 draws of 5 from 50 calls: each call should be in 2,000 of them, and first in
    // 400. The inclusion statistic's null mean is 45 rather than 49 (five distinct calls per
    // draw), so its 49 df critical value errs towards not rejecting; the first-position
    // counts are a plain multinomial with 49 df.
    let population = calls(50);
    let method = Method::Random {
        size: SampleSize::Count(5),
    };
    let draws = 20_000u64;
    let mut included: BTreeMap<i64, u64> = population.iter().map(|c| (c.recording_id, 0)).collect();
    let mut first: BTreeMap<i64, u64> = included.clone();
    for seed in 0..draws {
        let picked = ids(&draw(&method, &population, seed).picks);
        assert_eq!(picked.iter().collect::<HashSet<_>>().len(), 5);
        for id in &picked {
            *included.get_mut(id).expect("a population call") += 1;
        }
        *first.get_mut(&picked[0]).expect("a population call") += 1;
    }
    let inclusion = chi_square(included.values().copied(), (draws * 5) as f64 / 50.0);
    let first_position = chi_square(first.values().copied(), draws as f64 / 50.0);
    println!("chi-square, 49 df: inclusion {inclusion:.2}, first position {first_position:.2}");
    assert!(
        inclusion < CRITICAL_49_DF,
        "inclusion chi-square {inclusion}"
    );
    assert!(
        first_position < CRITICAL_49_DF,
        "first-position chi-square {first_position}"
    );
}

#[test]
fn the_test_rejects_a_modulo_biased_choice() {
    // A classic bug: a byte modulo 50 favours the first six calls 6:5. The same test and
    // sample size catch it, so passing above means something.
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let mut first = [0u64; 50];
    for _ in 0..20_000 {
        first[usize::from(rng.random::<u8>() % 50)] += 1;
    }
    let statistic = chi_square(first.iter().copied(), 400.0);
    println!("modulo-biased first position chi-square, 49 df: {statistic:.2}");
    assert!(statistic > CRITICAL_49_DF, "{statistic}");
}

#[test]
fn replacements_are_uniform_over_the_calls_left() {
    let population = calls(20);
    let method = Method::Random {
        size: SampleSize::Count(5),
    };
    let in_sample: HashSet<i64> = ids(&draw(&method, &population, 3).picks)
        .into_iter()
        .collect();
    let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
    let rounds = 6_000u32;
    for number in 0..rounds {
        let pick = replacement(&method, &population, 3, &in_sample, None, number).expect("left");
        *counts.entry(pick.recording_id).or_insert(0) += 1;
    }
    assert_eq!(counts.len(), 15);
    let statistic = chi_square(counts.values().copied(), f64::from(rounds) / 15.0);
    println!("replacement chi-square, 14 df: {statistic:.2}");
    assert!(statistic < CRITICAL_14_DF, "{statistic}");
}
