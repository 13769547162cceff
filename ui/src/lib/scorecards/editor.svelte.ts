// The designer's state: the form being edited (or an older version shown read-only), its
// versions, and whether it has changes not saved yet. Kept in module state by the Scorecards
// screen, so visiting another screen and coming back finds the edit as it was left.
import type { FormVersion } from '../bindings/FormVersion';
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';
import { toDefinition, toDraft, type Draft } from './draft';

/** JSON with object keys sorted: two definitions that differ only in key order compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export class ScorecardEditor {
  /** Null until a new form is saved the first time. */
  scorecardId = $state<number | null>(null);
  draft = $state<Draft>() as Draft;
  /** Every version, oldest first (empty for a form not saved yet). */
  versions = $state<FormVersion[]>([]);
  archived = $state(false);
  /** An older version shown read-only instead of the draft. */
  viewing = $state<FormVersion | null>(null);
  /** Questions open for editing, by uid. */
  open = $state<Record<number, boolean>>({});
  #baseline = $state('');

  readonly dirty = $derived(canonical(toDefinition(this.draft)) !== this.#baseline);
  readonly newest = $derived(this.versions.at(-1) ?? null);

  /**
   * A form to edit: `definition` is what it starts from. A form not saved yet (blank or from a
   * template) has no id and counts as changed from nothing.
   */
  constructor(definition: ScorecardDefinition, scorecardId: number | null = null) {
    this.draft = toDraft(definition);
    this.scorecardId = scorecardId;
    this.#baseline = scorecardId === null ? '' : canonical(toDefinition(this.draft));
    if (scorecardId === null) this.openAll();
  }

  /** The versions as loaded: the draft becomes the newest one unless it has unsaved changes. */
  loaded(versions: FormVersion[], archived = this.archived): void {
    this.versions = versions;
    this.archived = archived;
    const newest = versions.at(-1);
    if (newest && !this.dirty) this.#reset(newest.definition);
  }

  /**
   * After a save: the server's form (with the keys it made) replaces the draft. Questions keep
   * their ids, and so stay open, when the form kept its shape, as it does after a save.
   */
  saved(form: FormVersion): void {
    this.scorecardId = form.scorecardId;
    const definition = form.definition;
    const sameShape =
      definition.sections.length === this.draft.sections.length &&
      definition.sections.every((s, i) => s.questions.length === this.draft.sections[i].questions.length);
    if (sameShape) {
      const next = toDraft(definition);
      next.sections.forEach((section, s) => {
        section.uid = this.draft.sections[s].uid;
        section.questions.forEach((question, q) => (question.uid = this.draft.sections[s].questions[q].uid));
      });
      this.draft = next;
      this.#baseline = canonical(toDefinition(this.draft));
    } else {
      this.#reset(definition);
    }
    this.versions = [...this.versions.filter((v) => v.id !== form.id), form].sort((a, b) => a.version - b.version);
  }

  /** Throws the changes away: back to the newest saved version. */
  revert(): void {
    if (this.newest) this.#reset(this.newest.definition);
  }

  #reset(definition: ScorecardDefinition): void {
    this.draft = toDraft(definition);
    this.#baseline = canonical(toDefinition(this.draft));
  }

  isOpen(uid: number): boolean {
    return this.open[uid] === true;
  }

  toggle(uid: number, open = !this.isOpen(uid)): void {
    this.open[uid] = open;
  }

  openAll(): void {
    for (const section of this.draft.sections) for (const q of section.questions) this.open[q.uid] = true;
  }

  closeAll(): void {
    this.open = {};
  }
}
