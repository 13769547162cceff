import { describe, expect, it } from 'vitest';
import type { FormVersion } from '../bindings/FormVersion';
import { addQuestion } from './draft';
import { canonical, ScorecardEditor } from './editor.svelte';
import { sampleForm } from './fixtures.test-support';
import { ScorecardsScreen } from './screen.svelte';

function version(n: number, change: (f: ReturnType<typeof sampleForm>) => void = () => {}, evaluations = 0): FormVersion {
  const definition = sampleForm();
  change(definition);
  return { id: 100 + n, scorecardId: 7, version: n, definition, frozen: evaluations > 0, evaluations, updatedAt: '2026-11-05T10:00:00.000Z' };
}

describe('the scorecard editor', () => {
  it('compares definitions whatever the order of their keys', () => {
    expect(canonical({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(canonical({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }));
  });

  it('is unchanged once loaded, changed after an edit, unchanged again after undoing it', () => {
    const editor = new ScorecardEditor(sampleForm(), 7);
    editor.loaded([version(1), version(2)]);
    expect(editor.newest?.version).toBe(2);
    expect(editor.dirty).toBe(false);
    editor.draft.sections[0].weight = 50;
    expect(editor.dirty).toBe(true);
    editor.draft.sections[0].weight = 40;
    expect(editor.dirty).toBe(false);
    editor.draft.description = 'x';
    editor.revert();
    expect(editor.draft.description).toBe('');
    expect(editor.dirty).toBe(false);
  });

  it('keeps unsaved changes when the versions load again', () => {
    const editor = new ScorecardEditor(sampleForm(), 7);
    editor.loaded([version(1)]);
    editor.draft.name = 'Renamed';
    editor.loaded([version(1)]);
    expect(editor.draft.name).toBe('Renamed');
  });

  it('counts a form never saved as changed, with its questions open', () => {
    const editor = new ScorecardEditor(sampleForm());
    expect(editor.scorecardId).toBeNull();
    expect(editor.dirty).toBe(true);
    expect(editor.isOpen(editor.draft.sections[0].questions[0].uid)).toBe(true);
  });

  it('takes the saved form with the keys the server made, keeping questions open', () => {
    const editor = new ScorecardEditor(sampleForm(), 7);
    editor.loaded([version(1)]);
    const added = addQuestion(editor.draft, 1);
    added.text = 'Thanked the customer';
    editor.toggle(added.uid);
    const saved = version(2, (f) => f.sections[1].questions.push({ ...f.sections[1].questions[0], key: 'thanked-the-customer', text: 'Thanked the customer' }), 0);
    editor.saved(saved);
    expect(editor.dirty).toBe(false);
    expect(editor.draft.sections[1].questions[1]).toMatchObject({ key: 'thanked-the-customer', uid: added.uid });
    expect(editor.isOpen(added.uid)).toBe(true);
    expect(editor.versions.map((v) => v.version)).toEqual([1, 2]);
    editor.saved({ ...saved, updatedAt: 'later' }); // saved in place: the same version, replaced
    expect(editor.versions.map((v) => v.updatedAt)).toEqual(['2026-11-05T10:00:00.000Z', 'later']);
  });
});

describe('the scorecards screen', () => {
  it('asks before leaving a designer with changes', () => {
    const screen = new ScorecardsScreen();
    screen.openForm({ id: 7, name: 'Customer service', archived: false });
    expect(screen.view).toBe('designer');
    screen.editor!.loaded([version(1)]);
    screen.showList();
    expect(screen.view).toBe('list'); // nothing changed: leaves at once

    screen.openForm({ id: 7, name: 'Customer service', archived: false });
    screen.editor!.loaded([version(1)]);
    screen.editor!.draft.name = 'Changed';
    screen.showList();
    expect(screen.view).toBe('designer');
    expect(screen.pending).not.toBeNull();
    screen.keepEditing();
    expect(screen.pending).toBeNull();
    expect(screen.editor!.draft.name).toBe('Changed');
    screen.showList();
    screen.discard();
    expect(screen.view).toBe('list');
    expect(screen.editor).toBeNull();
  });

  it('opens new forms as unsaved', () => {
    const screen = new ScorecardsScreen();
    screen.openNew(sampleForm());
    expect(screen.editor!.dirty).toBe(true);
    screen.openNew(sampleForm());
    expect(screen.pending).not.toBeNull(); // the first one is not saved yet
  });
});
