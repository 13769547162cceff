//! Generates one permission per command (`allow-<command>`), so the capability file grants
//! each by name and nothing is reachable by default.

/// Every command `main.rs` registers; keep the two lists in step.
const COMMANDS: &[&str] = &[
    "app_status",
    "create_user",
    "select_user",
    "load_demo",
    "library_page",
    "library_facets",
    "set_locale",
    "verify_audit_log",
    "import_start",
    "import_cancel",
    "import_running",
    "preview_pattern",
    "call_detail",
    "player_open",
    "player_command",
    "player_state",
    "waveform",
    "analysis_status",
    "sample_count",
    "sample_plan",
    "sample_draw",
    "samples_list",
    "sample_detail",
    "sample_replace",
    "sample_verify",
    "sample_export",
    "review_queue",
    "saved_filters_list",
    "saved_filter_save",
    "saved_filter_delete",
    "sample_size",
    "scorecards_list",
    "scorecard_versions",
    "scorecard_templates",
    "scorecard_create",
    "scorecard_save",
    "scorecard_archive",
    "scorecard_import",
    "scorecard_export",
    "call_evaluations",
    "evaluation_start",
    "evaluation_view",
    "evaluation_save_draft",
    "evaluation_submit",
    "evaluation_discard",
    "evaluation_preview",
    "evaluation_revise",
    "evaluation_acknowledge",
    "dispute_raise",
    "dispute_resolve",
    "disputes_open",
    "agents_list",
    "agent_page",
    "create_agent_profile",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
