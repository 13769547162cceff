//! Synthetic libraries for scale tests and benchmarks: many recordings with plausible metadata
//! and no audio behind them (their paths live under `/synthetic/`, a folder no import creates).

use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use crate::store::recordings::{
    self, AudioFacts, CallFacts, CallStart, Direction, NewRecording, RecordingStatus,
};
use crate::store::users::User;
use crate::store::{Db, StoreResult, audit_log};

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
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
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
            recordings::insert(tx, actor, &new)?;
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
