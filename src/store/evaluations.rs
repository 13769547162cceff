//! Evaluations (`evaluations`), their drafts (`evaluation_drafts`), their submitted revisions
//! (`evaluation_revisions`, append-only) and each revision's answers (`evaluation_answers`).
//! Contents are JSON written by `hark::scorecard`.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit_log::now_rfc3339;
use super::recordings::CallStart;
use super::{StoreError, StoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EvaluationStatus {
    Draft,
    Submitted,
}

/// An evaluation with what lists show of it; score fields are its newest revision's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub recording_id: i64,
    pub file_name: String,
    /// RFC 3339 in the call's own offset.
    pub call_start: Option<String>,
    #[ts(type = "number | null")]
    pub duration_ms: Option<i64>,
    #[ts(type = "number")]
    pub scorecard_id: i64,
    #[ts(type = "number")]
    pub scorecard_version_id: i64,
    pub scorecard_name: String,
    pub scorecard_version: u32,
    #[ts(type = "number")]
    pub reviewer_id: i64,
    pub reviewer: String,
    #[ts(type = "number | null")]
    pub agent_id: Option<i64>,
    pub agent: Option<String>,
    pub team: Option<String>,
    #[ts(type = "number | null")]
    pub sample_id: Option<i64>,
    pub sample_position: Option<u32>,
    pub status: EvaluationStatus,
    pub started_at: String,
    pub submitted_at: Option<String>,
    /// The newest revision (0 for a draft).
    pub revision: u32,
    pub score: Option<f64>,
    pub computed_score: Option<f64>,
    pub critical_failed: bool,
    pub passed: Option<bool>,
    /// When the agent acknowledged the newest revision.
    pub acknowledged_at: Option<String>,
    pub open_disputes: u32,
}

const ROW_SELECT: &str = "SELECT e.id, e.recording_id, r.path, r.call_start_ms,
        r.call_utc_offset_min, r.duration_ms, v.scorecard_id, e.scorecard_version_id, s.name,
        v.version, e.reviewer_id, u.name, e.agent_id, a.name, t.name, e.sample_id,
        e.sample_position, e.status, e.started_at, e.submitted_at,
        coalesce(rv.revision, 0), rv.score, rv.computed_score, coalesce(rv.critical_failed, 0),
        rv.passed,
        (SELECT max(k.at) FROM acknowledgements k
          WHERE k.evaluation_id = e.id AND k.revision = rv.revision),
        (SELECT count(*) FROM disputes d WHERE d.evaluation_id = e.id AND d.status = 'open')
    FROM evaluations e
    JOIN recordings r ON r.id = e.recording_id
    JOIN scorecard_versions v ON v.id = e.scorecard_version_id
    JOIN scorecards s ON s.id = v.scorecard_id
    JOIN users u ON u.id = e.reviewer_id
    LEFT JOIN agents a ON a.id = e.agent_id
    LEFT JOIN teams t ON t.id = a.team_id
    LEFT JOIN evaluation_revisions rv ON rv.evaluation_id = e.id
     AND rv.revision = (SELECT max(revision) FROM evaluation_revisions x
                         WHERE x.evaluation_id = e.id)";

fn row_from(row: &Row<'_>) -> rusqlite::Result<EvaluationRow> {
    let path: String = row.get(2)?;
    let start_ms: Option<i64> = row.get(3)?;
    let offset_min: Option<i32> = row.get(4)?;
    let status: String = row.get(17)?;
    Ok(EvaluationRow {
        id: row.get(0)?,
        recording_id: row.get(1)?,
        file_name: std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned()),
        call_start: start_ms.and_then(|unix_ms| {
            CallStart {
                unix_ms,
                utc_offset_min: offset_min.unwrap_or(0),
            }
            .to_rfc3339()
        }),
        duration_ms: row.get(5)?,
        scorecard_id: row.get(6)?,
        scorecard_version_id: row.get(7)?,
        scorecard_name: row.get(8)?,
        scorecard_version: row.get(9)?,
        reviewer_id: row.get(10)?,
        reviewer: row.get(11)?,
        agent_id: row.get(12)?,
        agent: row.get(13)?,
        team: row.get(14)?,
        sample_id: row.get(15)?,
        sample_position: row.get(16)?,
        status: match status.as_str() {
            "submitted" => EvaluationStatus::Submitted,
            _ => EvaluationStatus::Draft,
        },
        started_at: row.get(18)?,
        submitted_at: row.get(19)?,
        revision: row.get(20)?,
        score: row.get(21)?,
        computed_score: row.get(22)?,
        critical_failed: row.get(23)?,
        passed: row.get(24)?,
        acknowledged_at: row.get(25)?,
        open_disputes: row.get(26)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> StoreResult<EvaluationRow> {
    conn.prepare_cached(&format!("{ROW_SELECT} WHERE e.id = ?1"))?
        .query_row([id], row_from)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: format!("evaluation #{id}"),
        })
}

/// Evaluations of one call, newest first.
pub fn for_recording(conn: &Connection, recording_id: i64) -> StoreResult<Vec<EvaluationRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ROW_SELECT} WHERE e.recording_id = ?1 ORDER BY e.id DESC"
    ))?;
    let rows = stmt
        .query_map([recording_id], row_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What a list of submitted evaluations is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationFilter {
    pub agent_id: Option<i64>,
    pub team: Option<String>,
    pub reviewer_id: Option<i64>,
    pub scorecard_id: Option<i64>,
    /// Submitted on or after / before (RFC 3339 or a date; compared as text in UTC).
    pub submitted_from: Option<String>,
    pub submitted_before: Option<String>,
}

/// Submitted evaluations meeting `filter`, newest submission first.
pub fn submitted(conn: &Connection, filter: &EvaluationFilter) -> StoreResult<Vec<EvaluationRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ROW_SELECT} WHERE e.status = 'submitted'
           AND (?1 IS NULL OR e.agent_id = ?1)
           AND (?2 IS NULL OR t.name = ?2)
           AND (?3 IS NULL OR e.reviewer_id = ?3)
           AND (?4 IS NULL OR v.scorecard_id = ?4)
           AND (?5 IS NULL OR e.submitted_at >= ?5)
           AND (?6 IS NULL OR e.submitted_at < ?6)
         ORDER BY e.submitted_at DESC, e.id DESC"
    ))?;
    let rows = stmt
        .query_map(
            params![
                filter.agent_id,
                filter.team,
                filter.reviewer_id,
                filter.scorecard_id,
                filter.submitted_from,
                filter.submitted_before
            ],
            row_from,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The evaluation in progress by `reviewer_id` on `recording_id`, if any.
pub fn draft_id(
    conn: &Connection,
    recording_id: i64,
    reviewer_id: i64,
) -> StoreResult<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM evaluations
             WHERE recording_id = ?1 AND reviewer_id = ?2 AND status = 'draft'",
        )?
        .query_row([recording_id, reviewer_id], |row| row.get(0))
        .optional()?)
}

/// What a new evaluation row holds.
#[derive(Debug, Clone)]
pub struct NewEvaluation {
    pub recording_id: i64,
    pub scorecard_version_id: i64,
    pub reviewer_id: i64,
    pub agent_id: Option<i64>,
    pub sample: Option<(i64, u32)>,
}

pub fn insert(tx: &Transaction<'_>, new: &NewEvaluation) -> StoreResult<i64> {
    tx.execute(
        "INSERT INTO evaluations (recording_id, scorecard_version_id, reviewer_id, agent_id,
                                  sample_id, sample_position, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new.recording_id,
            new.scorecard_version_id,
            new.reviewer_id,
            new.agent_id,
            new.sample.map(|s| s.0),
            new.sample.map(|s| s.1),
            now_rfc3339()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The open sample call of `recording_id` this reviewer's evaluation reviews: one assigned to
/// them, else an unassigned one, not yet completed or taken by another evaluation.
pub fn sample_item_for(
    conn: &Connection,
    recording_id: i64,
    reviewer_id: i64,
) -> StoreResult<Option<(i64, u32)>> {
    Ok(conn
        .prepare_cached(
            "SELECT i.sample_id, i.position FROM sample_items i
             JOIN samples s ON s.id = i.sample_id
             WHERE i.recording_id = ?1 AND s.status = 'open' AND i.replaced_by IS NULL
               AND i.completed_at IS NULL
               AND (i.assigned_to = ?2 OR i.assigned_to IS NULL)
               AND NOT EXISTS (SELECT 1 FROM evaluations e
                                WHERE e.sample_id = i.sample_id
                                  AND e.sample_position = i.position)
             ORDER BY i.assigned_to IS NULL, i.due_date IS NULL, i.due_date, s.id, i.position
             LIMIT 1",
        )?
        .query_row([recording_id, reviewer_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?)
}

/// A draft's content (JSON), when it was last saved and how many saves it has had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub content: String,
    pub saved_at: String,
    pub saves: u64,
}

pub fn draft(conn: &Connection, evaluation_id: i64) -> StoreResult<Option<StoredDraft>> {
    Ok(conn
        .prepare_cached(
            "SELECT content, saved_at, saves FROM evaluation_drafts WHERE evaluation_id = ?1",
        )?
        .query_row([evaluation_id], |row| {
            Ok(StoredDraft {
                content: row.get(0)?,
                saved_at: row.get(1)?,
                saves: row.get(2)?,
            })
        })
        .optional()?)
}

/// Stores the draft's content, replacing the previous save; returns the save time.
pub fn save_draft(tx: &Transaction<'_>, evaluation_id: i64, content: &str) -> StoreResult<String> {
    let now = now_rfc3339();
    tx.prepare_cached(
        "INSERT INTO evaluation_drafts (evaluation_id, content, saved_at, saves)
         VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (evaluation_id) DO UPDATE
         SET content = excluded.content, saved_at = excluded.saved_at, saves = saves + 1",
    )?
    .execute(params![evaluation_id, content, now])?;
    Ok(now)
}

/// Drops a draft evaluation and its working copy (a submitted one the schema keeps).
pub fn delete_draft(tx: &Transaction<'_>, evaluation_id: i64) -> StoreResult<()> {
    tx.execute(
        "DELETE FROM evaluation_drafts WHERE evaluation_id = ?1",
        [evaluation_id],
    )?;
    tx.execute(
        "DELETE FROM evaluations WHERE id = ?1 AND status = 'draft'",
        [evaluation_id],
    )?;
    Ok(())
}

/// Marks the evaluation submitted, drops its working copy, and completes its sample call.
pub fn mark_submitted(tx: &Transaction<'_>, evaluation_id: i64) -> StoreResult<String> {
    let now = now_rfc3339();
    tx.execute(
        "DELETE FROM evaluation_drafts WHERE evaluation_id = ?1",
        [evaluation_id],
    )?;
    tx.execute(
        "UPDATE sample_items SET completed_at = ?2
         WHERE (sample_id, position) = (SELECT sample_id, sample_position FROM evaluations
                                         WHERE id = ?1)
           AND completed_at IS NULL",
        params![evaluation_id, now],
    )?;
    tx.execute(
        "UPDATE evaluations SET status = 'submitted', submitted_at = ?2
         WHERE id = ?1 AND status = 'draft'",
        params![evaluation_id, now],
    )?;
    Ok(now)
}

/// One submitted state of an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRevision {
    pub revision: u32,
    /// JSON of `hark::scorecard::EvaluationContent`.
    pub content: String,
    pub score: Option<f64>,
    pub computed_score: Option<f64>,
    pub critical_failed: bool,
    pub passed: Option<bool>,
    pub made_by: i64,
    pub made_by_name: String,
    pub made_at: String,
    pub reason: String,
    pub dispute_id: Option<i64>,
}

pub fn revisions(conn: &Connection, evaluation_id: i64) -> StoreResult<Vec<StoredRevision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.revision, r.content, r.score, r.computed_score, r.critical_failed, r.passed,
                r.made_by, u.name, r.made_at, r.reason, r.dispute_id
         FROM evaluation_revisions r JOIN users u ON u.id = r.made_by
         WHERE r.evaluation_id = ?1 ORDER BY r.revision",
    )?;
    let rows = stmt
        .query_map([evaluation_id], |row| {
            Ok(StoredRevision {
                revision: row.get(0)?,
                content: row.get(1)?,
                score: row.get(2)?,
                computed_score: row.get(3)?,
                critical_failed: row.get(4)?,
                passed: row.get(5)?,
                made_by: row.get(6)?,
                made_by_name: row.get(7)?,
                made_at: row.get(8)?,
                reason: row.get(9)?,
                dispute_id: row.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A new revision of a submitted evaluation.
#[derive(Debug, Clone)]
pub struct NewRevision<'a> {
    pub evaluation_id: i64,
    pub revision: u32,
    pub content: &'a str,
    pub score: Option<f64>,
    pub computed_score: Option<f64>,
    pub critical_failed: bool,
    pub passed: Option<bool>,
    pub made_by: i64,
    pub reason: &'a str,
    pub dispute_id: Option<i64>,
}

pub fn insert_revision(tx: &Transaction<'_>, new: &NewRevision<'_>) -> StoreResult<String> {
    let now = now_rfc3339();
    tx.execute(
        "INSERT INTO evaluation_revisions (evaluation_id, revision, content, score,
             computed_score, critical_failed, passed, made_by, made_at, reason, dispute_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            new.evaluation_id,
            new.revision,
            new.content,
            new.score,
            new.computed_score,
            new.critical_failed,
            new.passed,
            new.made_by,
            now,
            new.reason,
            new.dispute_id
        ],
    )?;
    Ok(now)
}

/// One question's answer in a revision, as reports read it.
#[derive(Debug, Clone)]
pub struct NewAnswer<'a> {
    pub question_key: &'a str,
    pub section_key: &'a str,
    pub answer: Option<String>,
    pub na: bool,
    pub earned: Option<f64>,
    pub possible: Option<f64>,
    pub weight: Option<f64>,
    pub failed: bool,
    pub comment: &'a str,
}

pub fn insert_answer(
    tx: &Transaction<'_>,
    evaluation_id: i64,
    revision: u32,
    answer: &NewAnswer<'_>,
) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO evaluation_answers (evaluation_id, revision, question_key, section_key,
             answer, na, earned, possible, weight, failed, comment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        evaluation_id,
        revision,
        answer.question_key,
        answer.section_key,
        answer.answer,
        answer.na,
        answer.earned,
        answer.possible,
        answer.weight,
        answer.failed,
        answer.comment
    ])?;
    Ok(())
}

/// The stored answers of one revision: question key to (answer text, comment).
pub fn answers(
    conn: &Connection,
    evaluation_id: i64,
    revision: u32,
) -> StoreResult<Vec<(String, Option<String>, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT question_key, answer, comment FROM evaluation_answers
         WHERE evaluation_id = ?1 AND revision = ?2",
    )?;
    let rows = stmt
        .query_map(params![evaluation_id, revision], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
