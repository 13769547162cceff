//! Every field, operator and flag against the fixture library: the calls selected must be
//! exactly the eligible calls the same test selects when worked out in Rust.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use hark::sampling::{Criteria, count};
use hark::store::recordings::Direction;

use super::fixture::{Call, Fixture, build};

type Wanted = fn(&Call) -> bool;

/// Checks the count and the ids, and that the case is not vacuous (it selects some but not
/// all eligible calls).
fn check_all(f: &Fixture, cases: &[(&str, Wanted)]) {
    let eligible = f.expected(|_| true).len();
    for (text, wanted) in cases {
        let expected = f.expected(wanted);
        assert!(
            !expected.is_empty() && expected.len() < eligible,
            "{text}: the fixture gives {} of {eligible} calls; make the case discriminate",
            expected.len()
        );
        let criteria = Criteria::parse(text).expect("parse");
        let counted = count(f.t.db.conn(), &criteria).expect("count");
        assert_eq!(counted, expected.len() as u64, "count of {text}");
        assert_eq!(f.selected(text), expected, "calls of {text}");
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").expect("time")
}

fn local_date(c: &Call) -> Option<NaiveDate> {
    c.local().map(|t| t.date())
}

fn weekday(c: &Call) -> Option<u32> {
    c.local().map(|t| t.weekday().num_days_from_monday())
}

fn hour(c: &Call) -> Option<u32> {
    c.local().map(|t| t.hour())
}

fn silence(c: &Call) -> Option<f64> {
    c.metrics.as_ref().map(|m| m.silence)
}

#[test]
fn start_compares_the_local_date_and_time() {
    let f = build(400);
    check_all(
        &f,
        &[
            ("start = 2026-11-03", |c| {
                local_date(c) == Some(date("2026-11-03"))
            }),
            ("start != 2026-11-03", |c| {
                local_date(c) != Some(date("2026-11-03"))
            }),
            ("start < 2026-11-03", |c| {
                local_date(c).is_some_and(|d| d < date("2026-11-03"))
            }),
            ("start <= 2026-11-03", |c| {
                local_date(c).is_some_and(|d| d <= date("2026-11-03"))
            }),
            ("start > 2026-11-03", |c| {
                local_date(c).is_some_and(|d| d > date("2026-11-03"))
            }),
            ("start >= 2026-11-03T09:30", |c| {
                c.local().is_some_and(|t| t >= at("2026-11-03T09:30:00"))
            }),
            ("start < 2026-11-03T12:00:30", |c| {
                c.local().is_some_and(|t| t < at("2026-11-03T12:00:30"))
            }),
            ("start between 2026-11-02 and 2026-11-04", |c| {
                local_date(c).is_some_and(|d| d >= date("2026-11-02") && d <= date("2026-11-04"))
            }),
            ("start in (2026-11-01, \"2026-11-05\")", |c| {
                local_date(c).is_some_and(|d| d == date("2026-11-01") || d == date("2026-11-05"))
            }),
            ("start = 2026-11", |c| {
                local_date(c).is_some_and(|d| d.year() == 2026 && d.month() == 11)
            }),
            ("start >= \"2026-11-03 18:00\"", |c| {
                c.local().is_some_and(|t| t >= at("2026-11-03T18:00:00"))
            }),
        ],
    );
}

#[test]
fn weekday_and_hour_are_the_calls_own() {
    let f = build(400);
    check_all(
        &f,
        &[
            ("weekday = tue", |c| weekday(c) == Some(1)),
            ("weekday != tue", |c| weekday(c) != Some(1)),
            ("weekday between mon and fri", |c| {
                weekday(c).is_some_and(|d| d <= 4)
            }),
            ("weekday in (sat, Sunday)", |c| {
                weekday(c).is_some_and(|d| d >= 5)
            }),
            ("weekday > fri", |c| weekday(c).is_some_and(|d| d > 4)),
            ("weekday not between mon and thu", |c| {
                weekday(c).is_none_or(|d| d > 3)
            }),
            ("hour = 9", |c| hour(c) == Some(9)),
            ("hour between 9 and 17", |c| {
                hour(c).is_some_and(|h| (9..=17).contains(&h))
            }),
            ("hour < 6", |c| hour(c).is_some_and(|h| h < 6)),
            ("hour >= 20", |c| hour(c).is_some_and(|h| h >= 20)),
            ("hour in (0, 23)", |c| {
                hour(c).is_some_and(|h| h == 0 || h == 23)
            }),
        ],
    );
}

#[test]
fn names_queues_dispositions_and_directions_match_exactly() {
    let f = build(400);
    check_all(
        &f,
        &[
            ("agent = \"Emma Clarke\"", |c| {
                c.agent == Some("Emma Clarke")
            }),
            ("agent != \"Emma Clarke\"", |c| {
                c.agent != Some("Emma Clarke")
            }),
            (
                "agent in (\"سارا احمدی\", \"יעל כהן\")",
                |c| matches!(c.agent, Some("سارا احمدی" | "יעל כהן")),
            ),
            (
                "agent not in (\"سارا احمدی\", \"ليلى حداد\")",
                |c| !matches!(c.agent, Some("سارا احمدی" | "ليلى حداد")),
            ),
            ("agent = \"Мария Иванова\"", |c| {
                c.agent == Some("Мария Иванова")
            }),
            ("team = پشتیبانی", |c| c.team == Some("پشتیبانی")),
            ("team in (Billing, \"Tech Support\")", |c| {
                matches!(c.team, Some("Billing" | "Tech Support"))
            }),
            ("vendor != \"In-house\"", |c| c.vendor != Some("In-house")),
            ("vendor = \"Northwind BPO\"", |c| {
                c.vendor == Some("Northwind BPO")
            }),
            ("queue = billing", |c| c.queue == Some("billing")),
            ("queue in (support, sales)", |c| {
                matches!(c.queue, Some("support" | "sales"))
            }),
            ("disposition = no-sale", |c| {
                c.disposition == Some("no-sale")
            }),
            ("disposition != resolved", |c| {
                c.disposition != Some("resolved")
            }),
            ("direction = inbound", |c| {
                c.direction == Some(Direction::Inbound)
            }),
            ("direction != outbound", |c| {
                c.direction != Some(Direction::Outbound)
            }),
            ("direction in (in, internal)", |c| {
                matches!(c.direction, Some(Direction::Inbound | Direction::Internal))
            }),
        ],
    );
}

#[test]
fn durations_and_speech_metrics_compare_in_their_units() {
    let f = build(400);
    check_all(
        &f,
        &[
            ("duration > 2m", |c| {
                c.duration_ms.is_some_and(|d| d > 120_000)
            }),
            ("duration >= 2m", |c| {
                c.duration_ms.is_some_and(|d| d >= 120_000)
            }),
            ("duration = 90s", |c| c.duration_ms == Some(90_000)),
            ("duration = 90", |c| c.duration_ms == Some(90_000)),
            ("duration < 1m30s", |c| {
                c.duration_ms.is_some_and(|d| d < 90_000)
            }),
            ("duration <= 1.5m", |c| {
                c.duration_ms.is_some_and(|d| d <= 90_000)
            }),
            ("duration between 1m and 5m", |c| {
                c.duration_ms
                    .is_some_and(|d| (60_000..=300_000).contains(&d))
            }),
            ("duration != 60s", |c| c.duration_ms != Some(60_000)),
            ("duration in (1m, 5m)", |c| {
                matches!(c.duration_ms, Some(60_000 | 300_000))
            }),
            ("silence > 30%", |c| silence(c).is_some_and(|s| s > 0.3)),
            ("silence <= 0.2", |c| silence(c).is_some_and(|s| s <= 0.2)),
            ("silence = 25%", |c| silence(c) == Some(0.25)),
            ("not silence < 10%", |c| silence(c).is_none_or(|s| s >= 0.1)),
            ("dead_air >= 20s", |c| {
                c.metrics.as_ref().is_some_and(|m| m.dead_air_ms >= 20_000)
            }),
            ("dead_air < 500ms", |c| {
                c.metrics.as_ref().is_some_and(|m| m.dead_air_ms < 500)
            }),
            ("overtalk > 5s", |c| {
                c.metrics
                    .as_ref()
                    .and_then(|m| m.overtalk_ms)
                    .is_some_and(|o| o > 5_000)
            }),
            ("agent_talk < 40%", |c| {
                c.metrics
                    .as_ref()
                    .and_then(|m| m.agent_talk)
                    .is_some_and(|a| a < 0.4)
            }),
            ("agent_talk between 0.3 and 0.5", |c| {
                c.metrics
                    .as_ref()
                    .and_then(|m| m.agent_talk)
                    .is_some_and(|a| (0.3..=0.5).contains(&a))
            }),
            ("loudness < -30", |c| {
                c.metrics
                    .as_ref()
                    .and_then(|m| m.loudness)
                    .is_some_and(|l| l < -30.0)
            }),
            ("loudness between -28 and -20.5", |c| {
                c.metrics
                    .as_ref()
                    .and_then(|m| m.loudness)
                    .is_some_and(|l| (-28.0..=-20.5).contains(&l))
            }),
        ],
    );
}

#[test]
fn flags_and_combinations() {
    let f = build(400);
    check_all(
        &f,
        &[
            ("reviewed", |c| c.reviewed),
            ("not reviewed", |c| !c.reviewed),
            ("in_open_sample", |c| c.in_open_sample),
            ("not in_open_sample and not reviewed", |c| {
                !c.in_open_sample && !c.reviewed
            }),
            ("has_problems", |c| c.problem.is_some()),
            (
                "(agent = \"Emma Clarke\" or team = Billing) and not reviewed",
                |c| (c.agent == Some("Emma Clarke") || c.team == Some("Billing")) && !c.reviewed,
            ),
            ("not (duration > 1m and silence > 20%)", |c| {
                !(c.duration_ms.is_some_and(|d| d > 60_000) && silence(c).is_some_and(|s| s > 0.2))
            }),
            (
                "weekday between mon and fri and hour between 9 and 17 and direction = inbound",
                |c| {
                    weekday(c).is_some_and(|d| d <= 4)
                        && hour(c).is_some_and(|h| (9..=17).contains(&h))
                        && c.direction == Some(Direction::Inbound)
                },
            ),
            (
                "queue = billing or queue = sales or not queue in (billing, sales, support)",
                |c| !matches!(c.queue, Some("support")),
            ),
        ],
    );
}

#[test]
fn every_eligible_call_when_the_criteria_are_empty_and_never_a_call_that_is_not_ok() {
    let f = build(400);
    let eligible = f.expected(|_| true);
    assert!(
        f.calls.iter().any(|c| !c.eligible()),
        "the fixture has missing files"
    );
    for text in ["", "  ", "all", "silence < 10% or not silence < 10%"] {
        assert_eq!(f.selected(text), eligible, "{text:?}");
    }
    // Problem notes of missing and unreadable files never make them eligible.
    let problems = f.selected("has_problems or not has_problems");
    assert_eq!(problems, eligible);
    assert!(f.selected("not all").is_empty());
}

#[test]
fn text_that_looks_like_sql_stays_a_literal_value() {
    let f = build(400);
    let conn = f.t.db.conn();
    // The agent actually named like an injection is matched as that name, and only it.
    assert_eq!(
        f.selected(r#"agent = "x' OR '1'='1""#),
        f.expected(|c| c.agent == Some("x' OR '1'='1"))
    );
    assert_eq!(
        f.selected(r#"agent = "O'Brien \"Bob\"""#),
        f.expected(|c| c.agent == Some("O'Brien \"Bob\""))
    );
    for text in [
        r#"agent = "' OR 1=1 --""#,
        r#"queue = "billing'); DROP TABLE recordings; --""#,
        r#"disposition in ("sale\" OR \"1\"=\"1", "x")"#,
        r#"team = "Billing' OR team_id IS NOT NULL OR '""#,
    ] {
        assert!(f.selected(text).is_empty(), "{text}");
    }
    let recordings: i64 = conn
        .query_row("SELECT count(*) FROM recordings", [], |row| row.get(0))
        .expect("recordings still there");
    assert_eq!(recordings as usize, f.calls.len());
}
