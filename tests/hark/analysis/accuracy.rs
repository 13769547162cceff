//! Comparing metrics with the truth of where talk was placed.

use hark::analysis::{Metrics, Span, timeline};

/// Where the talk is, per side, as placed by the generator.
#[derive(Debug, Clone)]
pub struct Truth {
    pub name: String,
    pub agent: Vec<Span>,
    pub customer: Vec<Span>,
}

/// How far the metrics are from the truth.
#[derive(Debug, Clone)]
pub struct Errors {
    pub agent_talk_pct: f64,
    pub customer_talk_pct: f64,
    /// Worst start or end error of a silence over the dead-air threshold.
    pub worst_boundary_ms: u64,
    pub overtalk_s: f64,
    pub silences: usize,
    pub overtalks: usize,
    pub problems: Vec<String>,
}

const TALK_TOLERANCE_PCT: f64 = 5.0;
const BOUNDARY_TOLERANCE_MS: u64 = 250;
const OVERTALK_TOLERANCE_S: f64 = 0.5;

fn sorted(spans: &[Span]) -> Vec<Span> {
    let mut spans = spans.to_vec();
    spans.sort_by_key(|s| s.start_ms);
    spans
}

/// Compares; `problems` lists every tolerance missed.
pub fn compare(truth: &Truth, m: &Metrics) -> Errors {
    let mut problems = Vec::new();
    let (agent, customer) = (sorted(&truth.agent), sorted(&truth.customer));
    let pct = |measured: Option<u64>, truth: &[Span]| {
        let t = timeline::total_ms(truth) as f64;
        (measured.unwrap_or(0) as f64 - t) / t.max(1.0) * 100.0
    };
    let agent_talk_pct = pct(m.agent_talk_ms, &agent);
    let customer_talk_pct = pct(m.customer_talk_ms, &customer);
    for (side, error) in [("agent", agent_talk_pct), ("customer", customer_talk_pct)] {
        if error.abs() > TALK_TOLERANCE_PCT {
            problems.push(format!("{side} talk time off by {error:.1} %"));
        }
    }

    // Silences over the threshold between talk, both ways: each true one found, none invented.
    let talk = timeline::union(&agent, &customer);
    let true_silences = timeline::dead_air(&talk, m.dead_air_threshold_ms + 1);
    let mut worst_boundary_ms = 0;
    let close = |a: &Span, b: &Span| {
        let error = a
            .start_ms
            .abs_diff(b.start_ms)
            .max(a.end_ms.abs_diff(b.end_ms));
        (error <= BOUNDARY_TOLERANCE_MS).then_some(error)
    };
    for silence in &true_silences {
        match m
            .timeline
            .dead_air
            .iter()
            .find_map(|found| close(silence, found))
        {
            Some(error) => worst_boundary_ms = worst_boundary_ms.max(error),
            None => problems.push(format!(
                "silence {silence:?} not found within {BOUNDARY_TOLERANCE_MS} ms in {:?}",
                m.timeline.dead_air
            )),
        }
    }
    for found in &m.timeline.dead_air {
        if !true_silences.iter().any(|s| close(s, found).is_some()) {
            problems.push(format!("dead air {found:?} is not a true silence"));
        }
    }

    let true_overtalks: Vec<Span> = timeline::intersection(&agent, &customer)
        .into_iter()
        .filter(|s| s.len_ms() >= 1000)
        .collect();
    let true_overtalk = timeline::total_ms(&true_overtalks);
    let overtalk_s = (m.overtalk_ms.unwrap_or(0) as f64 - true_overtalk as f64) / 1000.0;
    if overtalk_s.abs() > OVERTALK_TOLERANCE_S {
        problems.push(format!("overtalk off by {overtalk_s:.2} s"));
    }
    Errors {
        agent_talk_pct,
        customer_talk_pct,
        worst_boundary_ms,
        overtalk_s,
        silences: true_silences.len(),
        overtalks: true_overtalks.len(),
        problems,
    }
}

/// Prints one line per file (shown with --nocapture) and fails with every problem at once.
pub fn assert_all(results: &[(Truth, Errors)]) {
    let mut failures = Vec::new();
    for (truth, e) in results {
        println!(
            "{:<60} talk agent {:+5.2} % customer {:+5.2} %, {} silences worst end {:>3} ms, \
             overtalk {:+.2} s",
            truth.name,
            e.agent_talk_pct,
            e.customer_talk_pct,
            e.silences,
            e.worst_boundary_ms,
            e.overtalk_s
        );
        for problem in &e.problems {
            failures.push(format!("{}: {problem}", truth.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
