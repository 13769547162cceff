import { describe, expect, it } from 'vitest';
import type { Question } from '../bindings/Question';
import { sameAnswer } from '../scorecards/answers';
import { answerChoices, answerForKey, answerKey } from './answers';

function question(answer: Question['answer'], allowNa = false): Question {
  return {
    key: 'q',
    text: 'Q',
    help: '',
    guidelines: '',
    answer,
    weight: 1,
    allowNa,
    required: true,
    commentRequiredWhenFailed: false,
    failEffect: 'none',
    passPoints: null,
  };
}

describe('answer choices', () => {
  it('offer yes and no on 1 and 2, and N/A on N where allowed', () => {
    expect(answerChoices(question({ type: 'yesNo', points: 1 })).map((c) => [c.key, c.kind])).toEqual([
      ['1', 'yes'],
      ['2', 'no'],
    ]);
    expect(answerChoices(question({ type: 'yesNo', points: 1 }, true)).map((c) => c.key)).toEqual(['1', '2', 'n']);
  });

  it('offer every scale value and every option in order', () => {
    expect(answerChoices(question({ type: 'scale', min: 0, max: 10, points: 10 })).map((c) => c.key)).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    const choice = answerChoices(question({ type: 'choice', options: [{ label: 'Resolved', points: 2 }, { label: 'Not', points: 0 }] }));
    expect(choice.map((c) => [c.key, c.label, c.value])).toEqual([
      ['1', 'Resolved', { kind: 'choice', value: 0 }],
      ['2', 'Not', { kind: 'choice', value: 1 }],
    ]);
    expect(answerChoices(question({ type: 'text' }))).toEqual([]);
  });
});

describe('keys', () => {
  it('read digits from any layout and N as N/A', () => {
    expect(answerKey('1', 'Digit1')).toBe('1');
    expect(answerKey('۳', 'Digit3')).toBe('3');
    expect(answerKey('۴')).toBe('4');
    expect(answerKey('٤')).toBe('4');
    expect(answerKey('د', 'KeyN')).toBe('n');
    expect(answerKey('N')).toBe('n');
    expect(answerKey('x', 'KeyX')).toBeNull();
  });

  it('answer a yes/no question, and N/A only where allowed', () => {
    const yesNo = question({ type: 'yesNo', points: 1 });
    expect(answerForKey(yesNo, '2', null, 0).value).toEqual({ kind: 'no' });
    expect(answerForKey(yesNo, 'n', null, 0).value).toBeNull();
    expect(answerForKey(question({ type: 'yesNo', points: 1 }, true), 'n', null, 0).value).toEqual({ kind: 'na' });
    expect(answerForKey(yesNo, '7', null, 0).value).toBeNull();
  });

  it('type 10 on a 0-10 scale as 1 then 0 in quick succession', () => {
    const ten = question({ type: 'scale', min: 0, max: 10, points: 10 });
    const first = answerForKey(ten, '1', null, 1000);
    expect(first.value).toEqual({ kind: 'scale', value: 1 });
    expect(first.pending).toEqual({ key: '1', at: 1000 });
    expect(answerForKey(ten, '0', first.pending, 1500).value).toEqual({ kind: 'scale', value: 10 });
    // Too late: 0 is 0.
    expect(answerForKey(ten, '0', first.pending, 2000).value).toEqual({ kind: 'scale', value: 0 });
    // On a 1-5 scale nothing waits.
    expect(answerForKey(question({ type: 'scale', min: 1, max: 5, points: 5 }), '1', null, 0).pending).toBeNull();
  });

  it('compare answers by kind and value', () => {
    expect(sameAnswer({ kind: 'scale', value: 3 }, { kind: 'scale', value: 3 })).toBe(true);
    expect(sameAnswer({ kind: 'scale', value: 3 }, { kind: 'scale', value: 4 })).toBe(false);
    expect(sameAnswer({ kind: 'yes' }, { kind: 'no' })).toBe(false);
    expect(sameAnswer(null, undefined)).toBe(true);
    expect(sameAnswer({ kind: 'checked', value: [0, 2] }, { kind: 'checked', value: [0, 2] })).toBe(true);
  });
});
