//! Tauri commands: each takes the state, calls the `hark` library, converts the error.

use tauri::{AppHandle, State};

use hark::app::{self, AppStatus};
use hark::demo::{self, DemoReport};
use hark::import::pattern::Extracted;
use hark::import::{self, ImportRequest};
use hark::library::{self, LibraryFacets, LibraryPage, LibraryQuery};
use hark::session;
use hark::store::audit_log::{self, AuditVerification};
use hark::store::users::{Role, User};

use crate::error::{CommandResult, from_error};
use crate::state::AppState;

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
    state.import()?.start(app, db_path, request)
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
