//! Tauri commands for scorecards, evaluations and feedback: each calls `hark::scorecard` or
//! `hark::evaluation` and converts the error.

use std::path::PathBuf;

use tauri::State;

use hark::evaluation::{
    self, AgentPage, AgentSummary, CallEvaluations, Dispute, DraftSaved, EvaluationView,
    ScorePreview,
};
use hark::scorecard::{
    AnswerValue, EvaluationContent, FormVersion, SaveOutcome, ScorecardDefinition, forms, templates,
};
use hark::session;
use hark::store::scorecards::ScorecardSummary;
use hark::store::users::User;

use crate::error::{CommandError, CommandResult, from_error};
use crate::state::AppState;

#[tauri::command(async)]
pub fn scorecards_list(state: State<'_, AppState>) -> CommandResult<Vec<ScorecardSummary>> {
    forms::list(state.db()?.conn()).map_err(from_error)
}

/// Every version of a form, oldest first.
#[tauri::command(async)]
pub fn scorecard_versions(
    state: State<'_, AppState>,
    scorecard_id: i64,
) -> CommandResult<Vec<FormVersion>> {
    forms::versions(state.db()?.conn(), scorecard_id).map_err(from_error)
}

/// The ready templates' forms, to start a new form from.
#[tauri::command(async)]
pub fn scorecard_templates() -> CommandResult<Vec<ScorecardDefinition>> {
    templates::all().map_err(from_error)
}

#[tauri::command(async)]
pub fn scorecard_create(
    state: State<'_, AppState>,
    definition: ScorecardDefinition,
) -> CommandResult<FormVersion> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    forms::create(&mut db, &actor, definition).map_err(from_error)
}

/// Saves an edited form: in place while unused, else as a new version.
#[tauri::command(async)]
pub fn scorecard_save(
    state: State<'_, AppState>,
    scorecard_id: i64,
    definition: ScorecardDefinition,
) -> CommandResult<SaveOutcome> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    forms::save(&mut db, &actor, scorecard_id, definition).map_err(from_error)
}

#[tauri::command(async)]
pub fn scorecard_archive(
    state: State<'_, AppState>,
    scorecard_id: i64,
    archived: bool,
) -> CommandResult<()> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    forms::set_archived(&mut db, &actor, scorecard_id, archived).map_err(from_error)
}

/// Imports the JSON file at `path` (chosen in the system's open dialog).
#[tauri::command(async)]
pub fn scorecard_import(state: State<'_, AppState>, path: PathBuf) -> CommandResult<SaveOutcome> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    forms::import_file(&mut db, &actor, &path).map_err(from_error)
}

/// Writes form version `version_id` as JSON to `path` (chosen in the system's save dialog).
#[tauri::command(async)]
pub fn scorecard_export(
    state: State<'_, AppState>,
    version_id: i64,
    path: PathBuf,
) -> CommandResult<()> {
    let form = forms::version(state.db()?.conn(), version_id).map_err(from_error)?;
    std::fs::write(&path, forms::export(&form)).map_err(|e| CommandError {
        code: "io".into(),
        message: format!("{}: {e}", path.display()),
    })
}

/// The scoring panel of a call: forms to start, the profile's draft, submitted evaluations.
#[tauri::command(async)]
pub fn call_evaluations(
    state: State<'_, AppState>,
    recording_id: i64,
) -> CommandResult<CallEvaluations> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::for_call(db.conn(), &actor, recording_id).map_err(from_error)
}

#[tauri::command(async)]
pub fn evaluation_start(
    state: State<'_, AppState>,
    recording_id: i64,
    scorecard_id: i64,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::start(&mut db, &actor, recording_id, scorecard_id).map_err(from_error)
}

#[tauri::command(async)]
pub fn evaluation_view(
    state: State<'_, AppState>,
    evaluation_id: i64,
) -> CommandResult<EvaluationView> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::view(db.conn(), &actor, evaluation_id).map_err(from_error)
}

/// Saves the draft's whole content; committed before it answers.
#[tauri::command(async)]
pub fn evaluation_save_draft(
    state: State<'_, AppState>,
    evaluation_id: i64,
    content: EvaluationContent,
) -> CommandResult<DraftSaved> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::save_draft(&mut db, &actor, evaluation_id, &content).map_err(from_error)
}

#[tauri::command(async)]
pub fn evaluation_submit(
    state: State<'_, AppState>,
    evaluation_id: i64,
    content: EvaluationContent,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::submit(&mut db, &actor, evaluation_id, &content).map_err(from_error)
}

#[tauri::command(async)]
pub fn evaluation_discard(state: State<'_, AppState>, evaluation_id: i64) -> CommandResult<()> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::discard(&mut db, &actor, evaluation_id).map_err(from_error)
}

/// What a correction of a submitted evaluation would score (nothing is written).
#[tauri::command(async)]
pub fn evaluation_preview(
    state: State<'_, AppState>,
    evaluation_id: i64,
    content: EvaluationContent,
) -> CommandResult<ScorePreview> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::preview(db.conn(), &actor, evaluation_id, &content).map_err(from_error)
}

/// A new revision of a submitted evaluation, with the reason for it.
#[tauri::command(async)]
pub fn evaluation_revise(
    state: State<'_, AppState>,
    evaluation_id: i64,
    content: EvaluationContent,
    reason: String,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::revise(&mut db, &actor, evaluation_id, &content, &reason).map_err(from_error)
}

#[tauri::command(async)]
pub fn evaluation_acknowledge(
    state: State<'_, AppState>,
    evaluation_id: i64,
    comment: String,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::acknowledge(&mut db, &actor, evaluation_id, &comment).map_err(from_error)
}

#[tauri::command(async)]
pub fn dispute_raise(
    state: State<'_, AppState>,
    evaluation_id: i64,
    question: String,
    proposed: AnswerValue,
    reason: String,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::raise_dispute(
        &mut db,
        &actor,
        evaluation_id,
        &question,
        &proposed,
        &reason,
    )
    .map_err(from_error)
}

#[tauri::command(async)]
pub fn dispute_resolve(
    state: State<'_, AppState>,
    dispute_id: i64,
    accept: bool,
    reply: String,
) -> CommandResult<EvaluationView> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::resolve_dispute(&mut db, &actor, dispute_id, accept, &reply).map_err(from_error)
}

#[tauri::command(async)]
pub fn disputes_open(state: State<'_, AppState>) -> CommandResult<Vec<Dispute>> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::open_disputes(db.conn(), &actor).map_err(from_error)
}

#[tauri::command(async)]
pub fn agents_list(state: State<'_, AppState>) -> CommandResult<Vec<AgentSummary>> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::agents(db.conn(), &actor).map_err(from_error)
}

#[tauri::command(async)]
pub fn agent_page(state: State<'_, AppState>, agent_id: i64) -> CommandResult<AgentPage> {
    let db = state.db()?;
    let actor = state.actor(&db)?;
    evaluation::agent_page(db.conn(), &actor, agent_id).map_err(from_error)
}

/// A profile for the library's agent named `agent` (made by a lead or admin).
#[tauri::command(async)]
pub fn create_agent_profile(
    state: State<'_, AppState>,
    name: String,
    agent: String,
) -> CommandResult<User> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    session::create_agent_profile(&mut db, &actor, &name, &agent).map_err(from_error)
}
