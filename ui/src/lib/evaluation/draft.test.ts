import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftSaved } from '../bindings/DraftSaved';
import type { EvaluationContent } from '../bindings/EvaluationContent';
import type { EvaluationView } from '../bindings/EvaluationView';

const api = vi.hoisted(() => ({
  evaluationSaveDraft: vi.fn(),
  evaluationSubmit: vi.fn(),
  evaluationPreview: vi.fn(),
  evaluationRevise: vi.fn(),
}));
vi.mock('../api', async (original) => ({ ...(await original<typeof import('../api')>()), ...api }));

import { EvaluationDraft, MAX_UNSAVED_MS, TYPING_PAUSE_MS } from './draft.svelte';

const score = { score: null, computed: null } as unknown as DraftSaved['score'];

function view(): EvaluationView {
  return {
    evaluation: { id: 5 },
    content: { answers: {}, pins: [], feedback: { strengths: '', improvements: '', notes: '' } },
    score,
    problems: [],
    savedAt: null,
  } as unknown as EvaluationView;
}

/** Each save waits until the test answers it. */
function manualSaves() {
  const saves: { content: EvaluationContent; resolve: (saved: DraftSaved) => void; reject: (e: unknown) => void }[] = [];
  api.evaluationSaveDraft.mockImplementation(
    (_id: number, content: EvaluationContent) =>
      new Promise<DraftSaved>((resolve, reject) => saves.push({ content, resolve, reject })),
  );
  return saves;
}

const saved = (at: string): DraftSaved => ({ savedAt: at, score, problems: [] });

beforeEach(() => {
  vi.useFakeTimers();
  api.evaluationSaveDraft.mockReset();
  api.evaluationSubmit.mockReset();
  api.evaluationPreview.mockReset();
  api.evaluationRevise.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('an evaluation draft', () => {
  it('saves an answer at once and typing after a pause', async () => {
    const saves = manualSaves();
    const draft = new EvaluationDraft(view());
    draft.setAnswer('a', { kind: 'yes' });
    expect(draft.saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(1);
    expect(saves[0].content.answers.a.value).toEqual({ kind: 'yes' });
    saves[0].resolve(saved('t1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.saveState).toBe('saved');
    expect(draft.savedAt).toBe('t1');

    draft.setComment('a', 'G');
    draft.setComment('a', 'Go');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS - 1);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    expect(saves[1].content.answers.a.comment).toBe('Go');
  });

  it('saves at least once a second while typing goes on', async () => {
    const saves = manualSaves();
    const draft = new EvaluationDraft(view());
    for (let i = 1; i <= 12; i++) {
      draft.setFeedback('notes', 'x'.repeat(i));
      await vi.advanceTimersByTimeAsync(100); // never a 300 ms pause
    }
    expect(saves.length).toBeGreaterThanOrEqual(1);
    expect(saves[0].content.feedback.notes.length).toBeGreaterThanOrEqual(MAX_UNSAVED_MS / 100);
  });

  it('keeps one save in flight and sends the newest content next', async () => {
    const saves = manualSaves();
    const draft = new EvaluationDraft(view());
    draft.setAnswer('a', { kind: 'yes' });
    await vi.advanceTimersByTimeAsync(0);
    draft.setAnswer('a', { kind: 'no' });
    draft.setAnswer('b', { kind: 'yes' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(1);
    saves[0].resolve(saved('t1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(2);
    expect(saves[1].content.answers).toEqual({ a: { value: { kind: 'no' }, comment: '' }, b: { value: { kind: 'yes' }, comment: '' } });
    expect(draft.saveState).toBe('saving');
    saves[1].resolve(saved('t2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.saveState).toBe('saved');
  });

  it('says when a save failed and tries again with the next change', async () => {
    const saves = manualSaves();
    const draft = new EvaluationDraft(view());
    draft.setAnswer('a', { kind: 'yes' });
    await vi.advanceTimersByTimeAsync(0);
    saves[0].reject({ code: 'db', message: 'disk full' });
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.saveState).toBe('error');
    expect(draft.error?.message).toBe('disk full');
    draft.setComment('a', 'x');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    expect(saves).toHaveLength(2);
    expect(saves[1].content.answers.a).toEqual({ value: { kind: 'yes' }, comment: 'x' });
  });

  it('pins comments in time order with fresh ids, and submits the newest content', async () => {
    manualSaves();
    const draft = new EvaluationDraft(view());
    const late = draft.addPin(42_400.6, 'b');
    const early = draft.addPin(1_000);
    expect(draft.content.pins.map((p) => [p.id, p.atMs, p.question])).toEqual([
      [early, 1000, null],
      [late, 42_401, 'b'],
    ]);
    draft.removePin(early);
    api.evaluationSaveDraft.mockResolvedValue(saved('t'));
    api.evaluationSubmit.mockResolvedValue({ ...view(), revisions: [] });
    draft.setPin(late, { text: 'wrong balance' });
    const submitted = await draft.submit();
    expect(submitted).not.toBeNull();
    expect(api.evaluationSubmit.mock.calls[0][1].pins).toEqual([{ id: late, atMs: 42_401, text: 'wrong balance', question: 'b' }]);
  });

  it('only previews a correction, then stores it as a revision with its reason', async () => {
    api.evaluationPreview.mockResolvedValue({ score: { score: 100 }, problems: [] });
    api.evaluationRevise.mockResolvedValue({ ...view(), revisions: [] });
    const revision = new EvaluationDraft(view(), 'revision');
    revision.setAnswer('b', { kind: 'yes' });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.evaluationSaveDraft).not.toHaveBeenCalled();
    expect(api.evaluationPreview).toHaveBeenCalledTimes(1);
    expect(revision.score.score).toBe(100);
    revision.dispose();
    expect(await revision.submit('Calibration: b was met')).not.toBeNull();
    expect(api.evaluationRevise.mock.calls[0].slice(1)).toEqual([
      { answers: { b: { value: { kind: 'yes' }, comment: '' } }, pins: [], feedback: { strengths: '', improvements: '', notes: '' } },
      'Calibration: b was met',
    ]);
    expect(api.evaluationSaveDraft).not.toHaveBeenCalled();
  });
});
