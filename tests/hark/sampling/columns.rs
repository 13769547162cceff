//! The column store (`hark::sampling::columns`), the fast path of counts and populations,
//! against the SQL path it replaces: the same counts and the same candidates (ids, groups,
//! metrics) for every field, operator and method over a varied library, and a cache that
//! follows every change made after it was read.

use hark::analysis::{Metrics, Timeline};
use hark::sampling::columns::{
    ColumnStore, cached, count_sql, load_in_background, population_sql, preload,
};
use hark::sampling::criteria::{CompareOp, Field, Value, Weekday};
use hark::sampling::{
    Allocation, Criteria, Method, Period, QuotaGroup, SampleRequest, SampleSize, StratumField,
    TargetMetric, count, draw_sample, population,
};
use hark::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use hark::store::users::User;
use hark::store::{Db, StoreResult, metrics};
use rusqlite::Connection;

use super::fixture::{AGENTS, DISPOSITIONS, Fixture, QUEUES, TEAMS, VENDORS, build};

/// A call the fixture does not have: odd times, extreme values.
struct Extra {
    start: Option<(i64, i32)>,
    agent: Option<&'static str>,
    duration_ms: Option<u64>,
    silence: Option<f64>,
    loudness: Option<f64>,
}

const DAY_MS: i64 = 86_400_000;

/// Calls before 1970 (SQLite's integer division and remainder truncate toward zero there, and
/// the column store must do the same), on day and hour boundaries, 60 days long (wider than
/// 32 bits of milliseconds), at -inf LUFS.
fn extras() -> Vec<Extra> {
    let call = |start, duration_ms, silence, loudness| Extra {
        start,
        agent: Some(AGENTS[1]),
        duration_ms,
        silence,
        loudness,
    };
    vec![
        call(
            Some((-3 * DAY_MS - 5 * 3_600_000 + 123, 0)),
            Some(0),
            Some(0.0),
            Some(-30.0),
        ),
        call(
            Some((-DAY_MS, 210)),
            Some(60_000),
            Some(0.2),
            Some(f64::NEG_INFINITY),
        ),
        call(Some((-1, 0)), Some(120_000), Some(0.7), None),
        call(Some((0, -60)), Some(90_000), None, None),
        call(
            Some((1_793_664_000_000, 0)),
            Some(60 * DAY_MS as u64),
            Some(0.35),
            Some(-12.0),
        ),
        call(
            Some((1_793_664_000_000 - 1, 840)),
            Some(1_500),
            Some(1.0),
            Some(-40.0),
        ),
        Extra {
            start: Some((1_793_700_000_000, -720)),
            agent: None,
            duration_ms: None,
            silence: Some(0.33),
            loudness: Some(-25.5),
        },
    ]
}

fn add_extras(f: &mut Fixture) {
    let admin = f.t.admin.clone();
    f.t.db
        .write(|tx| -> StoreResult<()> {
            for (n, extra) in extras().iter().enumerate() {
                let id = recordings::insert(tx, &admin, &extra_recording(n, extra))?;
                if let Some(silence) = extra.silence {
                    let m = measured(extra.duration_ms.unwrap_or(1), silence, extra.loudness);
                    metrics::save(tx, id, &format!("{:064x}", 90_000 + n), &m)?;
                }
            }
            Ok(())
        })
        .expect("extras");
}

fn extra_recording(n: usize, extra: &Extra) -> NewRecording {
    NewRecording {
        path: format!("/columns/extra-{n}.wav"),
        content_hash: Some(format!("{:064x}", 90_000 + n)),
        size_bytes: 1,
        mtime_ns: 0,
        audio: AudioFacts {
            duration_ms: extra.duration_ms,
            ..AudioFacts::default()
        },
        call: CallFacts {
            call_start: extra.start.map(|(unix_ms, utc_offset_min)| CallStart {
                unix_ms,
                utc_offset_min,
            }),
            agent: extra.agent.map(Into::into),
            team: Some("Überstunden-Team".into()),
            direction: Some(Direction::Internal),
            queue: Some("sales".into()),
            ..CallFacts::default()
        },
        status: RecordingStatus::Ok,
        problem: None,
    }
}

fn measured(duration_ms: u64, silence: f64, loudness: Option<f64>) -> Metrics {
    Metrics {
        analyzer_version: hark::analysis::ANALYZER_VERSION,
        duration_ms,
        sample_rate: 8000,
        channels_analyzed: 1,
        talk_ms: 0,
        talk_share: 1.0 - silence,
        silence_share: silence,
        agent_talk_ms: None,
        customer_talk_ms: None,
        agent_talk_share: None,
        customer_talk_share: None,
        agent_longest_monologue_ms: None,
        customer_longest_monologue_ms: None,
        dead_air_threshold_ms: 2000,
        dead_air_count: 3,
        dead_air_longest_ms: 10_000,
        dead_air_average_ms: 5_000,
        overtalk_count: None,
        overtalk_ms: None,
        clipping_share: 0.0,
        loudness_lufs: loudness,
        agent_loudness_lufs: None,
        customer_loudness_lufs: None,
        timeline: Timeline::default(),
    }
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Criteria over every field with every operator it takes, every flag, and `not`, `and`, `or`.
fn criteria_texts() -> Vec<String> {
    let ops = ["=", "!=", "<", "<=", ">", ">="];
    let mut texts: Vec<String> = vec!["".into(), "all".into()];
    let ordered: [(&str, &[&str]); 9] = [
        (
            "start",
            &[
                "2026-11-03",
                "2026-11",
                "2026-11-03T09:30",
                "2026-11-03T12:00:30",
                "1969-12-31",
                "1970-01-01T00:00",
            ],
        ),
        ("weekday", &["mon", "wed", "sun"]),
        ("hour", &["0", "9", "23"]),
        (
            "duration",
            &["0", "1500ms", "60s", "90", "2m", "5m", "1440h"],
        ),
        ("dead_air", &["0", "10s", "30s"]),
        ("overtalk", &["0", "5s"]),
        ("silence", &["0%", "20%", "0.33", "35%", "70%", "100%"]),
        ("agent_talk", &["0", "50%"]),
        ("loudness", &["-40", "-30", "-25.5", "-12"]),
    ];
    for (field, values) in ordered {
        for value in values {
            for op in ops {
                texts.push(format!("{field} {op} {value}"));
            }
        }
        if let [first, .., last] = values {
            texts.push(format!("{field} between {first} and {last}"));
            texts.push(format!("{field} between {last} and {first}"));
            texts.push(format!("{field} not between {first} and {last}"));
            texts.push(format!("{field} in ({first}, {last})"));
            texts.push(format!("{field} not in ({first}, {last}, {first})"));
        }
    }
    let named: [(&str, &[&str]); 5] = [
        ("agent", &AGENTS),
        ("team", &TEAMS),
        ("vendor", &VENDORS),
        ("queue", &QUEUES),
        ("disposition", &DISPOSITIONS),
    ];
    for (field, values) in named {
        for value in values.iter().copied().chain(["Nobody", "Überstunden-Team"]) {
            texts.push(format!("{field} = {}", quoted(value)));
            texts.push(format!("{field} != {}", quoted(value)));
        }
        texts.push(format!(
            "{field} in ({}, {}, \"Nobody\")",
            quoted(values[0]),
            quoted(values[values.len() - 1])
        ));
        texts.push(format!("{field} not in ({})", quoted(values[1])));
    }
    for direction in ["inbound", "outbound", "internal"] {
        texts.push(format!("direction = {direction}"));
        texts.push(format!("direction != {direction}"));
    }
    texts.push("direction in (inbound, internal)".into());
    for flag in ["reviewed", "in_open_sample", "has_problems"] {
        texts.push(flag.into());
        texts.push(format!("not {flag}"));
    }
    texts.extend(
        [
            "weekday between mon and fri and hour between 9 and 17 and queue = billing",
            "duration > 2m and silence > 20% and direction = inbound",
            "not (agent = \"Emma Clarke\" or silence > 30%)",
            "(duration > 2m and not reviewed) or weekday = sat or loudness < -35",
            "not not hour < 12",
            "silence < 10% or not silence < 10%",
            "agent != \"Emma Clarke\" and not in_open_sample and start >= 2026-11-02",
            "team = Billing and (vendor = \"Northwind BPO\" or vendor != \"In-house\")",
            "start < 1970-01-01 or hour = 23 or weekday = thu",
            "not (start between 2026-11-01 and 2026-11-05) and dead_air >= 10s",
            "agent in (\"سارا احمدی\", \"יעל כהן\") and weekday between mon and fri and loudness < -30",
            "(reviewed or has_problems) and not (overtalk > 5s or agent_talk >= 50%)",
        ]
        .map(String::from),
    );
    texts
}

/// Criteria the UI's JSON can build but the text cannot say.
fn built_criteria() -> Vec<Criteria> {
    let text = |field, op, text: &str| Criteria::Compare {
        field,
        op,
        value: Value::Text(text.into()),
    };
    let share = |op, share| Criteria::Compare {
        field: Field::Silence,
        op,
        value: Value::Share(share),
    };
    vec![
        Criteria::And { items: vec![] },
        Criteria::Or { items: vec![] },
        Criteria::Not {
            item: Box::new(Criteria::Or { items: vec![] }),
        },
        Criteria::Between {
            field: Field::Duration,
            low: Value::DurationMs(300_000),
            high: Value::DurationMs(60_000),
        },
        Criteria::In {
            field: Field::Weekday,
            values: vec![Value::Weekday(Weekday::Sun), Value::Weekday(Weekday::Sun)],
        },
        Criteria::In {
            field: Field::Direction,
            values: vec![Value::Direction(Direction::Outbound)],
        },
        // Ordered text (the parser refuses it; the SQL orders queue, direction and
        // disposition byte-wise and matches names whatever the operator).
        text(Field::Queue, CompareOp::Lt, "sales"),
        text(Field::Queue, CompareOp::Ge, "billing"),
        text(Field::Disposition, CompareOp::Gt, "no-sale"),
        Criteria::Compare {
            field: Field::Direction,
            op: CompareOp::Le,
            value: Value::Direction(Direction::Internal),
        },
        text(Field::Agent, CompareOp::Lt, "Emma Clarke"),
        text(Field::Team, CompareOp::Ge, "پشتیبانی"),
        share(CompareOp::Eq, 0.2),
        share(CompareOp::Lt, 0.2),
        share(CompareOp::Gt, 0.2),
        Criteria::Or {
            items: vec![share(CompareOp::Le, 0.0), share(CompareOp::Ge, 1.0)],
        },
    ]
}

fn every_method() -> Vec<Method> {
    let metrics = [
        TargetMetric::DeadAirLongest,
        TargetMetric::DeadAirCount,
        TargetMetric::Overtalk,
        TargetMetric::SilenceShare,
        TargetMetric::AgentTalkShare,
        TargetMetric::Duration,
        TargetMetric::Loudness,
    ];
    let mut methods = vec![Method::Random {
        size: SampleSize::Count(5),
    }];
    for metric in metrics {
        methods.push(Method::Top { metric, count: 5 });
        methods.push(Method::OverThreshold {
            metric,
            threshold: 0.3,
            count: 5,
        });
    }
    for per in [QuotaGroup::Agent, QuotaGroup::Team, QuotaGroup::Vendor] {
        for period in [Period::Day, Period::Week, Period::Month] {
            for min_duration_ms in [0, 90_000] {
                methods.push(Method::Quota {
                    per,
                    period,
                    calls: 2,
                    min_duration_ms,
                });
            }
        }
    }
    for field in [
        StratumField::Agent,
        StratumField::Team,
        StratumField::Vendor,
        StratumField::Queue,
        StratumField::Direction,
        StratumField::Disposition,
        StratumField::Weekday,
        StratumField::Hour,
    ] {
        methods.push(Method::Stratified {
            field,
            size: 10,
            allocation: Allocation::Proportional,
        });
    }
    methods
}

fn library() -> Fixture {
    let mut f = build(400);
    add_extras(&mut f);
    f
}

fn load(conn: &Connection) -> ColumnStore {
    ColumnStore::load(conn)
        .expect("load")
        .expect("the library is one the store keeps")
}

fn ids(conn: &Connection, criteria: &Criteria) -> Vec<i64> {
    let random = Method::Random {
        size: SampleSize::Count(1),
    };
    population_sql(conn, criteria, &random)
        .expect("population")
        .into_iter()
        .map(|c| c.recording_id)
        .collect()
}

#[test]
fn counts_and_calls_equal_the_sql_for_every_field_and_operator() {
    let f = library();
    let conn = f.t.db.conn();
    let store = load(conn);
    let eligible = count_sql(conn, &Criteria::All).expect("count");
    assert_eq!(store.len() as u64, eligible);
    let random = Method::Random {
        size: SampleSize::Count(1),
    };
    let mut discriminating = 0;
    let mut criteria: Vec<(String, Criteria)> = criteria_texts()
        .into_iter()
        .map(|text| {
            let parsed = Criteria::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            (text, parsed)
        })
        .collect();
    criteria.extend(built_criteria().into_iter().map(|c| (format!("{c:?}"), c)));
    for (text, criteria) in &criteria {
        let expected = count_sql(conn, criteria).expect("count");
        assert_eq!(store.count(criteria), Ok(expected), "count of {text}");
        assert_eq!(
            store.population(criteria, &random).expect("population"),
            population_sql(conn, criteria, &random).expect("population"),
            "calls of {text}"
        );
        if expected > 0 && expected < eligible {
            discriminating += 1;
        }
    }
    // The cases are not vacuous: nearly all select some but not all calls.
    assert!(
        discriminating * 10 >= criteria.len() * 8,
        "{discriminating} of {} criteria discriminate",
        criteria.len()
    );
    // The calls before 1970 are where truncating arithmetic shows: SQL's weekday of a call
    // three days before the epoch is (-3 + 3) % 7 = 0, Monday (by the calendar, a Sunday).
    let early = parse("start < 1970-01-01 and weekday = mon");
    assert_eq!(count_sql(conn, &early).expect("count"), 1);
    assert_eq!(store.count(&early), Ok(1));
}

#[test]
fn populations_equal_the_sql_for_every_method() {
    let f = library();
    let conn = f.t.db.conn();
    let store = load(conn);
    let texts = [
        "",
        "duration > 1m and not reviewed",
        "agent != \"Emma Clarke\" or silence >= 30%",
        "start >= 2026-11-02 and weekday between mon and fri",
        "start < 1970-01-02 or team = \"Überstunden-Team\"",
        "not in_open_sample and (queue = billing or disposition = sale)",
    ];
    for text in texts {
        let criteria = Criteria::parse(text).expect("parse");
        for method in every_method() {
            let sql = population_sql(conn, &criteria, &method).expect("population");
            assert_eq!(
                store.population(&criteria, &method).expect("population"),
                sql,
                "{text} by {method:?}"
            );
        }
    }
}

#[test]
fn criteria_sql_refuses_the_store_refuses_alike() {
    let f = build(30);
    let conn = f.t.db.conn();
    let store = load(conn);
    let refused = [
        Criteria::In {
            field: Field::Agent,
            values: vec![],
        },
        Criteria::Compare {
            field: Field::Duration,
            op: CompareOp::Gt,
            value: Value::Share(0.5),
        },
        Criteria::Between {
            field: Field::Queue,
            low: Value::Text("a".into()),
            high: Value::Text("z".into()),
        },
    ];
    for criteria in refused {
        let sql = count_sql(conn, &criteria).expect_err("SQL refuses it");
        let fast = store.count(&criteria).expect_err("the store refuses it");
        assert!(sql.to_string().contains(&fast.message), "{sql} / {fast}");
        assert!(count(conn, &criteria).is_err());
    }
}

/// Counts through the public path (twice: the first query after a change only notes it), and
/// checks the store then cached answers for the current data.
fn counted_twice(conn: &Connection, criteria: &Criteria) -> u64 {
    let first = count(conn, criteria).expect("count");
    let second = count(conn, criteria).expect("count");
    assert_eq!(first, second);
    assert_eq!(second, count_sql(conn, criteria).expect("count"));
    let store = cached(conn).expect("a valid store after the second query");
    assert_eq!(store.count(criteria), Ok(second));
    second
}

fn parse(text: &str) -> Criteria {
    Criteria::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn new_call(n: usize, agent: &str) -> NewRecording {
    NewRecording {
        path: format!("/columns/new-{n}.wav"),
        content_hash: Some(format!("{:064x}", 70_000 + n)),
        size_bytes: 1,
        mtime_ns: 0,
        audio: AudioFacts {
            duration_ms: Some(200_000),
            ..AudioFacts::default()
        },
        call: CallFacts {
            call_start: Some(CallStart {
                unix_ms: 1_793_750_400_000,
                utc_offset_min: 60,
            }),
            agent: Some(agent.into()),
            direction: Some(Direction::Inbound),
            ..CallFacts::default()
        },
        status: RecordingStatus::Ok,
        problem: None,
    }
}

fn import(db: &mut Db, admin: &User, n: usize, agent: &str) -> i64 {
    db.write(|tx| recordings::insert(tx, admin, &new_call(n, agent)))
        .expect("insert")
}

#[test]
fn the_cache_follows_every_change_after_it_was_read() {
    let mut f = library();
    let admin = f.t.admin.clone();
    let newcomer = parse("agent = \"Zoë Newcomer\"");
    let all = Criteria::All;

    // Read on the second query; valid until something changes.
    let eligible = counted_twice(f.t.db.conn(), &all);
    assert!(cached(f.t.db.conn()).is_some());
    assert_eq!(counted_twice(f.t.db.conn(), &newcomer), 0);

    // A recording imported: the store is stale at once, and read again.
    let id = import(&mut f.t.db, &admin, 1, "Zoë Newcomer");
    assert!(cached(f.t.db.conn()).is_none(), "stale after an insert");
    assert_eq!(counted_twice(f.t.db.conn(), &all), eligible + 1);
    assert_eq!(counted_twice(f.t.db.conn(), &newcomer), 1);

    // Analysed: its metrics reach the store through recording_facts' triggers.
    let loud = parse("agent = \"Zoë Newcomer\" and silence = 42% and loudness = -17");
    assert_eq!(counted_twice(f.t.db.conn(), &loud), 0);
    f.t.db
        .write(|tx| {
            metrics::save(
                tx,
                id,
                &format!("{:064x}", 70_001),
                &measured(200_000, 0.42, Some(-17.0)),
            )
        })
        .expect("analyse");
    assert!(cached(f.t.db.conn()).is_none(), "stale after metrics");
    assert_eq!(counted_twice(f.t.db.conn(), &loud), 1);

    // Drawn into an open sample, by the app's own path: `in_open_sample` follows.
    let open = parse("agent = \"Zoë Newcomer\" and in_open_sample");
    assert_eq!(counted_twice(f.t.db.conn(), &open), 0);
    draw_sample(
        &mut f.t.db,
        &admin,
        &SampleRequest {
            name: "newcomer".into(),
            criteria: "agent = \"Zoë Newcomer\"".into(),
            method: Method::Random {
                size: SampleSize::Count(1),
            },
            seed: Some("1".into()),
            assign: None,
        },
    )
    .expect("draw");
    assert_eq!(counted_twice(f.t.db.conn(), &open), 1);

    // The review completed (marked on the sample item): `reviewed` follows.
    let reviewed = parse("agent = \"Zoë Newcomer\" and reviewed");
    assert_eq!(counted_twice(f.t.db.conn(), &reviewed), 0);
    f.t.db
        .conn()
        .execute(
            "UPDATE sample_items SET completed_at = '2026-11-05T10:00:00Z' WHERE recording_id = ?1",
            [id],
        )
        .expect("complete");
    assert_eq!(counted_twice(f.t.db.conn(), &reviewed), 1);

    // The agent renamed: names are matched through the new name.
    f.t.db
        .conn()
        .execute(
            "UPDATE agents SET name = 'Zoë Renamed' WHERE name = 'Zoë Newcomer'",
            [],
        )
        .expect("rename");
    assert_eq!(counted_twice(f.t.db.conn(), &newcomer), 0);
    assert_eq!(
        counted_twice(f.t.db.conn(), &parse("agent = \"Zoë Renamed\"")),
        1
    );

    // The file went missing: no longer eligible.
    f.t.db
        .write(|tx| recordings::mark_missing(tx, id))
        .expect("missing");
    assert_eq!(counted_twice(f.t.db.conn(), &all), eligible);

    // Another connection (the import thread's own Db) commits: PRAGMA data_version tells.
    let mut other = Db::open(&f.t.path()).expect("second connection");
    import(&mut other, &admin, 2, "Zoë Elsewhere");
    drop(other);
    assert!(
        cached(f.t.db.conn()).is_none(),
        "stale after another connection's commit"
    );
    assert_eq!(counted_twice(f.t.db.conn(), &all), eligible + 1);
    assert_eq!(
        counted_twice(f.t.db.conn(), &parse("agent = \"Zoë Elsewhere\"")),
        1
    );

    // Populations come from the refreshed store too.
    let method = Method::Stratified {
        field: StratumField::Agent,
        size: 10,
        allocation: Allocation::Proportional,
    };
    assert_eq!(
        population(f.t.db.conn(), &all, &method).expect("population"),
        population_sql(f.t.db.conn(), &all, &method).expect("population")
    );
}

#[test]
fn a_transaction_sees_its_own_rows_and_a_rollback_leaves_none() {
    let mut f = library();
    let admin = f.t.admin.clone();
    let all = Criteria::All;
    let eligible = counted_twice(f.t.db.conn(), &all);
    let outcome: Result<(), hark::store::StoreError> = f.t.db.write(|tx| {
        recordings::insert(tx, &admin, &new_call(3, "Inside Transaction"))?;
        // Inside the transaction the store is not used: SQL sees the uncommitted row.
        assert_eq!(count(tx, &all)?, eligible + 1);
        assert_eq!(count(tx, &all)?, eligible + 1);
        assert!(cached(tx).is_none());
        Err(hark::store::StoreError::Invalid("roll back".into()))
    });
    assert!(outcome.is_err());
    assert_eq!(counted_twice(f.t.db.conn(), &all), eligible);
    assert_eq!(
        ids(f.t.db.conn(), &parse("agent = \"Inside Transaction\"")),
        Vec::<i64>::new()
    );
}

#[test]
fn a_background_load_serves_once_nothing_changed() {
    let f = library();
    let conn = f.t.db.conn();
    let handle = load_in_background(conn).expect("a load starts");
    handle.join().expect("the load finishes");
    let store = cached(conn).expect("the loaded store is valid");
    let criteria = parse("duration > 2m and silence > 20% and direction = inbound");
    assert_eq!(
        store.count(&criteria),
        Ok(count_sql(conn, &criteria).expect("count"))
    );
    // A store already valid: nothing to load; preload hands over the same one.
    assert!(load_in_background(conn).is_none());
    let preloaded = preload(conn).expect("preload").expect("a store");
    assert_eq!(preloaded.len(), store.len());
    assert!(preloaded.heap_bytes() > 0);
}

#[test]
fn an_in_memory_library_is_stored_too() {
    let db = Db::open_in_memory().expect("db");
    let conn = db.conn();
    let all = Criteria::All;
    assert_eq!(counted_twice(conn, &all), 0);
}

#[test]
fn wide_dictionaries_and_values_the_store_cannot_hold() {
    let mut t = crate::common::TestDb::new();
    let admin = t.admin.clone();
    // 300 agents and queues: codes wider than a byte.
    t.db.write(|tx| -> StoreResult<()> {
        for n in 0..300 {
            let mut call = new_call(100 + n, &format!("Agent {n:03}"));
            call.call.queue = Some(format!("queue-{}", n % 290));
            recordings::insert(tx, &admin, &call)?;
        }
        Ok(())
    })
    .expect("insert");
    let conn = t.db.conn();
    let store = load(conn);
    let method = Method::Stratified {
        field: StratumField::Queue,
        size: 20,
        allocation: Allocation::Equal,
    };
    for text in [
        "agent = \"Agent 299\" or queue = queue-289",
        "agent in (\"Agent 000\", \"Agent 255\", \"Agent 256\") and not queue = queue-0",
        "queue != queue-5",
    ] {
        let criteria = parse(text);
        assert_eq!(
            store.count(&criteria),
            Ok(count_sql(conn, &criteria).expect("count"))
        );
        assert_eq!(
            store.population(&criteria, &method).expect("population"),
            population_sql(conn, &criteria, &method).expect("population"),
            "{text}"
        );
    }

    // A duration stored as a real (no Hark code writes one): only SQL compares it as SQL
    // does, so the store is not used and SQL answers every query.
    conn.execute(
        "UPDATE recordings SET duration_ms = 1500.5 WHERE id = 1",
        [],
    )
    .expect("update");
    assert!(ColumnStore::load(conn).expect("load").is_none());
    let long = parse("duration > 1500");
    for _ in 0..3 {
        assert_eq!(
            count(conn, &long).expect("count"),
            count_sql(conn, &long).expect("count")
        );
    }
    assert!(cached(conn).is_none());
    assert_eq!(count(conn, &parse("duration = 1500ms")).expect("count"), 0);
}
