//! Agents and their feedback: every agent with their evaluation figures, and one agent's page
//! (their submitted evaluations, the forms and versions those used, open disputes) for their
//! lead, or for the agent's own profile.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::EvaluationError;
use super::feedback::{Dispute, open_disputes};
use crate::store::evaluations::{self, EvaluationFilter, EvaluationRow};
use crate::store::users::{Role, User};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub team: Option<String>,
    pub vendor: Option<String>,
    pub recordings: u32,
    /// Submitted evaluations.
    pub evaluations: u32,
    /// Mean of the shown scores (critical fails count as 0).
    pub average_score: Option<f64>,
    pub critical_fails: u32,
    /// Evaluations whose newest revision the agent has not acknowledged.
    pub unacknowledged: u32,
    pub open_disputes: u32,
    pub last_submitted_at: Option<String>,
    /// The agent's own profile, if they have one.
    pub profile: Option<String>,
}

/// One form the agent was scored on, and the versions of it their evaluations used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormUse {
    pub name: String,
    pub versions: Vec<u32>,
    pub evaluations: u32,
    pub average_score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgentPage {
    pub agent: AgentSummary,
    /// Submitted evaluations, newest first.
    pub evaluations: Vec<EvaluationRow>,
    pub forms: Vec<FormUse>,
    pub open_disputes: Vec<Dispute>,
}

const AGENT_SELECT: &str = "SELECT a.id, a.name, t.name, v.name,
        (SELECT count(*) FROM recordings r WHERE r.agent_id = a.id),
        count(x.id), avg(x.score), coalesce(sum(x.critical_failed), 0),
        coalesce(sum(x.id IS NOT NULL AND x.acknowledged IS NULL), 0),
        (SELECT count(*) FROM disputes d JOIN evaluations e ON e.id = d.evaluation_id
          WHERE e.agent_id = a.id AND d.status = 'open'),
        max(x.submitted_at),
        (SELECT u.name FROM users u WHERE u.agent_id = a.id)
    FROM agents a
    LEFT JOIN teams t ON t.id = a.team_id
    LEFT JOIN vendors v ON v.id = a.vendor_id
    LEFT JOIN (
        SELECT e.id, e.agent_id, e.submitted_at, rv.score, rv.critical_failed,
               (SELECT 1 FROM acknowledgements k
                 WHERE k.evaluation_id = e.id AND k.revision = rv.revision LIMIT 1) AS acknowledged
        FROM evaluations e
        JOIN evaluation_revisions rv ON rv.evaluation_id = e.id
         AND rv.revision = (SELECT max(revision) FROM evaluation_revisions w
                             WHERE w.evaluation_id = e.id)
        WHERE e.status = 'submitted'
    ) x ON x.agent_id = a.id";

fn summaries(
    conn: &Connection,
    agent_id: Option<i64>,
) -> Result<Vec<AgentSummary>, EvaluationError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{AGENT_SELECT} WHERE ?1 IS NULL OR a.id = ?1 GROUP BY a.id ORDER BY a.name"
    ))?;
    let rows = stmt
        .query_map([agent_id], |row| {
            Ok(AgentSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                team: row.get(2)?,
                vendor: row.get(3)?,
                recordings: row.get(4)?,
                evaluations: row.get(5)?,
                average_score: row.get(6)?,
                critical_fails: row.get(7)?,
                unacknowledged: row.get(8)?,
                open_disputes: row.get(9)?,
                last_submitted_at: row.get(10)?,
                profile: row.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every agent with their figures (an agent's profile sees only itself).
pub fn agents(conn: &Connection, actor: &User) -> Result<Vec<AgentSummary>, EvaluationError> {
    match actor.role {
        Role::Agent => summaries(conn, Some(actor.agent_id.unwrap_or(-1))),
        _ => summaries(conn, None),
    }
}

fn forms_used(rows: &[EvaluationRow]) -> Vec<FormUse> {
    let mut forms: Vec<FormUse> = Vec::new();
    let mut sums: Vec<(f64, u32)> = Vec::new();
    for row in rows {
        let index = match forms.iter().position(|f| f.name == row.scorecard_name) {
            Some(index) => index,
            None => {
                forms.push(FormUse {
                    name: row.scorecard_name.clone(),
                    versions: Vec::new(),
                    evaluations: 0,
                    average_score: None,
                });
                sums.push((0.0, 0));
                forms.len() - 1
            }
        };
        let form = &mut forms[index];
        if !form.versions.contains(&row.scorecard_version) {
            form.versions.push(row.scorecard_version);
            form.versions.sort_unstable();
        }
        form.evaluations += 1;
        if let Some(score) = row.score {
            sums[index].0 += score;
            sums[index].1 += 1;
        }
    }
    for (form, (sum, n)) in forms.iter_mut().zip(sums) {
        form.average_score = (n > 0).then(|| sum / f64::from(n));
    }
    forms
}

/// One agent's page.
pub fn agent_page(
    conn: &Connection,
    actor: &User,
    agent_id: i64,
) -> Result<AgentPage, EvaluationError> {
    if actor.role == Role::Agent && actor.agent_id != Some(agent_id) {
        return Err(EvaluationError::NotAllowed(format!(
            "{} is an agent's profile and sees only their own page",
            actor.name
        )));
    }
    let agent = summaries(conn, Some(agent_id))?
        .into_iter()
        .next()
        .ok_or_else(|| crate::store::StoreError::NotFound {
            what: format!("agent #{agent_id}"),
        })?;
    let evaluations = evaluations::submitted(
        conn,
        &EvaluationFilter {
            agent_id: Some(agent_id),
            ..EvaluationFilter::default()
        },
    )?;
    let open_disputes = open_disputes(conn, actor)?
        .into_iter()
        .filter(|d| evaluations.iter().any(|e| e.id == d.evaluation_id))
        .collect();
    Ok(AgentPage {
        forms: forms_used(&evaluations),
        agent,
        evaluations,
        open_disputes,
    })
}
