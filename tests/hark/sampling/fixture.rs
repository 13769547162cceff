//! A small hand-built library whose every value is known here, so the calls criteria should
//! select can be worked out in Rust, independently of the SQL the criteria compile to.

use chrono::{DateTime, NaiveDateTime};
use rusqlite::params;

use hark::analysis::{Metrics, Timeline};
use hark::sampling::{Criteria, Method, SampleSize, population};
use hark::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use hark::store::{Db, metrics};

use crate::common::TestDb;

pub const AGENTS: [&str; 7] = [
    "Emma Clarke",
    "سارا احمدی",
    "יעל כהן",
    "ليلى حداد",
    "Мария Иванова",
    "O'Brien \"Bob\"",
    "x' OR '1'='1",
];
pub const TEAMS: [&str; 3] = ["Billing", "Tech Support", "پشتیبانی"];
pub const VENDORS: [&str; 2] = ["In-house", "Northwind BPO"];
pub const QUEUES: [&str; 3] = ["billing", "support", "sales"];
pub const DISPOSITIONS: [&str; 3] = ["resolved", "sale", "no-sale"];
const OFFSETS_MIN: [i32; 7] = [0, 210, -300, 120, 840, -720, 330];
/// 2026-10-30T00:00:00Z; calls spread over the ten days after it.
const FIRST_START_MS: i64 = 1_793_318_400_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub silence: f64,
    pub dead_air_ms: u64,
    /// `None` for mono calls, like the agent's talk share.
    pub overtalk_ms: Option<u64>,
    pub agent_talk: Option<f64>,
    pub loudness: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub id: i64,
    /// UTC milliseconds and the stated offset in minutes.
    pub start: Option<(i64, i32)>,
    pub agent: Option<&'static str>,
    pub team: Option<&'static str>,
    pub vendor: Option<&'static str>,
    pub queue: Option<&'static str>,
    pub disposition: Option<&'static str>,
    pub direction: Option<Direction>,
    pub duration_ms: Option<u64>,
    pub status: RecordingStatus,
    pub problem: Option<&'static str>,
    pub metrics: Option<Measured>,
    pub reviewed: bool,
    pub in_open_sample: bool,
}

impl Call {
    /// The call's local start, by chrono rather than by the SQL's arithmetic.
    pub fn local(&self) -> Option<NaiveDateTime> {
        let (unix_ms, offset_min) = self.start?;
        let utc = DateTime::from_timestamp_millis(unix_ms)?.naive_utc();
        Some(utc + chrono::Duration::minutes(i64::from(offset_min)))
    }

    pub fn eligible(&self) -> bool {
        self.status == RecordingStatus::Ok
    }
}

pub struct Fixture {
    pub t: TestDb,
    pub calls: Vec<Call>,
}

impl Fixture {
    /// The ids of eligible calls `wanted` holds for, ascending.
    pub fn expected(&self, wanted: impl Fn(&Call) -> bool) -> Vec<i64> {
        self.calls
            .iter()
            .filter(|c| c.eligible() && wanted(c))
            .map(|c| c.id)
            .collect()
    }

    /// The ids the criteria select, through `population` with a simple random method.
    pub fn selected(&self, text: &str) -> Vec<i64> {
        let criteria = Criteria::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let method = Method::Random {
            size: SampleSize::Count(1),
        };
        population(self.t.db.conn(), &criteria, &method)
            .expect("population")
            .into_iter()
            .map(|c| c.recording_id)
            .collect()
    }
}

/// A small deterministic generator, so the fixture needs no seed plumbing.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }

    fn pick<T: Copy>(&mut self, items: &[T], none_one_in: u64) -> Option<T> {
        if self.next(none_one_in) == 0 {
            return None;
        }
        Some(items[self.next(items.len() as u64) as usize])
    }

    fn unit(&mut self) -> f64 {
        self.next(1_000_000) as f64 / 1_000_000.0
    }
}

pub fn build(count: usize) -> Fixture {
    let mut rng = Lcg(42);
    let mut calls = Vec::new();
    for i in 0..count {
        let start = (i % 23 != 0).then(|| {
            let minutes = rng.next(10 * 24 * 60) as i64;
            (
                FIRST_START_MS + minutes * 60_000,
                OFFSETS_MIN[rng.next(OFFSETS_MIN.len() as u64) as usize],
            )
        });
        let duration_ms = match rng.next(10) {
            0 => None,
            1..=4 => Some([60_000, 90_000, 120_000, 300_000][rng.next(4) as usize]),
            _ => Some(5_000 + rng.next(900_000)),
        };
        let status = match i {
            i if i % 19 == 3 => RecordingStatus::Missing,
            i if i % 29 == 5 => RecordingStatus::Unreadable,
            _ => RecordingStatus::Ok,
        };
        let problem = match status {
            RecordingStatus::Ok => (i % 16 == 1).then_some("the call record disagrees"),
            _ => Some("the file is no longer there"),
        };
        let metrics = (rng.next(7) != 0).then(|| {
            let mono = rng.next(5) == 0;
            Measured {
                silence: (rng.unit() * 0.7 * 100.0).round() / 100.0,
                dead_air_ms: rng.next(60_000),
                overtalk_ms: (!mono).then(|| rng.next(12_000)),
                agent_talk: (!mono).then(|| (rng.unit() * 100.0).round() / 100.0),
                loudness: (rng.next(20) != 0)
                    .then(|| -40.0 + (rng.unit() * 28.0 * 10.0).round() / 10.0),
            }
        });
        calls.push(Call {
            id: 0,
            start,
            agent: rng.pick(&AGENTS, 15),
            team: rng.pick(&TEAMS, 10),
            vendor: rng.pick(&VENDORS, 8),
            queue: rng.pick(&QUEUES, 9),
            disposition: rng.pick(&DISPOSITIONS, 9),
            direction: rng.pick(
                &[Direction::Inbound, Direction::Outbound, Direction::Internal],
                12,
            ),
            duration_ms,
            status,
            problem,
            metrics,
            reviewed: false,
            in_open_sample: false,
        });
    }
    let mut t = TestDb::new();
    let admin = t.admin.clone();
    t.db.write(|tx| -> hark::store::StoreResult<()> {
        for (n, call) in calls.iter_mut().enumerate() {
            call.id = recordings::insert(tx, &admin, &new_recording(n, call))?;
            if let Some(measured) = &call.metrics {
                metrics::save(tx, call.id, &hash(n), &stored_metrics(call, measured))?;
            }
        }
        Ok(())
    })
    .expect("insert fixture");
    add_samples(&mut t.db, t.admin.id, &mut calls);
    Fixture { t, calls }
}

fn hash(n: usize) -> String {
    format!("{n:064x}")
}

fn new_recording(n: usize, call: &Call) -> NewRecording {
    NewRecording {
        path: format!("/fixture/{n:04}.wav"),
        content_hash: Some(hash(n)),
        size_bytes: 1000,
        mtime_ns: 0,
        audio: AudioFacts {
            duration_ms: call.duration_ms,
            channels: Some(2),
            ..AudioFacts::default()
        },
        call: CallFacts {
            call_start: call.start.map(|(unix_ms, utc_offset_min)| CallStart {
                unix_ms,
                utc_offset_min,
            }),
            direction: call.direction,
            agent: call.agent.map(Into::into),
            team: call.team.map(Into::into),
            vendor: call.vendor.map(Into::into),
            queue: call.queue.map(Into::into),
            disposition: call.disposition.map(Into::into),
            ..CallFacts::default()
        },
        status: call.status,
        problem: call.problem.map(Into::into),
    }
}

fn stored_metrics(call: &Call, m: &Measured) -> Metrics {
    let duration_ms = call.duration_ms.unwrap_or(60_000);
    Metrics {
        analyzer_version: hark::analysis::ANALYZER_VERSION,
        duration_ms,
        sample_rate: 8000,
        channels_analyzed: if m.agent_talk.is_some() { 2 } else { 1 },
        talk_ms: 0,
        talk_share: 1.0 - m.silence,
        silence_share: m.silence,
        agent_talk_ms: None,
        customer_talk_ms: None,
        agent_talk_share: m.agent_talk,
        customer_talk_share: None,
        agent_longest_monologue_ms: None,
        customer_longest_monologue_ms: None,
        dead_air_threshold_ms: 2000,
        dead_air_count: 1,
        dead_air_longest_ms: m.dead_air_ms,
        dead_air_average_ms: m.dead_air_ms,
        overtalk_count: m.overtalk_ms.map(|_| 1),
        overtalk_ms: m.overtalk_ms,
        clipping_share: 0.0,
        loudness_lufs: m.loudness,
        agent_loudness_lufs: None,
        customer_loudness_lufs: None,
        timeline: Timeline::default(),
    }
}

/// One open and one closed sample. Calls are put in them by index: completed in the closed
/// sample (reviewed), in the open one (in an open sample), in the open one but replaced (not),
/// completed in the open one (both), and in the closed one unreviewed (neither).
fn add_samples(db: &mut Db, user_id: i64, calls: &mut [Call]) {
    let conn = db.conn();
    for (id, status) in [(1, "open"), (2, "closed")] {
        conn.execute(
            "INSERT INTO samples (id, name, method, criteria, generator, seed, population_size,
                                  population, population_hash, drawn_by, drawn_at, status)
             VALUES (?1, ?2, '{}', '', 'test', '1', 0, x'', '', ?3, '2026-11-01T00:00:00Z', ?4)",
            params![id, format!("sample {id}"), user_id, status],
        )
        .expect("sample");
    }
    let mut positions = [0u32; 3];
    let mut item = |sample: i64, recording: i64, replaced: bool, completed: bool| {
        let position = &mut positions[sample as usize];
        conn.execute(
            "INSERT INTO sample_items (sample_id, position, recording_id, replaced_reason,
                                       replaced_by, replaced_at, completed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                sample,
                *position,
                recording,
                replaced.then_some("wrong language"),
                replaced.then_some(999),
                replaced.then_some("2026-11-02T00:00:00Z"),
                completed.then_some("2026-11-03T00:00:00Z"),
            ],
        )
        .expect("item");
        *position += 1;
    };
    for (i, call) in calls.iter_mut().enumerate() {
        if i % 11 == 0 {
            item(2, call.id, false, true);
            call.reviewed = true;
        }
        if i % 7 == 0 {
            item(1, call.id, false, false);
            call.in_open_sample = true;
        }
        if i % 13 == 0 {
            item(1, call.id, true, false);
        }
        if i % 17 == 0 {
            item(1, call.id, false, true);
            call.reviewed = true;
            call.in_open_sample = true;
        }
        if i % 5 == 0 {
            item(2, call.id, false, false);
        }
    }
}
