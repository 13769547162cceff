//! A sample written out for people and other tools: JSON (the sample, its rule and seed, its
//! calls) and CSV (one row per call, each row carrying the sample's rule and seed so any row
//! cut out of the file still says how it was drawn).

use std::io::Write;

use rusqlite::Connection;

use super::sample::{self, SampleError};

pub fn json(conn: &Connection, sample_id: i64, out: &mut dyn Write) -> Result<(), SampleError> {
    let detail = sample::detail(conn, sample_id)?;
    serde_json::to_writer_pretty(&mut *out, &detail).map_err(|e| SampleError::Write(e.into()))?;
    writeln!(out).map_err(SampleError::Write)
}

pub fn csv(conn: &Connection, sample_id: i64, out: &mut dyn Write) -> Result<(), SampleError> {
    let detail = sample::detail(conn, sample_id)?;
    let s = &detail.sample;
    let method = serde_json::to_string(&s.method)
        .map_err(|e| SampleError::Invalid(format!("method: {e}")))?;
    // Keep an I/O error as itself, so a closed pipe (`| head`) is recognised as one.
    let failed = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => SampleError::Write(io),
        other => SampleError::Invalid(format!("writing CSV: {other:?}")),
    };
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "sample_id",
            "sample_name",
            "position",
            "recording_id",
            "file_name",
            "agent",
            "call_start",
            "duration_s",
            "group",
            "assigned_to",
            "due_date",
            "completed_at",
            "replaced_reason",
            "replaced_by_position",
            "method",
            "criteria",
            "generator",
            "seed",
            "population_size",
            "population_hash",
            "drawn_by",
            "drawn_at",
        ])
        .map_err(failed)?;
    for item in &detail.items {
        writer
            .write_record([
                s.id.to_string(),
                s.name.clone(),
                item.position.to_string(),
                item.recording_id.to_string(),
                item.file_name.clone(),
                item.agent.clone().unwrap_or_default(),
                item.call_start.clone().unwrap_or_default(),
                item.duration_ms
                    .map(|ms| format!("{:.3}", ms as f64 / 1000.0))
                    .unwrap_or_default(),
                item.group.clone().unwrap_or_default(),
                item.assignee.clone().unwrap_or_default(),
                item.due_date.clone().unwrap_or_default(),
                item.completed_at.clone().unwrap_or_default(),
                item.replaced_reason.clone().unwrap_or_default(),
                item.replaced_by.map(|p| p.to_string()).unwrap_or_default(),
                method.clone(),
                s.criteria.clone(),
                s.generator.clone(),
                s.seed.clone(),
                s.population_size.to_string(),
                s.population_hash.clone(),
                s.drawn_by.clone(),
                s.drawn_at.clone(),
            ])
            .map_err(failed)?;
    }
    writer
        .flush()
        .map_err(|e| SampleError::Invalid(format!("writing CSV: {e}")))
}
