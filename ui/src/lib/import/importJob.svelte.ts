// The import as the whole app sees it: whether one runs, its progress, its result, and the
// import panel. The backend runs one import at a time and reports through events, which this
// listens to for the app's lifetime (the panel may be closed, the person on another screen).
import * as api from '../api';
import { toApiError, type ApiError } from '../api';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportReport } from '../bindings/ImportReport';
import type { ImportRequest } from '../bindings/ImportRequest';
import { session } from '../session.svelte';
import { EXAMPLE_TEMPLATE, SAMPLE_NAMES, type ImportForm } from './request';

/** How often the Library refreshes its count and rows while an import runs. */
export const REFRESH_EVERY_MS = 1000;

/** The panel: closed, on the form, or on the result of the last import. */
export type PanelMode = 'closed' | 'form' | 'result';

class ImportJob {
  running = $state(false);
  cancelling = $state(false);
  /** The last progress event of the running import; null until the first arrives. */
  progress = $state<ImportProgress | null>(null);
  report = $state<ImportReport | null>(null);
  /** The running import failed (`import-failed`). */
  failure = $state<ApiError | null>(null);
  panel = $state<PanelMode>('closed');
  /** Bumped about once a second while an import runs, and once at its end: the Library refreshes. */
  tick = $state(0);
  /** Bumped when an import ends: the Library reloads its filter choices. */
  finished = $state(0);

  private timer: ReturnType<typeof setInterval> | null = null;
  private started = false;

  /** Listens to the backend's import events and shows an import that is already running. */
  async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      await Promise.all([
        api.onImportProgress((progress) => this.onProgress(progress)),
        api.onImportFinished((report) => this.onFinished(report)),
        api.onImportFailed((error) => this.onFailed(error)),
      ]);
      if (!this.running && (await api.importRunning())) this.markRunning();
    } catch {
      // No backend (plain browser) or no answer: nothing is running as far as we can tell.
    }
  }

  /** Starts an import; rejects (with an ApiError) when the backend refuses it. */
  async start(request: ImportRequest): Promise<void> {
    this.report = null;
    this.failure = null;
    this.progress = null;
    // Running from now on: the first events (even the end of a small import) may come in
    // before the command's own answer does.
    this.markRunning();
    try {
      await api.importStart(request);
    } catch (reason) {
      const error = toApiError(reason);
      if (error.code !== 'import_running') this.stop();
      throw error;
    }
  }

  async cancel(): Promise<void> {
    this.cancelling = true;
    try {
      await api.importCancel();
    } catch (reason) {
      this.cancelling = false;
      throw toApiError(reason);
    }
  }

  openForm(): void {
    this.panel = 'form';
  }

  openResult(): void {
    this.panel = 'result';
  }

  closePanel(): void {
    this.panel = 'closed';
  }

  /** Forgets the last result (the Library header stops mentioning it). */
  dismissResult(): void {
    this.report = null;
    this.failure = null;
    if (this.panel === 'result') this.panel = 'closed';
  }

  private markRunning(): void {
    this.running = true;
    this.cancelling = false;
    this.timer ??= setInterval(() => this.refresh(), REFRESH_EVERY_MS);
  }

  private onProgress(progress: ImportProgress): void {
    if (!this.running) this.markRunning();
    this.progress = progress;
  }

  private onFinished(report: ImportReport): void {
    this.report = report;
    this.failure = null;
    this.end();
  }

  private onFailed(error: ApiError): void {
    this.failure = error;
    this.report = null;
    this.end();
  }

  private stop(): void {
    this.running = false;
    this.cancelling = false;
    this.progress = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private end(): void {
    this.stop();
    if (this.panel !== 'closed') this.panel = 'result';
    this.finished++;
    this.refresh();
  }

  private refresh(): void {
    this.tick++;
    void session.refresh();
  }
}

export const importJob = new ImportJob();

/** The form's values, kept while the panel is closed and between imports. */
export const importForm: ImportForm & { typedPath: string; samples: string } = $state({
  paths: [],
  typedPath: '',
  vendor: '',
  team: '',
  pattern: '',
  template: EXAMPLE_TEMPLATE,
  cdr: '',
  samples: SAMPLE_NAMES.join('\n'),
});
