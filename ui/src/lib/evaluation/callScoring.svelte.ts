// The call page's scoring side: what evaluations the call has, the profile's draft being filled
// in, or one evaluation being looked at (opened from an agent's page, or after submitting).
import * as api from '../api';
import { toApiError, type ApiError } from '../api';
import type { CallEvaluations } from '../bindings/CallEvaluations';
import type { EvaluationView } from '../bindings/EvaluationView';
import type { Pin } from '../bindings/Pin';
import { EvaluationDraft } from './draft.svelte';

export type ScoringMode = 'loading' | 'start' | 'draft' | 'revise' | 'view';

export class CallScoring {
  readonly recordingId: number;
  overview = $state.raw<CallEvaluations | null>(null);
  draft = $state<EvaluationDraft | null>(null);
  /** A correction of the evaluation being looked at, until it is stored or cancelled. */
  revision = $state<EvaluationDraft | null>(null);
  viewing = $state.raw<EvaluationView | null>(null);
  error = $state<ApiError | null>(null);
  busy = $state(false);
  /** The question the reviewer is on (pins made with C are about it). */
  focusedQuestion = $state<string | null>(null);

  constructor(recordingId: number) {
    this.recordingId = recordingId;
  }

  get mode(): ScoringMode {
    if (this.revision) return 'revise';
    if (this.viewing) return 'view';
    if (this.draft) return 'draft';
    return this.overview ? 'start' : 'loading';
  }

  /** The comments pinned to the call in what is shown: the draft's, or the evaluation's. */
  get pins(): Pin[] {
    return this.editing?.content.pins ?? this.viewing?.content.pins ?? [];
  }

  private async run<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.error = null;
    try {
      return await work();
    } catch (reason) {
      this.error = toApiError(reason);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Loads the call's evaluations; opens `evaluationId` when given, else resumes a draft. */
  async load(evaluationId?: number): Promise<void> {
    await this.run(async () => {
      this.overview = await api.callEvaluations(this.recordingId);
      if (evaluationId !== undefined) {
        this.viewing = await api.evaluationView(evaluationId);
      } else if (this.overview.draft) {
        this.draft = new EvaluationDraft(this.overview.draft);
      }
    });
  }

  async start(scorecardId: number): Promise<void> {
    const view = await this.run(() => api.evaluationStart(this.recordingId, scorecardId));
    if (view) {
      this.viewing = null;
      this.draft = new EvaluationDraft(view);
    }
  }

  /** Submits the draft; on success the submitted evaluation is shown. */
  async submit(): Promise<boolean> {
    const draft = this.draft;
    if (!draft) return false;
    const view = await draft.submit();
    if (!view) return false;
    this.draft = null;
    this.viewing = view;
    this.overview = await api.callEvaluations(this.recordingId).catch(() => this.overview);
    return true;
  }

  async discard(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const done = await this.run(() => api.evaluationDiscard(draft.id));
    if (done !== null) {
      this.draft = null;
      this.overview = await api.callEvaluations(this.recordingId).catch(() => this.overview);
    }
  }

  async open(evaluationId: number): Promise<void> {
    const view = await this.run(() => api.evaluationView(evaluationId));
    if (view) this.viewing = view;
  }

  /** Back from an evaluation to the call's list (and its draft, if one is in progress). */
  close(): void {
    this.viewing = null;
    if (!this.draft && this.overview?.draft) this.draft = new EvaluationDraft(this.overview.draft);
  }

  /** Starts correcting the evaluation being looked at (a new revision, with a reason). */
  revise(): void {
    if (this.viewing?.can.revise) this.revision = new EvaluationDraft(this.viewing, 'revision');
  }

  /** Stores the correction as a new revision; true when it was stored. */
  async saveRevision(reason: string): Promise<boolean> {
    const revision = this.revision;
    if (!revision) return false;
    const view = await revision.submit(reason);
    if (!view) return false;
    this.revision = null;
    this.viewing = view;
    this.overview = await api.callEvaluations(this.recordingId).catch(() => this.overview);
    return true;
  }

  cancelRevision(): void {
    this.revision = null;
  }

  /** The form being edited now: a correction, else the draft (unless an evaluation is shown). */
  get editing(): EvaluationDraft | null {
    return this.revision ?? (this.viewing ? null : this.draft);
  }

  /** Pins a comment at the playback position to the form being edited; its id, or null. */
  pinAt(positionMs: number): number | null {
    return this.editing?.addPin(positionMs, this.focusedQuestion) ?? null;
  }

  dispose(): void {
    this.draft?.dispose();
  }
}
