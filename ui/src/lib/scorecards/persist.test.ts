import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormVersion } from '../bindings/FormVersion';
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';
import { addQuestion } from './draft';
import { ScorecardEditor } from './editor.svelte';
import { sampleForm } from './fixtures.test-support';

const calls = vi.hoisted(() => ({ create: vi.fn(), save: vi.fn(), exportFn: vi.fn() }));
vi.mock('../api', () => ({ scorecardCreate: calls.create, scorecardSave: calls.save, scorecardExport: calls.exportFn }));

import { exportVersion, saveForm } from './persist';

function form(definition: ScorecardDefinition, version: number, id = 10 + version): FormVersion {
  return { id, scorecardId: 7, version, definition, frozen: false, evaluations: 0, updatedAt: '2026-12-06T04:00:00Z' };
}

beforeEach(() => {
  calls.create.mockReset();
  calls.save.mockReset();
  calls.exportFn.mockReset();
});

describe('saving from the designer', () => {
  it('creates a new form with keys made for its new questions', async () => {
    const editor = new ScorecardEditor(sampleForm());
    addQuestion(editor.draft, 1).text = 'Thanked the customer';
    calls.create.mockImplementation(async (d: ScorecardDefinition) => form(d, 1));
    const saved = await saveForm(editor);
    const sent = calls.create.mock.calls[0][0] as ScorecardDefinition;
    expect(sent.sections[1].questions.map((q) => q.key)).toEqual(['summary', 'thanked-the-customer']);
    expect(saved).toEqual({ message: 'Created: version 1.', newVersion: false });
    expect(editor.scorecardId).toBe(7);
    expect(editor.dirty).toBe(false);
  });

  it('saves an existing form and says when it made a new version', async () => {
    const editor = new ScorecardEditor(sampleForm(), 7);
    editor.loaded([{ ...form(sampleForm(), 1), frozen: true, evaluations: 3 }]);
    editor.draft.passMark = 85;
    calls.save.mockImplementation(async (_id: number, d: ScorecardDefinition) => ({ form: form(d, 2), newVersion: true, unchanged: false }));
    const saved = await saveForm(editor);
    expect(calls.save).toHaveBeenCalledWith(7, expect.objectContaining({ passMark: 85 }));
    expect(saved.message).toBe('Saved as version 2: version 1 is used by evaluations and stays as it was.');
    expect(saved.newVersion).toBe(true);
    expect(editor.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('leaves the draft as it was when the server refuses', async () => {
    const editor = new ScorecardEditor(sampleForm(), 7);
    editor.loaded([form(sampleForm(), 1)]);
    editor.draft.name = 'Renamed';
    calls.save.mockRejectedValue(new Error('section "Closing": question "x": points must be more than 0'));
    await expect(saveForm(editor)).rejects.toThrow('points must be more than 0');
    expect(editor.dirty).toBe(true);
    expect(editor.draft.name).toBe('Renamed');
  });

  it('exports a version under a file name of its own', async () => {
    calls.exportFn.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    expect(await exportVersion(form(sampleForm(), 3))).toBe('Version 3 exported.');
    expect(calls.exportFn).toHaveBeenCalledWith(13, 'Customer service-v3');
    expect(await exportVersion(form(sampleForm(), 3))).toBeNull();
  });
});
