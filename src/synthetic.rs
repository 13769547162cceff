//! Synthetic libraries for scale tests and benchmarks: many recordings with plausible metadata
//! and speech metrics, and no audio behind them (their paths live under `/synthetic/`, a folder
//! no import creates). The metrics are stored as current (this analyzer version, the default
//! dead-air threshold), so `hark analyze --all` does not try to open the missing files.

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use crate::analysis::{ANALYZER_VERSION, AnalysisOptions, Metrics, Span, Timeline};
use crate::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use crate::store::users::User;
use crate::store::{Db, StoreResult, audit_log, metrics};

const AGENTS: [(&str, &str, &str); 12] = [
    ("Emma Clarke", "Billing", "In-house"),
    ("Daniel Cohen", "Tech Support", "In-house"),
    ("Ivan Petrov", "Tech Support", "Northwind BPO"),
    ("سارا احمدی", "Retention", "In-house"),
    ("ليلى حداد", "Billing", "Northwind BPO"),
    ("Noah Levi", "Sales", "Northwind BPO"),
    ("Мария Иванова", "Sales", "Sofia Contact"),
    ("Reza Karimi", "Collections", "Sofia Contact"),
    ("Olivia Brown", "Retention", "In-house"),
    ("יעל כהן", "Tech Support", "Northwind BPO"),
    ("Omar Nasser", "Collections", "Sofia Contact"),
    ("Georgi Dimitrov", "Billing", "Sofia Contact"),
];
const QUEUES: [&str; 5] = ["billing", "support", "sales", "retention", "collections"];
const DISPOSITIONS: [&str; 5] = ["resolved", "escalated", "callback", "sale", "no-sale"];
const CODECS: [(&str, &str); 3] = [("wave", "pcm_s16le"), ("wave", "pcm_mulaw"), ("mp3", "mp3")];

/// Adds `count` synthetic recordings in one transaction; the same seed gives the same rows.
pub fn generate(db: &mut Db, actor: &User, count: u32, seed: u64) -> StoreResult<()> {
    // One transaction inserts into every index at random places; with SQLite's default 2 MiB
    // page cache it spills and rewrites the same pages to the WAL over and over (minutes for a
    // million rows). A cache that holds the indexes avoids that; the usual size comes back after.
    let conn = db.conn();
    let cache_size: i64 = conn.pragma_query_value(None, "cache_size", |row| row.get(0))?;
    conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
    let generated = insert_all(db, actor, count, seed);
    db.conn().pragma_update(None, "cache_size", cache_size)?;
    generated
}

/// The page cache while generating, in KiB (1 GiB, allocated only as pages are used).
const BULK_CACHE_KIB: i64 = 1024 * 1024;

fn insert_all(db: &mut Db, actor: &User, count: u32, seed: u64) -> StoreResult<()> {
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    // Metrics come from a stream of their own, so the recordings a seed gives stay as they were
    // before synthetic libraries had metrics.
    let mut metrics_rng = ChaCha20Rng::seed_from_u64(seed);
    metrics_rng.set_stream(1);
    // 2026-09-01T00:00:00Z, spread over about 90 days.
    let first_start_ms: i64 = 1_788_220_800_000;
    db.write(|tx| {
        for n in 0..count {
            let (agent, team, vendor) = AGENTS[rng.random_range(0..AGENTS.len())];
            let (container, codec) = CODECS[rng.random_range(0..CODECS.len())];
            let duration_ms = rng.random_range(20_000..1_800_000u64);
            let start_ms = first_start_ms + rng.random_range(0..90 * 86_400_000i64);
            let caller = format!("+1555{:07}", rng.random_range(0..10_000_000u32));
            let new = NewRecording {
                path: format!(
                    "/synthetic/{seed}/{n:07}.{}",
                    if container == "mp3" { "mp3" } else { "wav" }
                ),
                content_hash: Some(format!("{:064x}", rng.random::<u128>())),
                size_bytes: duration_ms * 16,
                mtime_ns: start_ms * 1_000_000,
                audio: AudioFacts {
                    container: Some(container.into()),
                    codec: Some(codec.into()),
                    sample_rate: Some(8000),
                    channels: Some(2),
                    duration_ms: Some(duration_ms),
                },
                call: CallFacts {
                    call_start: Some(CallStart {
                        unix_ms: start_ms,
                        utc_offset_min: 0,
                    }),
                    direction: Some(if rng.random_bool(0.7) {
                        Direction::Inbound
                    } else {
                        Direction::Outbound
                    }),
                    agent: Some(agent.into()),
                    team: Some(team.into()),
                    vendor: Some(vendor.into()),
                    queue: Some(QUEUES[rng.random_range(0..QUEUES.len())].into()),
                    disposition: Some(DISPOSITIONS[rng.random_range(0..DISPOSITIONS.len())].into()),
                    caller_number: Some(caller),
                    callee_number: Some("+15555550100".into()),
                    external_call_id: Some(format!("{}.{n}", start_ms / 1000)),
                },
                status: RecordingStatus::Ok,
                problem: None,
            };
            let id = recordings::insert(tx, actor, &new)?;
            let hash = new.content_hash.as_deref().unwrap_or_default();
            metrics::save(tx, id, hash, &speech_metrics(&mut metrics_rng, duration_ms))?;
        }
        audit_log::append(
            tx,
            actor,
            "synthetic.generate",
            &format!("synthetic:{seed}"),
            &serde_json::json!({ "count": count, "seed": seed }),
        )?;
        Ok(())
    })
}

/// Plausible speech metrics for a two-channel call: mostly 10-35 % silence with a tail of
/// long holds, agents talking 30-70 % of the talk, dead air mostly short with a few long
/// gaps, a little overtalk, loudness around -24 LUFS.
fn speech_metrics(rng: &mut ChaCha20Rng, duration_ms: u64) -> Metrics {
    let duration = duration_ms as f64;
    let silence_share = if rng.random_bool(0.1) {
        0.35 + 0.45 * rng.random::<f64>()
    } else {
        0.08 + 0.27 * rng.random::<f64>().powi(2)
    };
    let talk_ms = (duration * (1.0 - silence_share)) as u64;
    let overtalk_ms = (duration * 0.04 * rng.random::<f64>().powi(3)) as u64;
    let agent_part = 0.3 + 0.4 * rng.random::<f64>();
    let agent_talk_ms = (talk_ms as f64 * agent_part) as u64 + overtalk_ms / 2;
    let customer_talk_ms = talk_ms.saturating_sub(agent_talk_ms) + overtalk_ms;
    let dead_air_threshold_ms = AnalysisOptions::default().dead_air_ms;
    let silence_ms = duration_ms - talk_ms;
    let (dead_air_count, dead_air_longest_ms) = if rng.random_bool(0.15) {
        (0, 0)
    } else {
        let longest = dead_air_threshold_ms + (58_000.0 * rng.random::<f64>().powi(4)) as u64;
        (rng.random_range(1..12u32), longest.min(silence_ms))
    };
    let dead_air_start =
        rng.random_range(0..duration_ms.saturating_sub(dead_air_longest_ms).max(1));
    // Three uniforms summed: a bell around -24 LUFS, from -36 to -12.
    let loudness = -36.0 + 8.0 * (0..3).map(|_| rng.random::<f64>()).sum::<f64>();
    let share = |ms: u64| ms as f64 / duration;
    Metrics {
        analyzer_version: ANALYZER_VERSION,
        duration_ms,
        sample_rate: 8000,
        channels_analyzed: 2,
        talk_ms,
        talk_share: share(talk_ms),
        silence_share: share(silence_ms),
        agent_talk_ms: Some(agent_talk_ms),
        customer_talk_ms: Some(customer_talk_ms),
        agent_talk_share: Some(share(agent_talk_ms)),
        customer_talk_share: Some(share(customer_talk_ms)),
        agent_longest_monologue_ms: Some(rng.random_range(5_000..90_000u64).min(agent_talk_ms)),
        customer_longest_monologue_ms: Some(
            rng.random_range(5_000..60_000u64).min(customer_talk_ms),
        ),
        dead_air_threshold_ms,
        dead_air_count,
        dead_air_longest_ms,
        dead_air_average_ms: dead_air_longest_ms / u64::from(dead_air_count.clamp(1, 2)),
        overtalk_count: Some((overtalk_ms / 1500) as u32),
        overtalk_ms: Some(overtalk_ms),
        clipping_share: 0.0005 * rng.random::<f64>().powi(2),
        loudness_lufs: Some(loudness),
        agent_loudness_lufs: Some(loudness + rng.random_range(-2.0..2.0)),
        customer_loudness_lufs: Some(loudness + rng.random_range(-4.0..1.0)),
        // Only the longest dead air as a span: enough for a timeline, small at a million rows.
        timeline: Timeline {
            dead_air: (dead_air_longest_ms > 0)
                .then(|| Span::new(dead_air_start, dead_air_start + dead_air_longest_ms))
                .into_iter()
                .collect(),
            agent: Some(Vec::new()),
            customer: Some(Vec::new()),
            overtalk: Some(Vec::new()),
            ..Timeline::default()
        },
    }
}
