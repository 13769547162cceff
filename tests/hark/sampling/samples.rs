//! Stored samples: drawn, audited, verified against their frozen population, replaced by the
//! same rule, assigned to reviewers and exported with their rule and seed.

use std::collections::HashSet;

use hark::sampling::sample::{self, SampleError};
use hark::sampling::{
    Allocation, AssignRequest, Method, SampleRequest, SampleSize, StratumField, draw_sample, export,
};
use hark::session;
use hark::store::audit_log;
use hark::store::users::{Role, User};

use crate::common::TestDb;

fn library(count: u32) -> TestDb {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, count, 7).expect("synthetic library");
    t
}

fn random(name: &str, size: u32, seed: &str) -> SampleRequest {
    SampleRequest {
        name: name.into(),
        criteria: String::new(),
        method: Method::Random {
            size: SampleSize::Count(size),
        },
        seed: Some(seed.into()),
        assign: None,
    }
}

fn reviewer(t: &mut TestDb, name: &str) -> User {
    session::create_user(&mut t.db, Some(&t.admin), name, Role::Reviewer).expect("reviewer")
}

fn ids(detail: &hark::sampling::SampleDetail) -> Vec<i64> {
    detail.items.iter().map(|i| i.recording_id).collect()
}

#[test]
fn the_same_seed_over_the_same_population_draws_the_same_calls_and_verifies() {
    let mut t = library(500);
    let first = draw_sample(&mut t.db, &t.admin, &random("Week 45", 12, "424242")).expect("draw");
    let again = draw_sample(&mut t.db, &t.admin, &random("Again", 12, "424242")).expect("draw");
    let other = draw_sample(&mut t.db, &t.admin, &random("Other", 12, "424243")).expect("draw");
    assert_eq!(
        ids(&first),
        ids(&again),
        "same seed, same calls, same order"
    );
    assert_ne!(ids(&first), ids(&other), "another seed draws other calls");
    assert_eq!(first.items.len(), 12);
    assert_eq!(first.sample.population_size, 500);
    assert_eq!(first.sample.seed, "424242");
    assert!(first.sample.generator.contains("ChaCha20"));

    let check = sample::verify(t.db.conn(), first.sample.id).expect("verify");
    assert!(check.population_intact && check.draw_matches, "{check:?}");
    assert_eq!((check.stored_calls, check.redrawn_calls), (12, 12));

    // The audit log holds the draw with its seed and population hash.
    let entries = audit_log::recent(t.db.conn(), 20).expect("audit");
    let draw = entries
        .iter()
        .find(|e| e.action == "sample.draw" && e.object == format!("sample:{}", first.sample.id))
        .expect("audited");
    assert!(
        draw.details.contains("424242") && draw.details.contains(&first.sample.population_hash)
    );
}

#[test]
fn verify_finds_an_altered_sample_or_population() {
    let mut t = library(300);
    let drawn = draw_sample(&mut t.db, &t.admin, &random("Audit", 10, "9")).expect("draw");
    let id = drawn.sample.id;
    // Someone swaps a drawn call for another one with the sqlite3 shell.
    let outsider = (1..=300)
        .find(|r| !ids(&drawn).contains(r))
        .expect("a call not drawn");
    t.db.conn()
        .execute(
            "UPDATE sample_items SET recording_id = ?2 WHERE sample_id = ?1 AND position = 3",
            rusqlite::params![id, outsider],
        )
        .expect("tamper");
    let check = sample::verify(t.db.conn(), id).expect("verify");
    assert!(!check.draw_matches);
    assert_eq!(check.first_difference, Some(3));

    // Or edits the frozen population (a bit of its last byte).
    let mut frozen: Vec<u8> =
        t.db.conn()
            .query_row(
                "SELECT population FROM samples WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .expect("population");
    let last = frozen.len() - 1;
    frozen[last] ^= 0x01;
    t.db.conn()
        .execute(
            "UPDATE samples SET population = ?2 WHERE id = ?1",
            rusqlite::params![id, frozen],
        )
        .expect("tamper");
    match sample::verify(t.db.conn(), id) {
        Ok(check) => assert!(!check.population_intact && !check.draw_matches, "{check:?}"),
        Err(error) => assert!(error.to_string().contains("damaged"), "{error}"),
    }
}

#[test]
fn a_replacement_needs_a_reason_comes_from_the_same_stratum_and_is_logged() {
    let mut t = library(400);
    let request = SampleRequest {
        name: "By team".into(),
        criteria: String::new(),
        method: Method::Stratified {
            field: StratumField::Team,
            size: 20,
            allocation: Allocation::Proportional,
        },
        seed: Some("77".into()),
        assign: None,
    };
    let drawn = draw_sample(&mut t.db, &t.admin, &request).expect("draw");
    let id = drawn.sample.id;
    let target = drawn.items[4].clone();

    let refused = sample::replace(&mut t.db, &t.admin, id, 4, "  ").expect_err("no reason");
    assert!(matches!(refused, SampleError::Invalid(_)), "{refused}");

    let new = sample::replace(&mut t.db, &t.admin, id, 4, "wrong language").expect("replace");
    assert_eq!(new.group, target.group, "same stratum");
    assert!(
        !ids(&drawn).contains(&new.recording_id),
        "not already in the sample"
    );
    assert_eq!(new.position, 20, "appended after the draw");

    let detail = sample::detail(t.db.conn(), id).expect("detail");
    let old = &detail.items[4];
    assert_eq!(old.replaced_reason.as_deref(), Some("wrong language"));
    assert_eq!(old.replaced_by, Some(20));
    assert_eq!((detail.sample.calls, detail.sample.replaced), (20, 1));
    assert!(
        sample::replace(&mut t.db, &t.admin, id, 4, "again").is_err(),
        "a replaced call cannot be replaced twice"
    );
    // The original draw still verifies: replacements are appended, never rewrite it.
    assert!(
        sample::verify(t.db.conn(), id)
            .expect("verify")
            .draw_matches
    );
    let entries = audit_log::recent(t.db.conn(), 20).expect("audit");
    let logged = entries
        .iter()
        .find(|e| e.action == "sample.replace")
        .expect("audited");
    assert!(logged.details.contains("wrong language"));
    assert!(logged.details.contains(&new.recording_id.to_string()));
}

#[test]
fn assigned_calls_are_spread_evenly_and_appear_in_each_reviewers_queue() {
    let mut t = library(200);
    let ana = reviewer(&mut t, "Ana");
    let ben = reviewer(&mut t, "Ben");
    let mut request = random("Shared", 9, "5");
    request.assign = Some(AssignRequest {
        reviewers: vec![ana.id, ben.id],
        daily_cap: Some(2),
        due_days: 1,
    });
    let drawn = draw_sample(&mut t.db, &t.admin, &request).expect("draw");
    let queue_a = sample::queue(t.db.conn(), ana.id).expect("queue");
    let queue_b = sample::queue(t.db.conn(), ben.id).expect("queue");
    assert_eq!((queue_a.len(), queue_b.len()), (5, 4));
    let all: HashSet<i64> = queue_a
        .iter()
        .chain(&queue_b)
        .map(|i| i.recording_id)
        .collect();
    assert_eq!(all, ids(&drawn).into_iter().collect());
    // Two a day each: Ana's five calls fall due over three days, soonest first.
    let dues: Vec<&str> = queue_a
        .iter()
        .filter_map(|i| i.due_date.as_deref())
        .collect();
    assert_eq!(dues.len(), 5);
    assert!(dues.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(dues.iter().collect::<HashSet<_>>().len(), 3);
}

#[test]
fn calls_in_an_open_sample_can_be_excluded_from_the_next_draw() {
    let mut t = library(60);
    let first = draw_sample(&mut t.db, &t.admin, &random("First", 30, "1")).expect("draw");
    let mut request = random("Second", 30, "2");
    request.criteria = "not in_open_sample".into();
    let second = draw_sample(&mut t.db, &t.admin, &request).expect("draw");
    let overlap: HashSet<i64> = ids(&first).into_iter().collect();
    assert!(ids(&second).iter().all(|id| !overlap.contains(id)));
    assert_eq!(second.sample.population_size, 30);
    let mut request = random("Third", 5, "3");
    request.criteria = "not in_open_sample".into();
    let error = draw_sample(&mut t.db, &t.admin, &request).expect_err("nothing left");
    assert!(error.to_string().contains("nothing to draw"), "{error}");
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let mut t = library(20);
    let mut request = random("Bad seed", 5, "minus one");
    assert!(
        draw_sample(&mut t.db, &t.admin, &request)
            .expect_err("seed")
            .to_string()
            .contains("seed")
    );
    request.seed = Some("1".into());
    request.criteria = "agnt = \"Emma\"".into();
    let error = draw_sample(&mut t.db, &t.admin, &request).expect_err("criteria");
    assert!(error.to_string().contains("column"), "{error}");
    assert_eq!(hark::Error::from(error).code(), "criteria");
    assert!(sample::detail(t.db.conn(), 999).is_err());
}

#[test]
fn exports_carry_the_rule_and_the_seed() {
    let mut t = library(100);
    let mut request = random("Export me", 4, "31337");
    request.criteria = "duration >= 30s".into();
    let drawn = draw_sample(&mut t.db, &t.admin, &request).expect("draw");
    let mut csv_out = Vec::new();
    export::csv(t.db.conn(), drawn.sample.id, &mut csv_out).expect("csv");
    let mut reader = csv::Reader::from_reader(csv_out.as_slice());
    let headers = reader.headers().expect("headers").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4);
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    for (row, item) in rows.iter().zip(&drawn.items) {
        assert_eq!(row[column("recording_id")], item.recording_id.to_string());
        assert_eq!(&row[column("seed")], "31337");
        assert!(row[column("criteria")].contains("duration"));
        assert!(row[column("method")].contains("random"));
    }
    let mut json_out = Vec::new();
    export::json(t.db.conn(), drawn.sample.id, &mut json_out).expect("json");
    let value: serde_json::Value = serde_json::from_slice(&json_out).expect("json parses");
    assert_eq!(value["sample"]["seed"], "31337");
    assert_eq!(value["items"].as_array().map(Vec::len), Some(4));
}
