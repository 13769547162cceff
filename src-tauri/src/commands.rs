//! Tauri commands: each takes the state, calls the `hark` library, converts the error.

use tauri::State;

use hark::app::{self, AppStatus};
use hark::demo::{self, DemoReport};
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
