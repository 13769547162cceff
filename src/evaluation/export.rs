//! `hark review export`: submitted evaluations as CSV, one row per evaluation (its newest
//! revision), one column per question, plus the score, critical fail, reviewer and form
//! version. An export spanning several versions of a form says so; a question a version does
//! not have is left empty in its rows.

use std::collections::HashMap;
use std::io::Write;

use rusqlite::Connection;

use super::EvaluationError;
use crate::scorecard::forms;
use crate::store::evaluations::{self, EvaluationFilter, EvaluationRow};

/// What an export held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub evaluations: usize,
    /// Each form in the export with the versions its rows used.
    pub forms: FormsUsed,
}

impl ExportSummary {
    /// "Customer service versions 1, 2" for every form exported with more than one version.
    pub fn spanned_versions(&self) -> Vec<String> {
        self.forms
            .iter()
            .filter(|(_, versions)| versions.len() > 1)
            .map(|(name, versions)| {
                let list: Vec<String> = versions.iter().map(u32::to_string).collect();
                format!("{name} versions {}", list.join(", "))
            })
            .collect()
    }
}

/// One question column: its form, key and header.
struct Column {
    form: String,
    key: String,
    header: String,
}

/// Each form with the version numbers used.
type FormsUsed = Vec<(String, Vec<u32>)>;

fn columns(
    conn: &Connection,
    rows: &[EvaluationRow],
) -> Result<(Vec<Column>, FormsUsed), EvaluationError> {
    // Versions per form, newest first, so a question's header is its newest text.
    let mut versions: Vec<(String, Vec<(u32, i64)>)> = Vec::new();
    for row in rows {
        let entry = match versions
            .iter()
            .position(|(name, _)| *name == row.scorecard_name)
        {
            Some(i) => &mut versions[i].1,
            None => {
                versions.push((row.scorecard_name.clone(), Vec::new()));
                let last = versions.len() - 1;
                &mut versions[last].1
            }
        };
        if !entry.iter().any(|(v, _)| *v == row.scorecard_version) {
            entry.push((row.scorecard_version, row.scorecard_version_id));
        }
    }
    let several_forms = versions.len() > 1;
    let mut columns = Vec::new();
    let mut used = Vec::new();
    for (name, mut list) in versions {
        list.sort_unstable_by_key(|(version, _)| std::cmp::Reverse(*version));
        let mut form_columns: Vec<Column> = Vec::new();
        for (_, version_id) in &list {
            let form = forms::version(conn, *version_id)?;
            for (_, question) in form.definition.questions() {
                if form_columns.iter().any(|c| c.key == question.key) {
                    continue;
                }
                form_columns.push(Column {
                    form: name.clone(),
                    key: question.key.clone(),
                    header: match several_forms {
                        true => format!("{name}: {}", question.text),
                        false => question.text.clone(),
                    },
                });
            }
        }
        columns.extend(form_columns);
        let mut numbers: Vec<u32> = list.iter().map(|(v, _)| *v).collect();
        numbers.sort_unstable();
        used.push((name, numbers));
    }
    Ok((columns, used))
}

fn optional_score(score: Option<f64>) -> String {
    score.map(|s| format!("{s:.2}")).unwrap_or_default()
}

/// Writes the submitted evaluations meeting `filter` as CSV to `out`.
pub fn csv(
    conn: &Connection,
    filter: &EvaluationFilter,
    out: &mut dyn Write,
) -> Result<ExportSummary, EvaluationError> {
    let mut rows = evaluations::submitted(conn, filter)?;
    rows.reverse(); // oldest submission first, as a spreadsheet reads
    let (columns, forms) = columns(conn, &rows)?;
    let mut writer = csv::Writer::from_writer(out);
    let write_error = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => EvaluationError::Write(io),
        other => EvaluationError::Invalid(format!("CSV: {other:?}")),
    };
    let mut header: Vec<String> = [
        "evaluation_id",
        "revision",
        "submitted_at",
        "reviewer",
        "agent",
        "team",
        "recording",
        "call_start",
        "form",
        "form_version",
        "score",
        "computed_score",
        "critical_fail",
        "passed",
        "acknowledged_at",
    ]
    .map(String::from)
    .to_vec();
    header.extend(columns.iter().map(|c| c.header.clone()));
    writer.write_record(&header).map_err(write_error)?;
    for row in &rows {
        let answers: HashMap<String, (Option<String>, String)> =
            evaluations::answers(conn, row.id, row.revision)?
                .into_iter()
                .map(|(key, answer, comment)| (key, (answer, comment)))
                .collect();
        let mut record = vec![
            row.id.to_string(),
            row.revision.to_string(),
            row.submitted_at.clone().unwrap_or_default(),
            row.reviewer.clone(),
            row.agent.clone().unwrap_or_default(),
            row.team.clone().unwrap_or_default(),
            row.file_name.clone(),
            row.call_start.clone().unwrap_or_default(),
            row.scorecard_name.clone(),
            row.scorecard_version.to_string(),
            optional_score(row.score),
            optional_score(row.computed_score),
            if row.critical_failed { "yes" } else { "no" }.into(),
            row.passed
                .map(|p| if p { "yes" } else { "no" }.to_owned())
                .unwrap_or_default(),
            row.acknowledged_at.clone().unwrap_or_default(),
        ];
        record.extend(columns.iter().map(|column| {
            match column.form == row.scorecard_name {
                true => answers
                    .get(&column.key)
                    .and_then(|(answer, _)| answer.clone())
                    .unwrap_or_default(),
                false => String::new(),
            }
        }));
        writer.write_record(&record).map_err(write_error)?;
    }
    writer.flush().map_err(EvaluationError::Write)?;
    Ok(ExportSummary {
        evaluations: rows.len(),
        forms,
    })
}
