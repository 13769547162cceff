// The only module that talks to the Rust backend. Every component goes through these
// functions; nothing else imports from `@tauri-apps/api/*` or the dialog plugin.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { AgentPage } from './bindings/AgentPage';
import type { AgentSummary } from './bindings/AgentSummary';
import type { AnswerValue } from './bindings/AnswerValue';
import type { CallEvaluations } from './bindings/CallEvaluations';
import type { Dispute } from './bindings/Dispute';
import type { DraftSaved } from './bindings/DraftSaved';
import type { EvaluationContent } from './bindings/EvaluationContent';
import type { EvaluationView } from './bindings/EvaluationView';
import type { FormVersion } from './bindings/FormVersion';
import type { SaveOutcome } from './bindings/SaveOutcome';
import type { ScorecardDefinition } from './bindings/ScorecardDefinition';
import type { ScorecardSummary } from './bindings/ScorecardSummary';
import type { ScorePreview } from './bindings/ScorePreview';
import type { AnalysisProgress } from './bindings/AnalysisProgress';
import type { Method } from './bindings/Method';
import type { SampleDetail } from './bindings/SampleDetail';
import type { SampleItem } from './bindings/SampleItem';
import type { SamplePlan } from './bindings/SamplePlan';
import type { SampleRequest } from './bindings/SampleRequest';
import type { SampleSummary } from './bindings/SampleSummary';
import type { SavedFilter } from './bindings/SavedFilter';
import type { SizeReport } from './bindings/SizeReport';
import type { Verification } from './bindings/Verification';
import type { AnalysisReport } from './bindings/AnalysisReport';
import type { AppStatus } from './bindings/AppStatus';
import type { AuditVerification } from './bindings/AuditVerification';
import type { CallAnalysisFailed } from './bindings/CallAnalysisFailed';
import type { CallDetail } from './bindings/CallDetail';
import type { CommandError } from './bindings/CommandError';
import type { DemoReport } from './bindings/DemoReport';
import type { Extracted } from './bindings/Extracted';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { ImportRequest } from './bindings/ImportRequest';
import type { LibraryFacets } from './bindings/LibraryFacets';
import type { LibraryPage } from './bindings/LibraryPage';
import type { LibraryQuery } from './bindings/LibraryQuery';
import type { PlayerCommand } from './bindings/PlayerCommand';
import type { PlayerState } from './bindings/PlayerState';
import type { Role } from './bindings/Role';
import type { User } from './bindings/User';
import type { WaveformPeaks } from './bindings/WaveformPeaks';

/** A failed command: `code` is stable and machine-readable, `message` is for people. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Code used when the page runs in a plain browser (`npm run dev`) without the Tauri shell. */
export const NO_BACKEND = 'no_backend';

function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CommandError).code === 'string' &&
    typeof (value as CommandError).message === 'string'
  );
}

/** Turns whatever a rejected `invoke` produced into an ApiError. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (isCommandError(reason)) return new ApiError(reason.code, reason.message);
  if (reason instanceof Error) return new ApiError('internal', reason.message);
  if (typeof reason === 'string') return new ApiError('internal', reason);
  return new ApiError('internal', String(reason));
}

export function hasBackend(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) {
    throw new ApiError(NO_BACKEND, 'The Hark backend is not available: open the UI inside the Hark app.');
  }
  try {
    return args === undefined ? await invoke<T>(command) : await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

/** Creates a local profile and makes it the current one. */
export function createUser(name: string, role: Role): Promise<User> {
  return call<User>('create_user', { name, role });
}

export function selectUser(userId: number): Promise<User> {
  return call<User>('select_user', { userId });
}

export function loadDemo(): Promise<DemoReport> {
  return call<DemoReport>('load_demo');
}

export function libraryPage(query: LibraryQuery): Promise<LibraryPage> {
  return call<LibraryPage>('library_page', { query });
}

export function libraryFacets(): Promise<LibraryFacets> {
  return call<LibraryFacets>('library_facets');
}

export async function setLocale(locale: string): Promise<void> {
  await call<null>('set_locale', { locale });
}

export function verifyAuditLog(): Promise<AuditVerification> {
  return call<AuditVerification>('verify_audit_log');
}

// ---------------------------------------------------------------------------------------------
// Import

/** Starts an import in the background; progress and the result arrive as events. */
export async function importStart(request: ImportRequest): Promise<void> {
  await call<null>('import_start', { request });
}

/** Asks the running import to stop; it still finishes with a (cancelled) report. */
export async function importCancel(): Promise<void> {
  await call<null>('import_cancel');
}

export function importRunning(): Promise<boolean> {
  return call<boolean>('import_running');
}

/** What `pattern` reads from each sample name (null where it does not match). */
export function previewPattern(pattern: string, names: string[]): Promise<Array<Extracted | null>> {
  return call<Array<Extracted | null>>('preview_pattern', { pattern, names });
}

export type Unlisten = () => void;

const noop: Unlisten = () => {};

/** Listens to a backend event; outside the Tauri webview there are none, so it does nothing. */
async function on<T>(event: string, callback: (payload: T) => void): Promise<Unlisten> {
  if (!hasBackend()) return noop;
  const unlisten: UnlistenFn = await listen<T>(event, (e) => callback(e.payload));
  return unlisten;
}

export function onImportProgress(callback: (progress: ImportProgress) => void): Promise<Unlisten> {
  return on('import-progress', callback);
}

export function onImportFinished(callback: (report: ImportReport) => void): Promise<Unlisten> {
  return on('import-finished', callback);
}

export function onImportFailed(callback: (error: ApiError) => void): Promise<Unlisten> {
  return on<unknown>('import-failed', (payload) => callback(toApiError(payload)));
}

/** Files or folders dropped on the window (their full paths). */
export async function onPathsDropped(callback: (paths: string[]) => void): Promise<Unlisten> {
  if (!hasBackend()) return noop;
  return getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === 'drop' && event.payload.paths.length > 0) callback(event.payload.paths);
  });
}

/** The system's folder picker; the chosen folders, or [] when the person cancelled. */
export async function pickFolders(): Promise<string[]> {
  if (!hasBackend()) throw new ApiError(NO_BACKEND, 'The Hark backend is not available.');
  try {
    const chosen = await open({ directory: true, multiple: true });
    return chosen ?? [];
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** The system's file picker for a call records (CDR) CSV; null when cancelled. */
export async function pickCallRecordsFile(name: string): Promise<string | null> {
  if (!hasBackend()) throw new ApiError(NO_BACKEND, 'The Hark backend is not available.');
  try {
    return await open({ multiple: false, directory: false, filters: [{ name, extensions: ['csv', 'txt'] }] });
  } catch (reason) {
    throw toApiError(reason);
  }
}

// ---------------------------------------------------------------------------------------------
// Calls, the player and speech analysis

/** One recording with its speech metrics (null until analysed; opening the call analyses it). */
export function callDetail(recordingId: number): Promise<CallDetail> {
  return call<CallDetail>('call_detail', { recordingId });
}

/** Opens a call in the player, paused at the start; its analysis follows as `call-analyzed`. */
export function playerOpen(recordingId: number): Promise<PlayerState> {
  return call<PlayerState>('player_open', { recordingId });
}

export function playerCommand(command: PlayerCommand): Promise<PlayerState> {
  return call<PlayerState>('player_command', { command });
}

export function playerState(): Promise<PlayerState> {
  return call<PlayerState>('player_state');
}

/** Min/max peaks of `startMs..endMs` in `bins` bins per channel (from the cache when it can). */
export function waveform(recordingId: number, startMs: number, endMs: number, bins: number): Promise<WaveformPeaks> {
  return call<WaveformPeaks>('waveform', { recordingId, startMs, endMs, bins });
}

/** The library's background analysis now, or null when none is running. */
export function analysisStatus(): Promise<AnalysisProgress | null> {
  return call<AnalysisProgress | null>('analysis_status');
}

/** Player snapshots: 25 a second while playing, and after every change. */
export function onPlayerState(callback: (state: PlayerState) => void): Promise<Unlisten> {
  return on('player-state', callback);
}

/** A call's analysis finished (the call opened in the player, or any call of a library run). */
export function onCallAnalyzed(callback: (detail: CallDetail) => void): Promise<Unlisten> {
  return on('call-analyzed', callback);
}

/** The analysis of an opened call failed (unreadable audio): why, for people. */
export function onCallAnalysisFailed(callback: (failure: CallAnalysisFailed) => void): Promise<Unlisten> {
  return on('call-analysis-failed', callback);
}

export function onAnalysisProgress(callback: (progress: AnalysisProgress) => void): Promise<Unlisten> {
  return on('analysis-progress', callback);
}

export function onAnalysisFinished(callback: (report: AnalysisReport) => void): Promise<Unlisten> {
  return on('analysis-finished', callback);
}

// ---------------------------------------------------------------------------------------------
// Sampling and review queues

/** Recordings meeting `criteria` (criteria-language text; '' is every readable recording). */
export function sampleCount(criteria: string): Promise<number> {
  return call<number>('sample_count', { criteria });
}

/** The population and per-stratum / per-quota-group counts `method` would draw, before drawing. */
export function samplePlan(criteria: string, method: Method): Promise<SamplePlan> {
  return call<SamplePlan>('sample_plan', { criteria, method });
}

export function sampleDraw(request: SampleRequest): Promise<SampleDetail> {
  return call<SampleDetail>('sample_draw', { request });
}

export function samplesList(): Promise<SampleSummary[]> {
  return call<SampleSummary[]>('samples_list');
}

export function sampleDetail(sampleId: number): Promise<SampleDetail> {
  return call<SampleDetail>('sample_detail', { sampleId });
}

/** Replaces the call at `position` by one drawn by the same rule; `reason` is required. */
export function sampleReplace(sampleId: number, position: number, reason: string): Promise<SampleItem> {
  return call<SampleItem>('sample_replace', { sampleId, position, reason });
}

export function sampleVerify(sampleId: number): Promise<Verification> {
  return call<Verification>('sample_verify', { sampleId });
}

/**
 * Asks where to save the sample (the system's save dialog) and writes it there as CSV or JSON;
 * false when the person cancelled.
 */
export async function sampleExport(sampleId: number, format: 'csv' | 'json', suggestedName: string): Promise<boolean> {
  if (!hasBackend()) throw new ApiError(NO_BACKEND, 'The Hark backend is not available.');
  let path: string | null;
  try {
    path = await save({ defaultPath: `${suggestedName}.${format}`, filters: [{ name: format.toUpperCase(), extensions: [format] }] });
  } catch (reason) {
    throw toApiError(reason);
  }
  if (!path) return false;
  await call<null>('sample_export', { sampleId, format, path });
  return true;
}

/** The current profile's calls to review in open samples, soonest due first. */
export function reviewQueue(): Promise<SampleItem[]> {
  return call<SampleItem[]>('review_queue');
}

export function savedFilters(): Promise<SavedFilter[]> {
  return call<SavedFilter[]>('saved_filters_list');
}

export function saveFilter(name: string, criteria: string): Promise<SavedFilter> {
  return call<SavedFilter>('saved_filter_save', { name, criteria });
}

export async function deleteFilter(name: string): Promise<void> {
  await call<null>('saved_filter_delete', { name });
}

/**
 * The sample needed for a population at a confidence level and margin of error, and (with a
 * defect rate) the zero-defect sample that finds at least one such defect at that confidence.
 */
export function sampleSize(population: number, confidence: number, margin: number, defectRate: number | null = null): Promise<SizeReport> {
  return call<SizeReport>('sample_size', { population, confidence, margin, defectRate });
}

// ---------------------------------------------------------------------------------------------
// Scorecards

export function scorecardsList(): Promise<ScorecardSummary[]> {
  return call<ScorecardSummary[]>('scorecards_list');
}

/** Every version of a form, oldest first. */
export function scorecardVersions(scorecardId: number): Promise<FormVersion[]> {
  return call<FormVersion[]>('scorecard_versions', { scorecardId });
}

/** The ready templates' forms (customer service, sales and collections compliance). */
export function scorecardTemplates(): Promise<ScorecardDefinition[]> {
  return call<ScorecardDefinition[]>('scorecard_templates');
}

export function scorecardCreate(definition: ScorecardDefinition): Promise<FormVersion> {
  return call<FormVersion>('scorecard_create', { definition });
}

/** Saves an edited form: in place while no evaluation uses it, else as a new version. */
export function scorecardSave(scorecardId: number, definition: ScorecardDefinition): Promise<SaveOutcome> {
  return call<SaveOutcome>('scorecard_save', { scorecardId, definition });
}

export async function scorecardArchive(scorecardId: number, archived: boolean): Promise<void> {
  await call<null>('scorecard_archive', { scorecardId, archived });
}

/** Asks for a scorecard JSON file (the system's open dialog) and imports it; null when cancelled. */
export async function scorecardImport(filterName: string): Promise<SaveOutcome | null> {
  if (!hasBackend()) throw new ApiError(NO_BACKEND, 'The Hark backend is not available.');
  let path: string | null;
  try {
    path = await open({ multiple: false, directory: false, filters: [{ name: filterName, extensions: ['json'] }] });
  } catch (reason) {
    throw toApiError(reason);
  }
  if (!path) return null;
  return call<SaveOutcome>('scorecard_import', { path });
}

/** Asks where to save a form version as JSON (the system's save dialog); false when cancelled. */
export async function scorecardExport(versionId: number, suggestedName: string): Promise<boolean> {
  if (!hasBackend()) throw new ApiError(NO_BACKEND, 'The Hark backend is not available.');
  let path: string | null;
  try {
    path = await save({ defaultPath: `${suggestedName}.json`, filters: [{ name: 'JSON', extensions: ['json'] }] });
  } catch (reason) {
    throw toApiError(reason);
  }
  if (!path) return false;
  await call<null>('scorecard_export', { versionId, path });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Evaluations and feedback

/** The scoring panel of a call: forms to start, the profile's draft, submitted evaluations. */
export function callEvaluations(recordingId: number): Promise<CallEvaluations> {
  return call<CallEvaluations>('call_evaluations', { recordingId });
}

/** Starts (or resumes) the profile's evaluation of a call with the newest version of a form. */
export function evaluationStart(recordingId: number, scorecardId: number): Promise<EvaluationView> {
  return call<EvaluationView>('evaluation_start', { recordingId, scorecardId });
}

export function evaluationView(evaluationId: number): Promise<EvaluationView> {
  return call<EvaluationView>('evaluation_view', { evaluationId });
}

/** Saves the draft's whole content; resolves once it is committed to the database. */
export function evaluationSaveDraft(evaluationId: number, content: EvaluationContent): Promise<DraftSaved> {
  return call<DraftSaved>('evaluation_save_draft', { evaluationId, content });
}

/** Submits the draft (checked complete, then locked as revision 1). */
export function evaluationSubmit(evaluationId: number, content: EvaluationContent): Promise<EvaluationView> {
  return call<EvaluationView>('evaluation_submit', { evaluationId, content });
}

export async function evaluationDiscard(evaluationId: number): Promise<void> {
  await call<null>('evaluation_discard', { evaluationId });
}

/** What a correction of a submitted evaluation would score, and what would stop it (nothing is written). */
export function evaluationPreview(evaluationId: number, content: EvaluationContent): Promise<ScorePreview> {
  return call<ScorePreview>('evaluation_preview', { evaluationId, content });
}

/** A new revision of a submitted evaluation; `reason` is required. */
export function evaluationRevise(evaluationId: number, content: EvaluationContent, reason: string): Promise<EvaluationView> {
  return call<EvaluationView>('evaluation_revise', { evaluationId, content, reason });
}

export function evaluationAcknowledge(evaluationId: number, comment: string): Promise<EvaluationView> {
  return call<EvaluationView>('evaluation_acknowledge', { evaluationId, comment });
}

/** Disputes one question, proposing another answer, with a reason. */
export function disputeRaise(evaluationId: number, question: string, proposed: AnswerValue, reason: string): Promise<EvaluationView> {
  return call<EvaluationView>('dispute_raise', { evaluationId, question, proposed, reason });
}

/** Accepts (a new, re-scored revision) or rejects a dispute, with a reply. */
export function disputeResolve(disputeId: number, accept: boolean, reply: string): Promise<EvaluationView> {
  return call<EvaluationView>('dispute_resolve', { disputeId, accept, reply });
}

export function disputesOpen(): Promise<Dispute[]> {
  return call<Dispute[]>('disputes_open');
}

export function agentsList(): Promise<AgentSummary[]> {
  return call<AgentSummary[]>('agents_list');
}

export function agentPage(agentId: number): Promise<AgentPage> {
  return call<AgentPage>('agent_page', { agentId });
}

/** A profile for the library's agent named `agent` (a lead or admin makes it). */
export function createAgentProfile(name: string, agent: string): Promise<User> {
  return call<User>('create_agent_profile', { name, agent });
}
