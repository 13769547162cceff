// An evaluation being filled in on the call page. Every change is saved whole to the database:
// answers at once, typing after a short pause (and at least once a second while typing goes
// on), so a killed app loses at most the last second. One save is in flight at a time; the
// newest content is sent next. The backend answers each save with the live score and what
// still stops submitting. A correction of a submitted evaluation (mode 'revision') is edited
// the same way, but only previewed: it is stored as a new revision, with its reason, on submit.
import * as api from '../api';
import { toApiError, type ApiError } from '../api';
import type { AnswerValue } from '../bindings/AnswerValue';
import type { EvaluationContent } from '../bindings/EvaluationContent';
import type { EvaluationView } from '../bindings/EvaluationView';
import type { Feedback } from '../bindings/Feedback';
import type { Pin } from '../bindings/Pin';
import type { Score } from '../bindings/Score';
import type { SubmitProblem } from '../bindings/SubmitProblem';

/** A pause in typing this long saves. */
export const TYPING_PAUSE_MS = 300;
/** Typing without a pause still saves this often. */
export const MAX_UNSAVED_MS = 1000;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';
export type DraftMode = 'draft' | 'revision';

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export class EvaluationDraft {
  readonly id: number;
  readonly mode: DraftMode;
  view = $state.raw<EvaluationView>() as EvaluationView;
  content = $state<EvaluationContent>() as EvaluationContent;
  score = $state.raw<Score>() as Score;
  problems = $state.raw<SubmitProblem[]>([]);
  savedAt = $state<string | null>(null);
  saveState = $state<SaveState>('saved');
  error = $state<ApiError | null>(null);
  submitting = $state(false);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsavedSince: number | null = null;
  private inFlight: Promise<void> | null = null;
  private dirty = false;

  constructor(view: EvaluationView, mode: DraftMode = 'draft') {
    this.id = view.evaluation.id;
    this.mode = mode;
    this.view = view;
    this.content = structuredClone(view.content);
    this.score = view.score;
    this.problems = view.problems;
    this.savedAt = view.savedAt;
  }

  private answer(key: string) {
    this.content.answers[key] ??= { value: null, comment: '' };
    return this.content.answers[key];
  }

  setAnswer(key: string, value: AnswerValue | null): void {
    this.answer(key).value = value;
    this.changed(true);
  }

  setComment(key: string, comment: string): void {
    this.answer(key).comment = comment;
    this.changed(false);
  }

  /** Pins a comment at `atMs` (about `question`, if given); returns its id. */
  addPin(atMs: number, question: string | null = null): number {
    const id = this.content.pins.reduce((max, pin) => Math.max(max, pin.id), 0) + 1;
    this.content.pins.push({ id, atMs: Math.max(0, Math.round(atMs)), text: '', question });
    this.content.pins.sort((a, b) => a.atMs - b.atMs);
    this.changed(true);
    return id;
  }

  setPin(id: number, patch: Partial<Omit<Pin, 'id'>>): void {
    const pin = this.content.pins.find((p) => p.id === id);
    if (!pin) return;
    Object.assign(pin, patch);
    this.changed(patch.text === undefined);
  }

  removePin(id: number): void {
    this.content.pins = this.content.pins.filter((p) => p.id !== id);
    this.changed(true);
  }

  setFeedback(field: keyof Feedback, text: string): void {
    this.content.feedback[field] = text;
    this.changed(false);
  }

  /** Marks the content changed and schedules its save (at once for answers, after typing). */
  private changed(immediate: boolean): void {
    this.dirty = true;
    this.saveState = 'pending';
    const t = now();
    this.unsavedSince ??= t;
    if (this.timer !== null) clearTimeout(this.timer);
    const overdue = t - this.unsavedSince >= MAX_UNSAVED_MS;
    this.timer = setTimeout(() => void this.flush(), immediate || overdue ? 0 : TYPING_PAUSE_MS);
  }

  /** A draft is saved; a revision is only scored until it is submitted. */
  private async persist(content: EvaluationContent): Promise<void> {
    if (this.mode === 'revision') {
      const preview = await api.evaluationPreview(this.id, content);
      this.score = preview.score;
      this.problems = preview.problems;
      return;
    }
    const saved = await api.evaluationSaveDraft(this.id, content);
    this.score = saved.score;
    this.problems = saved.problems;
    this.savedAt = saved.savedAt;
  }

  /** Saves the newest content now (after the save in flight, if any). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    this.dirty = false;
    this.unsavedSince = null;
    const content = $state.snapshot(this.content) as EvaluationContent;
    this.saveState = 'saving';
    this.inFlight = (async () => {
      try {
        await this.persist(content);
        this.error = null;
        this.saveState = this.dirty ? 'pending' : 'saved';
      } catch (reason) {
        this.error = toApiError(reason);
        this.saveState = 'error';
        this.dirty = true; // tried again with the next change, or on submit
      } finally {
        this.inFlight = null;
      }
    })();
    await this.inFlight;
  }

  /**
   * Submits the newest content (a revision with `reason`); the submitted view, or null (the
   * reason is in `error`).
   */
  async submit(reason = ''): Promise<EvaluationView | null> {
    if (this.submitting) return null;
    this.submitting = true;
    try {
      await this.flush();
      const content = $state.snapshot(this.content) as EvaluationContent;
      const view =
        this.mode === 'revision'
          ? await api.evaluationRevise(this.id, content, reason)
          : await api.evaluationSubmit(this.id, content);
      this.dirty = false;
      this.saveState = 'saved';
      this.error = null;
      return view;
    } catch (reason) {
      this.error = toApiError(reason);
      return null;
    } finally {
      this.submitting = false;
    }
  }

  /** Leaving the call: a draft's change not yet saved is saved now. */
  dispose(): void {
    if (this.dirty && this.mode === 'draft') void this.flush();
  }
}
