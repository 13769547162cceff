//! Hark's desktop shell: opens the database, registers the commands, shows the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod analysis_job;
mod commands;
mod error;
mod import_job;
mod options;
mod player_events;
mod sampling_commands;
mod scoring_commands;
mod state;

use tauri::Manager;

use std::process::ExitCode;

fn main() -> ExitCode {
    let options = match options::Options::from_args(std::env::args_os().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("hark-desktop: {message}\n\n{}", options::USAGE);
            return ExitCode::from(2);
        }
    };
    let db = match options.open_db() {
        Ok(db) => db,
        Err(error) => {
            eprintln!("hark-desktop: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new(db, hark::player::Player::start()))
        .setup(|app| {
            let state = app.state::<state::AppState>();
            player_events::spawn(app.handle().clone(), state.player());
            // Resumes an analysis that closing Hark cut short, and analyses what arrived since.
            state
                .analysis()
                .start(app.handle().clone(), state.db_path().to_path_buf());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::create_user,
            commands::select_user,
            commands::load_demo,
            commands::library_page,
            commands::library_facets,
            commands::set_locale,
            commands::verify_audit_log,
            commands::import_start,
            commands::import_cancel,
            commands::import_running,
            commands::preview_pattern,
            commands::call_detail,
            commands::player_open,
            commands::player_command,
            commands::player_state,
            commands::waveform,
            commands::analysis_status,
            sampling_commands::sample_count,
            sampling_commands::sample_plan,
            sampling_commands::sample_draw,
            sampling_commands::samples_list,
            sampling_commands::sample_detail,
            sampling_commands::sample_replace,
            sampling_commands::sample_verify,
            sampling_commands::sample_export,
            sampling_commands::review_queue,
            sampling_commands::saved_filters_list,
            sampling_commands::saved_filter_save,
            sampling_commands::saved_filter_delete,
            sampling_commands::sample_size,
            scoring_commands::scorecards_list,
            scoring_commands::scorecard_versions,
            scoring_commands::scorecard_templates,
            scoring_commands::scorecard_create,
            scoring_commands::scorecard_save,
            scoring_commands::scorecard_archive,
            scoring_commands::scorecard_import,
            scoring_commands::scorecard_export,
            scoring_commands::call_evaluations,
            scoring_commands::evaluation_start,
            scoring_commands::evaluation_view,
            scoring_commands::evaluation_save_draft,
            scoring_commands::evaluation_submit,
            scoring_commands::evaluation_discard,
            scoring_commands::evaluation_preview,
            scoring_commands::evaluation_revise,
            scoring_commands::evaluation_acknowledge,
            scoring_commands::dispute_raise,
            scoring_commands::dispute_resolve,
            scoring_commands::disputes_open,
            scoring_commands::agents_list,
            scoring_commands::agent_page,
            scoring_commands::create_agent_profile,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hark-desktop: {error}");
            ExitCode::FAILURE
        }
    }
}
