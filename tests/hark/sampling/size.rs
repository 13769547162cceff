//! The sample-size calculator against published figures and brute force.

use hark::sampling::{
    DEFAULT_PROPORTION, SizeError, cochran_sample_size, krejcie_morgan_chi_square, normal_quantile,
    sample_size, z_for_confidence, zero_defect_sample,
};

use crate::common::{hark, run_ok};

/// Table 1 of Krejcie, R. V. & Morgan, D. W. (1970), "Determining Sample Size for Research
/// Activities", Educational and Psychological Measurement 30, 607-610: population N, sample
/// S, at 95% confidence and a 5% margin. Reproduced e.g. at
/// https://studylib.net/doc/25399219/krejcieandmorgan-article-sample-size and
/// http://www.kenpro.org/sample-size-determination-using-krejcie-and-morgan-table/.
const KREJCIE_MORGAN_TABLE: [(u64, u64); 90] = [
    (10, 10),
    (15, 14),
    (20, 19),
    (25, 24),
    (30, 28),
    (35, 32),
    (40, 36),
    (45, 40),
    (50, 44),
    (55, 48),
    (60, 52),
    (65, 56),
    (70, 59),
    (75, 63),
    (80, 66),
    (85, 70),
    (90, 73),
    (95, 76),
    (100, 80),
    (110, 86),
    (120, 92),
    (130, 97),
    (140, 103),
    (150, 108),
    (160, 113),
    (170, 118),
    (180, 123),
    (190, 127),
    (200, 132),
    (210, 136),
    (220, 140),
    (230, 144),
    (240, 148),
    (250, 152),
    (260, 155),
    (270, 159),
    (280, 162),
    (290, 165),
    (300, 169),
    (320, 175),
    (340, 181),
    (360, 186),
    (380, 191),
    (400, 196),
    (420, 201),
    (440, 205),
    (460, 210),
    (480, 214),
    (500, 217),
    (550, 226),
    (600, 234),
    (650, 242),
    (700, 248),
    (750, 254),
    (800, 260),
    (850, 265),
    (900, 269),
    (950, 274),
    (1_000, 278),
    (1_100, 285),
    (1_200, 291),
    (1_300, 297),
    (1_400, 302),
    (1_500, 306),
    (1_600, 310),
    (1_700, 313),
    (1_800, 317),
    (1_900, 320),
    (2_000, 322),
    (2_200, 327),
    (2_400, 331),
    (2_600, 335),
    (2_800, 338),
    (3_000, 341),
    (3_500, 346),
    (4_000, 351),
    (4_500, 354),
    (5_000, 357),
    (6_000, 361),
    (7_000, 364),
    (8_000, 367),
    (9_000, 368),
    (10_000, 370),
    (15_000, 375),
    (20_000, 377),
    (30_000, 379),
    (40_000, 380),
    (50_000, 381),
    (75_000, 382),
    (1_000_000, 384),
];

#[test]
fn reproduces_the_whole_krejcie_and_morgan_table() {
    let wrong: Vec<(u64, u64, u64)> = KREJCIE_MORGAN_TABLE
        .iter()
        .map(|&(n, s)| {
            (
                n,
                s,
                sample_size(n, 0.95, 0.05, DEFAULT_PROPORTION).expect("size"),
            )
        })
        .filter(|&(_, published, computed)| published != computed)
        .collect();
    assert!(wrong.is_empty(), "(N, published, computed): {wrong:?}");
}

#[test]
fn cochran_with_the_correction_is_the_same_formula_rounded_up() {
    // Algebraically identical; only X² (3.841 vs z² = 3.8415) and rounding (nearest vs up)
    // differ, which moves no population by more than one call.
    for &(n, published) in &KREJCIE_MORGAN_TABLE {
        let cochran = cochran_sample_size(Some(n), 0.95, 0.05, 0.5).expect("size");
        assert!(
            cochran == published || cochran == published + 1,
            "N = {n}: Cochran {cochran}, Krejcie & Morgan {published}"
        );
    }
    // The textbook unlimited-population figures: z²·0.25/0.05², rounded up.
    for (confidence, expected) in [(0.90, 271), (0.95, 385), (0.99, 664)] {
        assert_eq!(
            cochran_sample_size(None, confidence, 0.05, 0.5).expect("size"),
            expected,
            "{confidence}"
        );
    }
    assert_eq!(cochran_sample_size(None, 0.95, 0.03, 0.5), Ok(1068));
}

#[test]
fn normal_quantiles_match_published_values() {
    for (p, z) in [
        (0.95, 1.6449),
        (0.975, 1.9600),
        (0.995, 2.5758),
        (0.999, 3.0902),
    ] {
        assert!(
            (normal_quantile(p) - z).abs() < 5e-5,
            "{p}: {}",
            normal_quantile(p)
        );
        assert!((normal_quantile(1.0 - p) + z).abs() < 5e-5, "{p}");
    }
    assert_eq!(normal_quantile(0.5), 0.0);
    assert!((z_for_confidence(0.95).expect("z") - 1.959_964).abs() < 1e-6);
    assert!(normal_quantile(0.0).is_nan() && normal_quantile(1.0).is_nan());
    // The chi-square (1 df) table values Krejcie and Morgan's formula takes.
    for (confidence, chi_square) in [(0.90, 2.706), (0.95, 3.841), (0.99, 6.635)] {
        assert_eq!(krejcie_morgan_chi_square(confidence), Ok(chi_square));
    }
}

#[test]
fn zero_defect_samples_for_unlimited_populations() {
    // ceil(ln(1−C) / ln(1−p)).
    for (rate, confidence, expected) in [
        (0.05, 0.95, 59),
        (0.01, 0.95, 299),
        (0.10, 0.90, 22),
        (0.01, 0.99, 459),
        // ln(0.25) / ln(0.5) is exactly 2: no extra call for float noise.
        (0.5, 0.75, 2),
    ] {
        assert_eq!(
            zero_defect_sample(rate, confidence, None),
            Ok(expected),
            "{rate} at {confidence}"
        );
    }
}

/// C(n, k) exactly.
fn choose(n: u64, k: u64) -> u128 {
    (0..k).fold(1u128, |acc, i| acc * u128::from(n - i) / u128::from(i + 1))
}

#[test]
fn zero_defect_samples_for_finite_populations_match_brute_force() {
    // Confidence as a whole percentage, so "P(no defect) ≤ 1 − C" is exact in integers:
    // C(N−D, n) · 100 ≤ (100 − C%) · C(N, n).
    for population in [20u64, 60, 100] {
        for rate_percent in [1u64, 2, 5, 10, 20] {
            for confidence_percent in [80u64, 90, 95, 99] {
                let defects = (rate_percent * population).div_ceil(100);
                let brute = (1..=population)
                    .find(|&n| {
                        choose(population - defects, n) * 100
                            <= u128::from(100 - confidence_percent) * choose(population, n)
                    })
                    .expect("n = N always detects");
                let computed = zero_defect_sample(
                    rate_percent as f64 / 100.0,
                    confidence_percent as f64 / 100.0,
                    Some(population),
                )
                .expect("size");
                assert_eq!(
                    computed, brute,
                    "N {population}, p {rate_percent}%, C {confidence_percent}%"
                );
                let unlimited = zero_defect_sample(
                    rate_percent as f64 / 100.0,
                    confidence_percent as f64 / 100.0,
                    None,
                )
                .expect("size");
                assert!(
                    computed <= unlimited,
                    "drawing without replacement needs no more"
                );
            }
        }
    }
    // A worked case: 5 defective calls in 100 need 45 reviewed to see one at 95%.
    assert_eq!(zero_defect_sample(0.05, 0.95, Some(100)), Ok(45));
}

#[test]
fn invalid_inputs_are_typed_errors() {
    assert_eq!(
        sample_size(100, 1.0, 0.05, 0.5),
        Err(SizeError::Confidence(1.0))
    );
    assert_eq!(
        sample_size(100, 0.0, 0.05, 0.5),
        Err(SizeError::Confidence(0.0))
    );
    assert!(matches!(
        sample_size(100, f64::NAN, 0.05, 0.5),
        Err(SizeError::Confidence(_))
    ));
    assert_eq!(
        sample_size(100, 0.95, 0.0, 0.5),
        Err(SizeError::Margin(0.0))
    );
    assert_eq!(
        sample_size(100, 0.95, 1.5, 0.5),
        Err(SizeError::Margin(1.5))
    );
    assert_eq!(
        sample_size(100, 0.95, 0.05, 1.0),
        Err(SizeError::Proportion(1.0))
    );
    assert_eq!(
        sample_size(0, 0.95, 0.05, 0.5),
        Err(SizeError::EmptyPopulation)
    );
    assert_eq!(
        zero_defect_sample(0.0, 0.95, None),
        Err(SizeError::DefectRate(0.0))
    );
    assert_eq!(
        zero_defect_sample(0.05, 0.95, Some(0)),
        Err(SizeError::EmptyPopulation)
    );
    assert_eq!(sample_size(1, 0.95, 0.05, 0.5), Ok(1));
}

#[test]
fn cli_prints_the_formula_and_the_figure() {
    let text = run_ok(hark().args(["sample", "size", "--population", "9000"]));
    assert!(
        text.contains("s = X²NP(1−P) / (d²(N−1) + X²P(1−P))"),
        "{text}"
    );
    assert!(text.contains("X² = 3.841"), "{text}");
    assert!(text.contains("sample size: 368"), "{text}");

    let json = run_ok(hark().args([
        "sample",
        "size",
        "--population",
        "100",
        "--confidence",
        "0.95",
        "--margin",
        "0.05",
        "--defect-rate",
        "0.05",
        "--json",
    ]));
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(report["krejcieMorgan"], 80);
    assert_eq!(report["zeroDefect"]["sample"], 45);
    assert_eq!(report["zeroDefect"]["unlimitedSample"], 59);
    assert_eq!(report["zeroDefect"]["defects"], 5);

    let failed = hark()
        .args(["sample", "size", "--population", "100", "--margin", "0"])
        .output()
        .expect("run hark");
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("margin of error"));
}
