//! Speech metrics per recording (`recording_metrics`). A row belongs to one content hash and
//! analyzer version: when either moves on, the recording is pending again, so a background
//! analysis picks up where it stopped after a restart and redoes only what is stale.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::StoreResult;
use super::audit_log::now_rfc3339;
use crate::analysis::{Metrics, Timeline};

/// A recording waiting for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub recording_id: i64,
    pub path: String,
    pub content_hash: String,
}

/// Stored metrics, with what they were computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub recording_id: i64,
    pub content_hash: String,
    pub analyzed_at: String,
    pub metrics: Metrics,
}

/// Inserts or replaces the metrics of one recording.
pub fn save(
    tx: &Transaction<'_>,
    recording_id: i64,
    content_hash: &str,
    m: &Metrics,
) -> StoreResult<()> {
    let segments = serde_json::to_string(&m.timeline)
        .map_err(|e| super::StoreError::Invalid(format!("metrics timeline: {e}")))?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO recording_metrics (
            recording_id, content_hash, analyzed_at, analyzer_version, duration_ms, sample_rate,
            channels_analyzed, talk_ms, talk_share, silence_share, agent_talk_ms,
            customer_talk_ms, agent_talk_share, customer_talk_share, agent_longest_monologue_ms,
            customer_longest_monologue_ms, dead_air_threshold_ms, dead_air_count,
            dead_air_longest_ms, dead_air_average_ms, overtalk_count, overtalk_ms,
            clipping_share, loudness_lufs, agent_loudness_lufs, customer_loudness_lufs, segments)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?
    .execute(params![
        recording_id,
        content_hash,
        now_rfc3339(),
        m.analyzer_version,
        m.duration_ms,
        m.sample_rate,
        m.channels_analyzed,
        m.talk_ms,
        m.talk_share,
        m.silence_share,
        m.agent_talk_ms,
        m.customer_talk_ms,
        m.agent_talk_share,
        m.customer_talk_share,
        m.agent_longest_monologue_ms,
        m.customer_longest_monologue_ms,
        m.dead_air_threshold_ms,
        m.dead_air_count,
        m.dead_air_longest_ms,
        m.dead_air_average_ms,
        m.overtalk_count,
        m.overtalk_ms,
        m.clipping_share,
        m.loudness_lufs,
        m.agent_loudness_lufs,
        m.customer_loudness_lufs,
        segments,
    ])?;
    Ok(())
}

pub fn get(conn: &Connection, recording_id: i64) -> StoreResult<Option<Stored>> {
    Ok(conn
        .query_row(
            "SELECT recording_id, content_hash, analyzed_at, analyzer_version, duration_ms,
                    sample_rate, channels_analyzed, talk_ms, talk_share, silence_share,
                    agent_talk_ms, customer_talk_ms, agent_talk_share, customer_talk_share,
                    agent_longest_monologue_ms, customer_longest_monologue_ms,
                    dead_air_threshold_ms, dead_air_count, dead_air_longest_ms,
                    dead_air_average_ms, overtalk_count, overtalk_ms, clipping_share,
                    loudness_lufs, agent_loudness_lufs, customer_loudness_lufs, segments
             FROM recording_metrics WHERE recording_id = ?1",
            [recording_id],
            from_row,
        )
        .optional()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let segments: String = row.get(26)?;
    let timeline: Timeline = serde_json::from_str(&segments).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(26, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Stored {
        recording_id: row.get(0)?,
        content_hash: row.get(1)?,
        analyzed_at: row.get(2)?,
        metrics: Metrics {
            analyzer_version: row.get(3)?,
            duration_ms: row.get(4)?,
            sample_rate: row.get(5)?,
            channels_analyzed: row.get(6)?,
            talk_ms: row.get(7)?,
            talk_share: row.get(8)?,
            silence_share: row.get(9)?,
            agent_talk_ms: row.get(10)?,
            customer_talk_ms: row.get(11)?,
            agent_talk_share: row.get(12)?,
            customer_talk_share: row.get(13)?,
            agent_longest_monologue_ms: row.get(14)?,
            customer_longest_monologue_ms: row.get(15)?,
            dead_air_threshold_ms: row.get(16)?,
            dead_air_count: row.get(17)?,
            dead_air_longest_ms: row.get(18)?,
            dead_air_average_ms: row.get(19)?,
            overtalk_count: row.get(20)?,
            overtalk_ms: row.get(21)?,
            clipping_share: row.get(22)?,
            loudness_lufs: row.get(23)?,
            agent_loudness_lufs: row.get(24)?,
            customer_loudness_lufs: row.get(25)?,
            timeline,
        },
    })
}

/// Readable recordings with no current metrics: never analysed, changed since (another content
/// hash), analysed by another analyzer version or with another dead-air threshold. By id, so a
/// resumed run goes on in the same order.
pub fn pending(
    conn: &Connection,
    analyzer_version: u32,
    dead_air_ms: u64,
) -> StoreResult<Vec<Pending>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.path, r.content_hash
         FROM recordings r LEFT JOIN recording_metrics m ON m.recording_id = r.id
         WHERE r.status = 'ok' AND r.content_hash IS NOT NULL
           AND (m.recording_id IS NULL
                OR m.content_hash IS NOT r.content_hash
                OR m.analyzer_version != ?1
                OR m.dead_air_threshold_ms != ?2)
         ORDER BY r.id",
    )?;
    let rows = stmt.query_map(params![analyzer_version, dead_air_ms], |row| {
        Ok(Pending {
            recording_id: row.get(0)?,
            path: row.get(1)?,
            content_hash: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
