//! How many calls to review: the sample for a confidence level and margin of error (Krejcie
//! and Morgan's table formula, and Cochran's general form), and the zero-defect (acceptance)
//! sample for detecting a defect rate.
//!
//! The two margin formulas are the same formula. Krejcie and Morgan (1970) write
//! `s = X²NP(1−P) / (d²(N−1) + X²P(1−P))`; dividing through by `d²` and writing
//! `n0 = X²P(1−P)/d²` gives `s = n0 / (1 + (n0−1)/N)`, which is Cochran's `n0 = z²p(1−p)/e²`
//! with the finite population correction, since the chi-square value with one degree of
//! freedom is `z²` for the two-sided normal quantile. They differ only in rounding: Krejcie and
//! Morgan use the three-decimal table value of chi-square (3.841 at 95%, where z² = 3.8415)
//! and round to the nearest call, which is what reproduces their published table; Cochran's
//! form here uses the exact z² and rounds up, the conservative choice for other levels.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An input the calculator cannot use.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum SizeError {
    #[error("the confidence level must be between 0 and 1 (exclusive), not {0}")]
    Confidence(f64),
    #[error("the margin of error must be between 0 and 1 (exclusive), not {0}")]
    Margin(f64),
    #[error("the expected proportion must be between 0 and 1 (exclusive), not {0}")]
    Proportion(f64),
    #[error("the defect rate must be between 0 and 1 (exclusive), not {0}")]
    DefectRate(f64),
    #[error("the population must hold at least one call")]
    EmptyPopulation,
}

/// The proportion that needs the largest sample, used when nothing better is known.
pub const DEFAULT_PROPORTION: f64 = 0.5;

/// The standard normal quantile: the `z` with `P(Z ≤ z) = p`, for `0 < p < 1`.
///
/// Peter J. Acklam's rational approximation (2003), relative error below 1.15e-9, which is
/// far finer than any confidence level is stated to.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    // Below this the central rational function loses accuracy and the tail one takes over.
    const TAIL: f64 = 0.024_25;
    if !(p > 0.0 && p < 1.0) {
        return f64::NAN;
    }
    if p > 1.0 - TAIL {
        return -normal_quantile(1.0 - p);
    }
    if p < TAIL {
        let q = (-2.0 * p.ln()).sqrt();
        let numerator = ((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5];
        let denominator = (((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0;
        return numerator / denominator;
    }
    let q = p - 0.5;
    let r = q * q;
    let numerator = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q;
    let denominator = ((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0;
    numerator / denominator
}

/// The two-sided `z` for a confidence level (1.9600 at 0.95).
pub fn z_for_confidence(confidence: f64) -> Result<f64, SizeError> {
    check_open_unit(confidence, SizeError::Confidence)?;
    Ok(normal_quantile(0.5 + confidence / 2.0))
}

/// The chi-square value with one degree of freedom that Krejcie and Morgan's formula takes:
/// `z²`, to the three decimals printed in chi-square tables (3.841 at 0.95).
pub fn krejcie_morgan_chi_square(confidence: f64) -> Result<f64, SizeError> {
    let z = z_for_confidence(confidence)?;
    Ok((z * z * 1000.0).round() / 1000.0)
}

/// Krejcie and Morgan's sample size for a population, confidence level, margin of error and
/// expected proportion ([`DEFAULT_PROPORTION`] when unknown), rounded to the nearest call as
/// their table is. At 0.95 and 0.05 this is their Table 1.
pub fn sample_size(
    population: u64,
    confidence: f64,
    margin: f64,
    proportion: f64,
) -> Result<u64, SizeError> {
    check_margin_inputs(population, margin, proportion)?;
    let chi_square = krejcie_morgan_chi_square(confidence)?;
    let n = population as f64;
    let spread = proportion * (1.0 - proportion);
    let exact = chi_square * n * spread / (margin * margin * (n - 1.0) + chi_square * spread);
    // The formula never exceeds N; the clamp guards the float against N itself.
    Ok((exact.round() as u64).clamp(1, population))
}

/// Cochran's sample size: `n0 = z²p(1−p)/e²`, then `n = n0 / (1 + (n0−1)/N)` when the
/// population is known, rounded up. `None` is an unlimited population (`n0` itself).
pub fn cochran_sample_size(
    population: Option<u64>,
    confidence: f64,
    margin: f64,
    proportion: f64,
) -> Result<u64, SizeError> {
    check_margin_inputs(population.unwrap_or(1), margin, proportion)?;
    let z = z_for_confidence(confidence)?;
    let n0 = z * z * proportion * (1.0 - proportion) / (margin * margin);
    let Some(population) = population else {
        return Ok(ceil_whole(n0).max(1));
    };
    let corrected = n0 / (1.0 + (n0 - 1.0) / population as f64);
    Ok(ceil_whole(corrected).clamp(1, population))
}

/// The zero-defect (discovery) sample: the fewest calls to review so that, if `defect_rate`
/// of the calls are defective, at least one defective call is seen with probability
/// `confidence`.
///
/// Without a population size, draws are independent: the smallest `n` with
/// `(1−p)^n ≤ 1−C`, i.e. `ceil(ln(1−C) / ln(1−p))` (59 at 95% for a 5% rate). With one,
/// draws are without replacement from `N` calls of which `D = ceil(pN)` are defective: the
/// smallest `n` whose hypergeometric chance of no defect, `C(N−D, n) / C(N, n)`, is at most
/// `1−C`.
pub fn zero_defect_sample(
    defect_rate: f64,
    confidence: f64,
    population: Option<u64>,
) -> Result<u64, SizeError> {
    check_open_unit(defect_rate, SizeError::DefectRate)?;
    check_open_unit(confidence, SizeError::Confidence)?;
    let miss = 1.0 - confidence;
    match population {
        None => Ok(independent_zero_defect(defect_rate, confidence)),
        Some(0) => Err(SizeError::EmptyPopulation),
        Some(population) => {
            let defects = defects_in(population, defect_rate);
            // P(no defect in the first n draws) = Π_{i<n} (N−D−i)/(N−i); it reaches 0 at
            // n = N−D+1, so the loop always ends.
            let mut no_defect = 1.0;
            for n in 1..=population {
                let drawn_before = (n - 1) as f64;
                no_defect *= (population - defects) as f64 - drawn_before;
                no_defect /= population as f64 - drawn_before;
                if no_defect <= miss * (1.0 + 1e-12) {
                    return Ok(n);
                }
            }
            Ok(population)
        }
    }
}

/// How many defective calls a defect rate means in a population: `ceil(pN)`, at least one.
pub fn defects_in(population: u64, defect_rate: f64) -> u64 {
    ceil_whole(defect_rate * population as f64).clamp(1, population.max(1))
}

/// Everything `hark sample size` reports, at the proportion that needs the most calls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SizeReport {
    #[ts(type = "number")]
    pub population: u64,
    pub confidence: f64,
    pub margin: f64,
    pub proportion: f64,
    /// The two-sided normal quantile for the confidence level.
    pub z: f64,
    /// Krejcie and Morgan's chi-square value (three decimals).
    pub chi_square: f64,
    /// Krejcie and Morgan (1970), rounded to the nearest call.
    #[ts(type = "number")]
    pub krejcie_morgan: u64,
    /// Cochran's `n0` before the finite population correction.
    pub cochran_unlimited: f64,
    /// Cochran with the finite population correction, rounded up.
    #[ts(type = "number")]
    pub cochran: u64,
    pub zero_defect: Option<ZeroDefectReport>,
}

/// The zero-defect sample for a defect rate, for the population and for an unlimited one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ZeroDefectReport {
    pub defect_rate: f64,
    /// `ceil(pN)`: the defective calls the rate means in this population.
    #[ts(type = "number")]
    pub defects: u64,
    /// Hypergeometric: drawn without replacement from this population.
    #[ts(type = "number")]
    pub sample: u64,
    /// `ceil(ln(1−C) / ln(1−p))`: an unlimited population.
    #[ts(type = "number")]
    pub unlimited_sample: u64,
}

/// The calculator's figures for a population, confidence level and margin, and optionally
/// the zero-defect sample for a defect rate.
pub fn size_report(
    population: u64,
    confidence: f64,
    margin: f64,
    defect_rate: Option<f64>,
) -> Result<SizeReport, SizeError> {
    let proportion = DEFAULT_PROPORTION;
    let z = z_for_confidence(confidence)?;
    let zero_defect = match defect_rate {
        Some(rate) => Some(ZeroDefectReport {
            defect_rate: rate,
            defects: defects_in(population, rate),
            sample: zero_defect_sample(rate, confidence, Some(population))?,
            unlimited_sample: zero_defect_sample(rate, confidence, None)?,
        }),
        None => None,
    };
    Ok(SizeReport {
        population,
        confidence,
        margin,
        proportion,
        z,
        chi_square: krejcie_morgan_chi_square(confidence)?,
        krejcie_morgan: sample_size(population, confidence, margin, proportion)?,
        cochran_unlimited: z * z * proportion * (1.0 - proportion) / (margin * margin),
        cochran: cochran_sample_size(Some(population), confidence, margin, proportion)?,
        zero_defect,
    })
}

fn independent_zero_defect(defect_rate: f64, confidence: f64) -> u64 {
    // Compare in logs (ln_1p keeps small rates exact): n·ln(1−p) ≤ ln(1−C).
    let log_keep = (-defect_rate).ln_1p();
    let log_miss = (-confidence).ln_1p();
    let reaches = |n: u64| n as f64 * log_keep <= log_miss * (1.0 - 1e-12);
    let mut n = (log_miss / log_keep).ceil().max(1.0) as u64;
    // The division can land one off an exact integer; settle on the smallest n that reaches.
    while n > 1 && reaches(n - 1) {
        n -= 1;
    }
    while !reaches(n) && n < u64::MAX {
        n += 1;
    }
    n
}

fn check_margin_inputs(population: u64, margin: f64, proportion: f64) -> Result<(), SizeError> {
    if population == 0 {
        return Err(SizeError::EmptyPopulation);
    }
    check_open_unit(margin, SizeError::Margin)?;
    check_open_unit(proportion, SizeError::Proportion)
}

fn check_open_unit(value: f64, error: fn(f64) -> SizeError) -> Result<(), SizeError> {
    // Written so NaN fails too.
    if value > 0.0 && value < 1.0 {
        Ok(())
    } else {
        Err(error(value))
    }
}

/// Rounds up, except that a value within float noise of a whole number is that number (so
/// 10% of 50 calls is 5, not 6).
fn ceil_whole(value: f64) -> u64 {
    let nearest = value.round();
    if (value - nearest).abs() <= 1e-9 * nearest.abs().max(1.0) {
        nearest as u64
    } else {
        value.ceil() as u64
    }
}
