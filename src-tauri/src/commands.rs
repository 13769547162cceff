//! Tauri commands: each takes the state, calls the `hark` library, converts the error.

use std::path::Path;

use tauri::{AppHandle, Emitter, State};

use hark::analysis::{AnalysisOptions, AnalysisProgress};
use hark::app::{self, AppStatus};
use hark::call::{self, CallAnalysisFailed, CallDetail};
use hark::demo::{self, DemoReport};
use hark::import::pattern::Extracted;
use hark::import::{self, ImportRequest};
use hark::library::{self, LibraryFacets, LibraryPage, LibraryQuery};
use hark::player::{Player, PlayerCommand, PlayerState};
use hark::session;
use hark::store::Db;
use hark::store::audit_log::{self, AuditVerification};
use hark::store::users::{Role, User};
use hark::waveform::WaveformPeaks;

use crate::error::{CommandResult, from_error};
use crate::state::AppState;

pub const CALL_ANALYZED_EVENT: &str = "call-analyzed";
pub const CALL_ANALYSIS_FAILED_EVENT: &str = "call-analysis-failed";

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    app::status(&*state.db()?).map_err(from_error)
}

#[tauri::command(async)]
pub fn create_user(state: State<'_, AppState>, name: String, role: Role) -> CommandResult<User> {
    let mut db = state.db()?;
    let acting = session::current_user(db.conn()).map_err(from_error)?;
    session::create_user(&mut db, acting.as_ref(), &name, role).map_err(from_error)
}

#[tauri::command(async)]
pub fn select_user(state: State<'_, AppState>, user_id: i64) -> CommandResult<User> {
    session::select_user(&mut *state.db()?, user_id).map_err(from_error)
}

#[tauri::command(async)]
pub fn load_demo(state: State<'_, AppState>) -> CommandResult<DemoReport> {
    let mut db = state.db()?;
    let actor = state.actor(&db)?;
    demo::load(&mut db, &actor, &demo::default_dir()).map_err(from_error)
}

#[tauri::command(async)]
pub fn library_page(state: State<'_, AppState>, query: LibraryQuery) -> CommandResult<LibraryPage> {
    library::page(state.db()?.conn(), &query).map_err(from_error)
}

#[tauri::command(async)]
pub fn library_facets(state: State<'_, AppState>) -> CommandResult<LibraryFacets> {
    library::facets(state.db()?.conn()).map_err(from_error)
}

#[tauri::command(async)]
pub fn set_locale(state: State<'_, AppState>, locale: String) -> CommandResult<()> {
    app::set_locale(&mut *state.db()?, &locale).map_err(from_error)
}

#[tauri::command(async)]
pub fn verify_audit_log(state: State<'_, AppState>) -> CommandResult<AuditVerification> {
    audit_log::verify(state.db()?.conn()).map_err(from_error)
}

#[tauri::command(async)]
pub fn import_start(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ImportRequest,
) -> CommandResult<()> {
    let db_path = state.db_path().to_path_buf();
    let analysis = state.analysis().clone();
    state.import()?.start(app, db_path, request, analysis)
}

#[tauri::command(async)]
pub fn import_cancel(state: State<'_, AppState>) -> CommandResult<()> {
    state.import()?.cancel();
    Ok(())
}

#[tauri::command(async)]
pub fn import_running(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(state.import()?.is_running())
}

/// What a file-name pattern reads from sample names (`null` where it does not match).
#[tauri::command(async)]
pub fn preview_pattern(
    state: State<'_, AppState>,
    pattern: String,
    names: Vec<String>,
) -> CommandResult<Vec<Option<Extracted>>> {
    let pattern = import::resolve_pattern(state.db()?.conn(), &pattern).map_err(from_error)?;
    Ok(names.iter().map(|name| pattern.extract(name)).collect())
}

#[tauri::command(async)]
pub fn call_detail(state: State<'_, AppState>, recording_id: i64) -> CommandResult<CallDetail> {
    call::detail(state.db()?.conn(), recording_id).map_err(from_error)
}

/// Opens a call paused at its start. A call not analysed yet is analysed now on a thread of
/// its own; the player gets its talk spans and loudness, the UI a `call-analyzed` event.
#[tauri::command(async)]
pub fn player_open(
    app: AppHandle,
    state: State<'_, AppState>,
    recording_id: i64,
) -> CommandResult<PlayerState> {
    let (source, analysed) = {
        let db = state.db()?;
        let source = call::playback_source(db.conn(), recording_id).map_err(from_error)?;
        let analysed = call::detail(db.conn(), recording_id)
            .map_err(from_error)?
            .metrics
            .is_some();
        (source, analysed)
    };
    let opened = state.player().open(source).map_err(from_error)?;
    if !analysed {
        let player = state.player();
        let db_path = state.db_path().to_path_buf();
        std::thread::spawn(move || analyse_opened_call(&app, &player, &db_path, recording_id));
    }
    Ok(opened)
}

fn analyse_opened_call(app: &AppHandle, player: &Player, db_path: &Path, recording_id: i64) {
    let analysed = Db::open(db_path)
        .map_err(hark::Error::from)
        .and_then(|mut db| call::analyze(&mut db, recording_id, &AnalysisOptions::default()));
    match analysed {
        Ok(detail) => {
            if let Some(metrics) = &detail.metrics {
                player.set_analysis(
                    recording_id,
                    metrics.timeline.talk.clone(),
                    metrics.loudness_lufs,
                );
            }
            let _ = app.emit(CALL_ANALYZED_EVENT, &detail);
        }
        Err(error) => {
            let failed = CallAnalysisFailed {
                recording_id,
                message: error.to_string(),
            };
            let _ = app.emit(CALL_ANALYSIS_FAILED_EVENT, &failed);
        }
    }
}

#[tauri::command(async)]
pub fn player_command(
    state: State<'_, AppState>,
    command: PlayerCommand,
) -> CommandResult<PlayerState> {
    state.player().command(command).map_err(from_error)
}

#[tauri::command(async)]
pub fn player_state(state: State<'_, AppState>) -> CommandResult<PlayerState> {
    Ok(state.player().state())
}

#[tauri::command(async)]
pub fn waveform(
    state: State<'_, AppState>,
    recording_id: i64,
    start_ms: u64,
    end_ms: u64,
    bins: u32,
) -> CommandResult<WaveformPeaks> {
    let file = call::file(state.db()?.conn(), recording_id).map_err(from_error)?;
    call::waveform(state.db_path(), file, start_ms, end_ms, bins).map_err(from_error)
}

#[tauri::command(async)]
pub fn analysis_status(state: State<'_, AppState>) -> CommandResult<Option<AnalysisProgress>> {
    Ok(state.analysis().status())
}
