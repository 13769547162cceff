//! Tauri commands for sampling and review queues: each calls `hark::sampling` and converts the
//! error.

use std::path::PathBuf;

use tauri::State;

use hark::sampling::sample;
use hark::sampling::{
    Criteria, Method, SampleDetail, SamplePlan, SampleRequest, SampleSummary, SizeReport,
    Verification, draw_sample, export, plan_for, size_report,
};
use hark::store::samples::SampleItem;
use hark::store::saved_filters::{self, SavedFilter};

use crate::error::{CommandResult, from_error};
use crate::state::AppState;

/// Recordings meeting the criteria now (the live count while criteria are edited).
#[tauri::command(async)]
pub fn sample_count(state: State<'_, AppState>, criteria: String) -> CommandResult<u64> {
    let criteria = Criteria::parse(&criteria).map_err(from_error)?;
    hark::sampling::count(state.db()?.conn(), &criteria).map_err(from_error)
}

/// The population and per-group counts a method would draw, before drawing.
#[tauri::command(async)]
pub fn sample_plan(
    state: State<'_, AppState>,
    criteria: String,
    method: Method,
) -> CommandResult<SamplePlan> {
    plan_for(state.db()?.conn(), &criteria, &method).map_err(from_error)
}

#[tauri::command(async)]
pub fn sample_draw(
    state: State<'_, AppState>,
    request: SampleRequest,
) -> CommandResult<SampleDetail> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    draw_sample(&mut db, &actor, &request).map_err(from_error)
}

#[tauri::command(async)]
pub fn samples_list(state: State<'_, AppState>) -> CommandResult<Vec<SampleSummary>> {
    sample::list(state.db()?.conn()).map_err(from_error)
}

#[tauri::command(async)]
pub fn sample_detail(state: State<'_, AppState>, sample_id: i64) -> CommandResult<SampleDetail> {
    sample::detail(state.db()?.conn(), sample_id).map_err(from_error)
}

#[tauri::command(async)]
pub fn sample_replace(
    state: State<'_, AppState>,
    sample_id: i64,
    position: u32,
    reason: String,
) -> CommandResult<SampleItem> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    sample::replace(&mut db, &actor, sample_id, position, &reason).map_err(from_error)
}

#[tauri::command(async)]
pub fn sample_verify(state: State<'_, AppState>, sample_id: i64) -> CommandResult<Verification> {
    sample::verify(state.db()?.conn(), sample_id).map_err(from_error)
}

/// Writes the sample to `path` (chosen in the system's save dialog) as "csv" or "json".
#[tauri::command(async)]
pub fn sample_export(
    state: State<'_, AppState>,
    sample_id: i64,
    format: String,
    path: PathBuf,
) -> CommandResult<()> {
    let io_error = |e: std::io::Error| crate::error::CommandError {
        code: "io".into(),
        message: format!("{}: {e}", path.display()),
    };
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).map_err(io_error)?);
    let db = state.db()?;
    match format.as_str() {
        "json" => export::json(db.conn(), sample_id, &mut file),
        _ => export::csv(db.conn(), sample_id, &mut file),
    }
    .map_err(from_error)?;
    std::io::Write::flush(&mut file).map_err(io_error)
}

/// The current profile's calls to review in open samples.
#[tauri::command(async)]
pub fn review_queue(state: State<'_, AppState>) -> CommandResult<Vec<SampleItem>> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    sample::queue(db.conn(), actor.id).map_err(from_error)
}

#[tauri::command(async)]
pub fn saved_filters_list(state: State<'_, AppState>) -> CommandResult<Vec<SavedFilter>> {
    saved_filters::list(state.db()?.conn()).map_err(from_error)
}

#[tauri::command(async)]
pub fn saved_filter_save(
    state: State<'_, AppState>,
    name: String,
    criteria: String,
) -> CommandResult<SavedFilter> {
    let criteria = Criteria::parse(&criteria).map_err(from_error)?;
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    db.write(|tx| saved_filters::save(tx, &actor, &name, &criteria))
        .map_err(from_error)
}

#[tauri::command(async)]
pub fn saved_filter_delete(state: State<'_, AppState>, name: String) -> CommandResult<()> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    db.write(|tx| saved_filters::delete(tx, &actor, &name))
        .map_err(from_error)
}

/// How many calls to review for a population: Krejcie & Morgan / Cochran at a confidence and
/// margin, and the zero-defect sample when a defect rate is given.
#[tauri::command(async)]
pub fn sample_size(
    population: u64,
    confidence: f64,
    margin: f64,
    defect_rate: Option<f64>,
) -> CommandResult<SizeReport> {
    size_report(population, confidence, margin, defect_rate).map_err(|error| {
        crate::error::CommandError {
            code: "invalid".into(),
            message: error.to_string(),
        }
    })
}
