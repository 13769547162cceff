// Which part of the Scorecards screen shows (the list or the designer), the designer's editor,
// and the guard on unsaved changes: leaving a designer with changes asks first.
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';
import type { ScorecardSummary } from '../bindings/ScorecardSummary';
import { ScorecardEditor } from './editor.svelte';

export type ScorecardsView = 'list' | 'designer';

export class ScorecardsScreen {
  view = $state<ScorecardsView>('list');
  editor = $state<ScorecardEditor | null>(null);
  /** What to do once the person agrees to throw their changes away. */
  pending = $state<(() => void) | null>(null);
  /** A line for the list after coming back (an import's result). */
  notice = $state<string | null>(null);

  /** Runs `action` now, or after asking when the designer has unsaved changes. */
  guard(action: () => void): void {
    if (this.view === 'designer' && this.editor?.dirty) this.pending = action;
    else action();
  }

  /** The person agreed to lose their changes. */
  discard(): void {
    const action = this.pending;
    this.pending = null;
    this.editor?.revert();
    action?.();
  }

  keepEditing(): void {
    this.pending = null;
  }

  showList(): void {
    this.guard(() => {
      this.view = 'list';
      this.editor = null;
    });
  }

  /** A saved form: its newest version, loaded by the designer. */
  openForm(summary: Pick<ScorecardSummary, 'id' | 'name' | 'archived'>, definition?: ScorecardDefinition): void {
    this.guard(() => {
      const editor = new ScorecardEditor(definition ?? { name: summary.name, description: '', naScoring: 'exclude', passMark: null, sections: [] }, summary.id);
      editor.archived = summary.archived;
      this.editor = editor;
      this.view = 'designer';
      this.notice = null;
    });
  }

  /** A new form, not saved yet: blank or a template's copy. */
  openNew(definition: ScorecardDefinition): void {
    this.guard(() => {
      this.editor = new ScorecardEditor(definition);
      this.view = 'designer';
      this.notice = null;
    });
  }
}

export const scorecardsScreen = new ScorecardsScreen();
