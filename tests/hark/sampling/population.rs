//! The population a method draws from: local-time semantics, quota and stratum keys, metric
//! values, and the method's own restrictions.

use hark::analysis::{Metrics, Timeline};
use hark::sampling::{
    Allocation, Candidate, Criteria, Method, Period, QuotaGroup, SampleSize, StratumField,
    TargetMetric, count, draw, population,
};
use hark::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use hark::store::{StoreResult, metrics};

use crate::common::{TestDb, hark, run_ok};

/// 2026-11-03T23:30Z stated at +03:30: locally Wednesday 2026-11-04 03:00.
const LATE_TEHRAN: (i64, i32) = (1_793_748_600_000, 210);
/// 2026-11-04T02:00Z stated at -05:00: locally Tuesday 2026-11-03 21:00.
const EARLY_NEW_YORK: (i64, i32) = (1_793_757_600_000, -300);
/// 2026-12-31T22:00Z stated at +02:00: locally 2027-01-01 00:00, in ISO week 2026-W53.
const NEW_YEAR_SOFIA: (i64, i32) = (1_798_754_400_000, 120);

struct Row {
    agent: Option<&'static str>,
    start: Option<(i64, i32)>,
    duration_ms: Option<u64>,
    status: RecordingStatus,
    loudness: Option<Option<f64>>,
}

fn row(agent: Option<&'static str>, start: Option<(i64, i32)>) -> Row {
    Row {
        agent,
        start,
        duration_ms: Some(120_000),
        status: RecordingStatus::Ok,
        loudness: None,
    }
}

/// Inserts the rows in order (ids 1, 2, ...): metrics only where `loudness` is given.
fn library(rows: &[Row]) -> TestDb {
    let mut t = TestDb::new();
    let admin = t.admin.clone();
    t.db.write(|tx| -> StoreResult<()> {
        for (n, r) in rows.iter().enumerate() {
            let hash = format!("{n:064x}");
            let id = recordings::insert(
                tx,
                &admin,
                &NewRecording {
                    path: format!("/population/{n}.wav"),
                    content_hash: Some(hash.clone()),
                    size_bytes: 1,
                    mtime_ns: 0,
                    audio: AudioFacts {
                        duration_ms: r.duration_ms,
                        ..AudioFacts::default()
                    },
                    call: CallFacts {
                        call_start: r.start.map(|(unix_ms, utc_offset_min)| CallStart {
                            unix_ms,
                            utc_offset_min,
                        }),
                        agent: r.agent.map(Into::into),
                        team: r.agent.map(|_| "Billing".into()),
                        direction: Some(Direction::Inbound),
                        ..CallFacts::default()
                    },
                    status: r.status,
                    problem: None,
                },
            )?;
            if let Some(loudness) = r.loudness {
                metrics::save(tx, id, &hash, &with_loudness(loudness))?;
            }
        }
        Ok(())
    })
    .expect("insert");
    t
}

fn with_loudness(loudness: Option<f64>) -> Metrics {
    Metrics {
        analyzer_version: 1,
        duration_ms: 120_000,
        sample_rate: 8000,
        channels_analyzed: 2,
        talk_ms: 60_000,
        talk_share: 0.5,
        silence_share: 0.5,
        agent_talk_ms: Some(30_000),
        customer_talk_ms: Some(30_000),
        agent_talk_share: Some(0.25),
        customer_talk_share: Some(0.25),
        agent_longest_monologue_ms: None,
        customer_longest_monologue_ms: None,
        dead_air_threshold_ms: 2000,
        dead_air_count: 3,
        dead_air_longest_ms: 7_000,
        dead_air_average_ms: 4_000,
        overtalk_count: Some(0),
        overtalk_ms: Some(0),
        clipping_share: 0.0,
        loudness_lufs: loudness,
        agent_loudness_lufs: None,
        customer_loudness_lufs: None,
        timeline: Timeline::default(),
    }
}

fn ids(t: &TestDb, text: &str) -> Vec<i64> {
    let criteria = Criteria::parse(text).expect("parse");
    let random = Method::Random {
        size: SampleSize::Count(1),
    };
    let selected: Vec<i64> = population(t.db.conn(), &criteria, &random)
        .expect("population")
        .iter()
        .map(|c| c.recording_id)
        .collect();
    assert_eq!(
        count(t.db.conn(), &criteria).expect("count"),
        selected.len() as u64
    );
    selected
}

fn groups(t: &TestDb, method: &Method) -> Vec<(i64, Option<String>)> {
    population(t.db.conn(), &Criteria::All, method)
        .expect("population")
        .into_iter()
        .map(|c| (c.recording_id, c.group))
        .collect()
}

#[test]
fn local_time_is_the_calls_own_start_plus_its_offset() {
    let t = library(&[
        row(Some("Emma Clarke"), Some(LATE_TEHRAN)),
        row(Some("Emma Clarke"), Some(EARLY_NEW_YORK)),
        row(Some("Emma Clarke"), Some(NEW_YEAR_SOFIA)),
        row(Some("Emma Clarke"), None),
    ]);
    for (text, expected) in [
        ("start = 2026-11-04", vec![1]),
        ("start = 2026-11-03", vec![2]),
        ("weekday = wed", vec![1]),
        ("weekday = tue", vec![2]),
        ("weekday = fri", vec![3]),
        ("hour = 3", vec![1]),
        ("hour = 21", vec![2]),
        ("hour = 0", vec![3]),
        ("start >= 2027-01-01", vec![3]),
        ("start < 2026-11-04T03:00", vec![2]),
        ("start <= 2026-11-04T03:00", vec![1, 2]),
        ("start = 2026-11-04T03:00:00", vec![1]),
        ("start = 2026-12", vec![]),
        ("start != 2026-11", vec![3, 4]),
    ] {
        assert_eq!(ids(&t, text), expected, "{text}");
    }
}

#[test]
fn quota_groups_are_party_and_local_period_and_leave_out_what_cannot_count() {
    let mut short = row(Some("Emma Clarke"), Some(EARLY_NEW_YORK));
    short.duration_ms = Some(20_000);
    let mut unknown_length = row(Some("Emma Clarke"), Some(EARLY_NEW_YORK));
    unknown_length.duration_ms = None;
    let t = library(&[
        row(Some("Emma Clarke"), Some(LATE_TEHRAN)),
        row(Some("سارا احمدی"), Some(EARLY_NEW_YORK)),
        row(Some("سارا احمدی"), Some(NEW_YEAR_SOFIA)),
        row(None, Some(LATE_TEHRAN)),
        row(Some("Emma Clarke"), None),
        short,
        unknown_length,
    ]);
    let quota = |per, period, min_duration_ms| Method::Quota {
        per,
        period,
        calls: 2,
        min_duration_ms,
    };
    let named = |id: i64, group: &str| (id, Some(group.to_owned()));
    assert_eq!(
        groups(&t, &quota(QuotaGroup::Agent, Period::Day, 0)),
        vec![
            named(1, "Emma Clarke · 2026-11-04"),
            named(2, "سارا احمدی · 2026-11-03"),
            named(3, "سارا احمدی · 2027-01-01"),
            named(6, "Emma Clarke · 2026-11-03"),
            named(7, "Emma Clarke · 2026-11-03"),
        ]
    );
    assert_eq!(
        groups(&t, &quota(QuotaGroup::Agent, Period::Week, 60_000)),
        vec![
            named(1, "Emma Clarke · 2026-W45"),
            named(2, "سارا احمدی · 2026-W45"),
            named(3, "سارا احمدی · 2026-W53"),
        ]
    );
    assert_eq!(
        groups(&t, &quota(QuotaGroup::Team, Period::Month, 1)),
        vec![
            named(1, "Billing · 2026-11"),
            named(2, "Billing · 2026-11"),
            named(3, "Billing · 2027-01"),
            named(6, "Billing · 2026-11"),
        ]
    );
    assert!(groups(&t, &quota(QuotaGroup::Vendor, Period::Day, 0)).is_empty());
}

#[test]
fn strata_are_the_fields_values_with_none_for_calls_without_one() {
    let t = library(&[
        row(Some("Emma Clarke"), Some(LATE_TEHRAN)),
        row(None, Some(EARLY_NEW_YORK)),
        row(Some("יעל כהן"), None),
    ]);
    let stratified = |field| Method::Stratified {
        field,
        size: 2,
        allocation: Allocation::Proportional,
    };
    let keys = |field| -> Vec<String> {
        groups(&t, &stratified(field))
            .into_iter()
            .map(|(_, group)| group.expect("every call has a stratum"))
            .collect()
    };
    assert_eq!(
        keys(StratumField::Agent),
        ["Emma Clarke", "(none)", "יעל כהן"]
    );
    assert_eq!(keys(StratumField::Team), ["Billing", "(none)", "Billing"]);
    assert_eq!(keys(StratumField::Vendor), ["(none)", "(none)", "(none)"]);
    assert_eq!(keys(StratumField::Weekday), ["wed", "tue", "(none)"]);
    assert_eq!(keys(StratumField::Hour), ["03", "21", "(none)"]);
    assert_eq!(
        keys(StratumField::Direction),
        ["inbound", "inbound", "inbound"]
    );
    assert_eq!(keys(StratumField::Queue), ["(none)", "(none)", "(none)"]);
}

#[test]
fn targeted_methods_see_measured_calls_with_raw_values() {
    let mut rows: Vec<Row> = [Some(-31.5), Some(-18.0), None]
        .into_iter()
        .map(|loudness| Row {
            loudness: Some(loudness),
            ..row(Some("Emma Clarke"), Some(LATE_TEHRAN))
        })
        .collect();
    rows.push(row(Some("Emma Clarke"), Some(LATE_TEHRAN)));
    rows.push(Row {
        status: RecordingStatus::Missing,
        loudness: Some(Some(-40.0)),
        ..row(Some("Emma Clarke"), Some(LATE_TEHRAN))
    });
    let t = library(&rows);
    let metric_of = |metric| -> Vec<(i64, Option<f64>)> {
        let method = Method::Top { metric, count: 1 };
        population(t.db.conn(), &Criteria::All, &method)
            .expect("population")
            .into_iter()
            .map(|c| (c.recording_id, c.metric))
            .collect()
    };
    assert_eq!(
        metric_of(TargetMetric::Loudness),
        [(1, Some(-31.5)), (2, Some(-18.0))]
    );
    assert_eq!(
        metric_of(TargetMetric::DeadAirLongest),
        [(1, Some(7000.0)), (2, Some(7000.0)), (3, Some(7000.0))]
    );
    assert_eq!(
        metric_of(TargetMetric::Duration),
        [
            (1, Some(120_000.0)),
            (2, Some(120_000.0)),
            (3, Some(120_000.0)),
            (4, Some(120_000.0))
        ]
    );
    // The draw ranks loudness quietest first from these raw values.
    let quietest = Method::Top {
        metric: TargetMetric::Loudness,
        count: 1,
    };
    let candidates = population(t.db.conn(), &Criteria::All, &quietest).expect("population");
    let drawn = draw(&quietest, &candidates, 7);
    assert_eq!(drawn.picks.first().map(|p| p.recording_id), Some(1));
}

#[test]
fn a_stratified_one_percent_draw_runs_on_the_population() {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, 2_000, 3).expect("synthetic");
    let db = &t.db;
    let criteria =
        Criteria::parse("duration > 1m and silence < 50% and weekday between mon and fri")
            .expect("parse");
    let method = Method::Stratified {
        field: StratumField::Agent,
        size: 20,
        allocation: Allocation::Proportional,
    };
    let candidates: Vec<Candidate> = population(db.conn(), &criteria, &method).expect("pop");
    assert_eq!(
        candidates.len() as u64,
        count(db.conn(), &criteria).expect("count")
    );
    assert!(
        candidates
            .windows(2)
            .all(|w| w[0].recording_id < w[1].recording_id)
    );
    let drawn = draw(&method, &candidates, 11);
    assert_eq!(drawn.picks.len(), 20);
    assert!(drawn.groups.len() >= 10, "{:?}", drawn.groups);
}

#[test]
fn sample_count_command_prints_the_population() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("count.db");
    run_ok(
        hark()
            .arg("--db")
            .arg(&db)
            .args(["synthetic", "--count", "300"]),
    );
    let all = run_ok(hark().arg("--db").arg(&db).args(["sample", "count"]));
    assert_eq!(all.trim(), "300");
    let json = run_ok(hark().arg("--db").arg(&db).args([
        "sample",
        "count",
        "--where",
        "agent = \"Emma Clarke\" or agent = \"سارا احمدی\"",
        "--json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let counted = value["population"].as_u64().expect("population");
    assert!(counted > 0 && counted < 300, "{json}");
    assert_eq!(
        value["criteria"],
        "agent = \"Emma Clarke\" or agent = \"سارا احمدی\""
    );

    let output = hark()
        .arg("--db")
        .arg(&db)
        .args(["sample", "count", "--where", "agnt = x"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 1, column 1: unknown field 'agnt' (did you mean agent?)"),
        "{stderr}"
    );
}

#[test]
fn synthetic_libraries_come_analysed_with_plausible_metrics() {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, 3_000, 5).expect("synthetic");
    let conn = t.db.conn();
    // Current metrics for every call: `hark analyze --all` has nothing to open.
    let pending = metrics::pending(conn, hark::analysis::ANALYZER_VERSION, 2000).expect("pending");
    assert!(pending.is_empty(), "{} pending", pending.len());
    let (calls, silence, dead_air, agent_talk, loud, long_holds): (i64, f64, f64, f64, f64, i64) =
        conn.query_row(
            "SELECT count(*), avg(m.silence_share), avg(m.dead_air_longest_ms),
                    avg(m.agent_talk_share), avg(m.loudness_lufs),
                    sum(m.silence_share > 0.35)
             FROM recordings r JOIN recording_metrics m ON m.recording_id = r.id
             WHERE m.dead_air_longest_ms <= r.duration_ms
               AND m.agent_talk_share BETWEEN 0 AND 1 AND m.silence_share BETWEEN 0 AND 1",
            [],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            },
        )
        .expect("metrics");
    assert_eq!(calls, 3_000, "every call measured, and consistently");
    assert!((0.1..0.35).contains(&silence), "mean silence {silence}");
    assert!(
        (2_000.0..20_000.0).contains(&dead_air),
        "mean longest dead air {dead_air}"
    );
    assert!(
        (0.2..0.6).contains(&agent_talk),
        "mean agent talk {agent_talk}"
    );
    assert!((-27.0..-21.0).contains(&loud), "mean loudness {loud}");
    // A tail of long holds, not none and not most.
    assert!(
        (100..900).contains(&long_holds),
        "{long_holds} calls over 35% silence"
    );
}
