import { describe, expect, it } from 'vitest';
import type { Question } from '../bindings/Question';
import { newQuestion } from './draft';
import { sampleForm } from './fixtures.test-support';
import { answerPreview, formMaximum } from './preview';

function q(change: (q: Question) => void): Question {
  const question = newQuestion();
  change(question);
  return question;
}

describe('answer previews', () => {
  it('say what yes and no earn, and N/A as the form counts it', () => {
    const question = q((x) => ((x.answer = { type: 'yesNo', points: 2 }), (x.allowNa = true)));
    expect(answerPreview(question, 'exclude')).toEqual([
      { kind: 'yes', points: 2, fails: false },
      { kind: 'no', points: 0, fails: true },
      { kind: 'na', points: null, fails: false },
    ]);
    expect(answerPreview(question, 'countAsEarned')[2]).toEqual({ kind: 'na', points: 2, fails: false });
  });

  it('give each scale value its share of the points, failing below full points by default', () => {
    const scale = q((x) => (x.answer = { type: 'scale', min: 1, max: 5, points: 10 }));
    const entries = answerPreview(scale, 'exclude');
    expect(entries.map((e) => (e.kind === 'value' ? [e.value, e.points, e.fails] : null))).toEqual([
      [1, 2, true],
      [2, 4, true],
      [3, 6, true],
      [4, 8, true],
      [5, 10, false],
    ]);
    scale.passPoints = 6;
    expect(answerPreview(scale, 'exclude').filter((e) => e.fails)).toHaveLength(2);
    const ten = q((x) => (x.answer = { type: 'scale', min: 0, max: 10, points: 10 }));
    expect(answerPreview(ten, 'exclude')).toHaveLength(11);
  });

  it('list options with their points, and a points range', () => {
    const choice = q((x) => {
      x.answer = { type: 'choice', options: [{ label: 'Resolved', points: 3 }, { label: 'Next step', points: 2 }, { label: 'Unresolved', points: 0 }] };
      x.passPoints = 2;
    });
    expect(answerPreview(choice, 'exclude').map((e) => e.fails)).toEqual([false, false, true]);
    expect(answerPreview(q((x) => (x.answer = { type: 'points', max: 10 })), 'exclude')).toEqual([{ kind: 'range', max: 10, fails: true }]);
    expect(answerPreview(q((x) => ((x.answer = { type: 'points', max: 10 }), (x.passPoints = 0))), 'exclude')[0].fails).toBe(false);
    expect(answerPreview(q((x) => (x.answer = { type: 'text' })), 'exclude')).toEqual([]);
  });
});

describe('the form maximum', () => {
  it('weights each question by section weight × question weight', () => {
    const form = sampleForm();
    const max = formMaximum(form.sections);
    // Resolution: 2 × 1 × 40 + 1 × 0 × 40 = 80; Closing: 1 × 1 × 20 = 20; Notes does not score.
    expect(max.sections.map((s) => s.maximum)).toEqual([80, 20, 0]);
    expect(max.total).toBe(100);
    expect(max.sections.map((s) => s.share)).toEqual([0.8, 0.2, 0]);
    expect(max.sections.map((s) => s.scoring)).toEqual([2, 1, 0]);
  });

  it('has no shares when nothing scores, and reads unreadable numbers as 0', () => {
    const form = sampleForm();
    expect(formMaximum([form.sections[2]]).sections[0].share).toBeNull();
    form.sections[1].weight = Number.NaN;
    expect(formMaximum(form.sections).total).toBe(80);
  });
});
