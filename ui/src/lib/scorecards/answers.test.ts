import { describe, expect, it } from 'vitest';
import type { Question } from '../bindings/Question';
import { ANSWER_KINDS, kindOf, passPointsOf, possible, setKind } from './answers';
import { newQuestion } from './draft';

const labels = { choice: ['Good', 'Partly', 'Poor'], checkboxes: ['Option 1', 'Option 2'] };

function question(change: (q: Question) => void = () => {}): Question {
  const q = newQuestion();
  change(q);
  return q;
}

describe('answer kinds', () => {
  it('read the select entry from the answer type', () => {
    expect(kindOf(question())).toBe('yesNo');
    expect(kindOf(question((q) => (q.allowNa = true)))).toBe('yesNoNa');
    expect(kindOf(question((q) => (q.answer = { type: 'scale', min: 1, max: 5, points: 5 })))).toBe('scale5');
    expect(kindOf(question((q) => (q.answer = { type: 'scale', min: 0, max: 10, points: 10 })))).toBe('scale10');
    expect(kindOf(question((q) => (q.answer = { type: 'text' })))).toBe('text');
  });

  it('give the possible points as the backend does', () => {
    expect(possible({ type: 'yesNo', points: 2 })).toBe(2);
    expect(possible({ type: 'choice', options: [{ label: 'a', points: 1 }, { label: 'b', points: 3 }] })).toBe(3);
    expect(possible({ type: 'points', max: 7 })).toBe(7);
    expect(possible({ type: 'checkboxes', options: ['x'] })).toBeNull();
    expect(passPointsOf(question())).toBe(1);
    expect(passPointsOf(question((q) => (q.passPoints = 0.5)))).toBe(0.5);
    expect(passPointsOf(question((q) => (q.answer = { type: 'text' })))).toBeNull();
  });

  it('switch with sensible defaults for every kind', () => {
    for (const kind of ANSWER_KINDS) {
      const q = question();
      setKind(q, kind, labels);
      expect(kindOf(q), kind).toBe(kind);
    }
    const scale = question();
    setKind(scale, 'scale10', labels);
    expect(scale.answer).toEqual({ type: 'scale', min: 0, max: 10, points: 10 });
    const choice = question();
    setKind(choice, 'choice', labels);
    expect(choice.answer).toEqual({
      type: 'choice',
      options: [
        { label: 'Good', points: 2 },
        { label: 'Partly', points: 1 },
        { label: 'Poor', points: 0 },
      ],
    });
  });

  it('toggle N/A on yes/no without losing the points', () => {
    const q = question((q) => (q.answer = { type: 'yesNo', points: 3 }));
    setKind(q, 'yesNoNa', labels);
    expect(q.allowNa).toBe(true);
    expect(q.answer).toEqual({ type: 'yesNo', points: 3 });
    setKind(q, 'yesNo', labels);
    expect(q.allowNa).toBe(false);
  });

  it('keep option labels between choice and checkboxes', () => {
    const q = question((q) => (q.answer = { type: 'checkboxes', options: ['Billing', 'Complaint', 'Other'] }));
    setKind(q, 'choice', labels);
    expect(q.answer).toEqual({
      type: 'choice',
      options: [
        { label: 'Billing', points: 2 },
        { label: 'Complaint', points: 1 },
        { label: 'Other', points: 0 },
      ],
    });
    setKind(q, 'checkboxes', labels);
    expect(q.answer).toEqual({ type: 'checkboxes', options: ['Billing', 'Complaint', 'Other'] });
  });

  it('clear failing rules when the type does not score, and pass points on any change', () => {
    const q = question((q) => {
      q.failEffect = 'critical';
      q.commentRequiredWhenFailed = true;
      q.allowNa = true;
      q.passPoints = 1;
    });
    setKind(q, 'scale5', labels);
    expect(q.passPoints).toBeNull();
    expect(q.failEffect).toBe('critical');
    expect(q.allowNa).toBe(true); // a scale may still be N/A
    setKind(q, 'text', labels);
    expect(q).toMatchObject({ failEffect: 'none', commentRequiredWhenFailed: false, allowNa: false, answer: { type: 'text' } });
  });
});
