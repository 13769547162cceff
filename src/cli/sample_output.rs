//! How `hark sample` prints samples and sample sizes for people.

use std::io::Write;

use hark::sampling::{SampleDetail, SizeReport};

use super::output::{format_duration, say};

pub fn print_detail(detail: &SampleDetail) -> std::io::Result<()> {
    let s = &detail.sample;
    say!(
        "Sample {} \"{}\" ({:?}), drawn by {} at {}",
        s.id,
        s.name,
        s.status,
        s.drawn_by,
        s.drawn_at
    )?;
    say!(
        "  method:     {}",
        serde_json::to_string(&s.method).unwrap_or_default()
    )?;
    say!(
        "  criteria:   {}",
        if s.criteria.is_empty() {
            "(every readable recording)"
        } else {
            &s.criteria
        }
    )?;
    say!(
        "  population: {} recordings (BLAKE3 {})",
        s.population_size,
        s.population_hash
    )?;
    say!("  generator:  {}", s.generator)?;
    say!("  seed:       {}", s.seed)?;
    for group in &detail.groups {
        let short = match group.shortfall {
            0 => String::new(),
            n => format!(", {n} short"),
        };
        say!(
            "  {:<32} {:>7} calls, {:>5} wanted, {:>5} drawn{short}",
            group.group,
            group.population,
            group.wanted,
            group.drawn
        )?;
    }
    say!(
        "{:>4}  {:>9}  {:<44} {:<20} {:>9}  {:<12} due",
        "#",
        "recording",
        "file",
        "agent",
        "duration",
        "reviewer"
    )?;
    for item in &detail.items {
        let replaced = match (&item.replaced_reason, item.replaced_by) {
            (Some(reason), Some(by)) => format!("  replaced by #{by}: {reason}"),
            _ => String::new(),
        };
        say!(
            "{:>4}  {:>9}  {:<44} {:<20} {:>9}  {:<12} {}{replaced}",
            item.position,
            item.recording_id,
            item.file_name,
            item.agent.as_deref().unwrap_or("-"),
            item.duration_ms.map(format_duration).unwrap_or_default(),
            item.assignee.as_deref().unwrap_or("-"),
            item.due_date.as_deref().unwrap_or("-"),
        )?;
    }
    Ok(())
}

/// The sample-size figures with the formulas that gave them, so the figure can be checked.
pub fn print_size_report(report: &SizeReport) -> std::io::Result<()> {
    say!(
        "Population N = {}, confidence C = {}, margin of error d = {}, proportion P = {}",
        report.population,
        report.confidence,
        report.margin,
        report.proportion
    )?;
    say!(
        "Krejcie & Morgan (1970): s = X²NP(1−P) / (d²(N−1) + X²P(1−P)), X² = {:.3} \
         (chi-square, 1 df), to the nearest call\n  sample size: {}",
        report.chi_square,
        report.krejcie_morgan
    )?;
    say!(
        "Cochran: n0 = z²P(1−P)/d² = {:.2} (z = {:.4}), n = n0 / (1 + (n0−1)/N), rounded up\n  \
         sample size: {}",
        report.cochran_unlimited,
        report.z,
        report.cochran
    )?;
    if let Some(zero) = &report.zero_defect {
        say!(
            "Zero-defect sample for a defect rate p = {}: the smallest n with P(no defect among \
             n calls) ≤ 1 − C, with D = ceil(pN) = {} defective calls (hypergeometric)\n  \
             sample size: {} (unlimited population: ceil(ln(1−C) / ln(1−p)) = {})",
            zero.defect_rate,
            zero.defects,
            zero.sample,
            zero.unlimited_sample
        )?;
    }
    Ok(())
}
