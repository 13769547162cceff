import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../bindings/AnswerValue';
import { setLocale } from '../i18n';
import {
  answerFromKey,
  answerKey,
  describeAnswer,
  disputableQuestions,
  disputeChoices,
  localizeDescribed,
  parsePoints,
} from './answers';
import { dispute, form, question } from './fixtures.test-support';

afterEach(() => setLocale('en'));

const [opening, discovery, resolution, notes] = form().sections;
const yesNo = opening.questions[1];
const scale = discovery.questions[0];
const choice = resolution.questions[0];
const pointsQ = resolution.questions[1];
const boxes = notes.questions[0];
const text = notes.questions[1];

describe('describing an answer', () => {
  it('says what each kind of answer is', () => {
    expect(describeAnswer({ kind: 'yes' }, yesNo.answer)).toBe('Yes');
    expect(describeAnswer({ kind: 'no' }, yesNo.answer)).toBe('No');
    expect(describeAnswer({ kind: 'na' }, yesNo.answer)).toBe('N/A');
    expect(describeAnswer({ kind: 'scale', value: 4 }, scale.answer)).toBe('4 of 5');
    expect(describeAnswer({ kind: 'choice', value: 1 }, choice.answer)).toBe('Escalated');
    expect(describeAnswer({ kind: 'choice', value: 7 }, choice.answer)).toBe('Option 8');
    expect(describeAnswer({ kind: 'points', value: 2.5 }, pointsQ.answer)).toBe('2.5 of 4 points');
    expect(describeAnswer({ kind: 'text', value: 'Slow down' }, text.answer)).toBe('Slow down');
    expect(describeAnswer({ kind: 'checked', value: [0, 2] }, boxes.answer)).toBe('Billing, Other');
    expect(describeAnswer({ kind: 'checked', value: [] }, boxes.answer)).toBe('None ticked');
    expect(describeAnswer(null, yesNo.answer)).toBe('Not answered');
  });

  it('speaks Persian with Persian digits', () => {
    setLocale('fa');
    expect(describeAnswer({ kind: 'yes' }, yesNo.answer)).toBe('بله');
    expect(describeAnswer({ kind: 'na' }, yesNo.answer)).toBe('موضوعیت ندارد');
    expect(describeAnswer({ kind: 'scale', value: 4 }, scale.answer)).toBe('۴ از ۵');
    expect(describeAnswer({ kind: 'checked', value: [0, 1] }, boxes.answer)).toBe('Billing، Complaint');
  });

  it('translates the backend’s English descriptions, leaving the form’s own words', () => {
    expect(localizeDescribed('4 of 5')).toBe('4 of 5');
    expect(localizeDescribed(null)).toBe('Not answered');
    setLocale('fa');
    expect(localizeDescribed('Yes')).toBe('بله');
    expect(localizeDescribed('No')).toBe('خیر');
    expect(localizeDescribed('N/A')).toBe('موضوعیت ندارد');
    expect(localizeDescribed('4 of 5')).toBe('۴ از ۵');
    expect(localizeDescribed('2.5')).toBe('۲٫۵');
    expect(localizeDescribed('Escalated to the right team')).toBe('Escalated to the right team');
  });
});

describe('what a dispute may propose', () => {
  const values = (q: typeof yesNo, current: AnswerValue | null = null) => {
    const choices = disputeChoices(q, current);
    return choices?.kind === 'values' ? choices.values : choices;
  };

  it('offers yes/no, and N/A only where the question allows it, leaving out the answer given', () => {
    expect(values(yesNo, { kind: 'no' })).toEqual([{ kind: 'yes' }, { kind: 'na' }]);
    expect(values(opening.questions[0], { kind: 'no' })).toEqual([{ kind: 'yes' }]);
  });

  it('offers every value of a scale and every option of a choice', () => {
    expect(values(scale, { kind: 'scale', value: 4 })).toEqual([1, 2, 3, 5].map((value) => ({ kind: 'scale', value })));
    expect(values(question('s', { type: 'scale', min: 0, max: 2, points: 2 }))).toHaveLength(3);
    expect(values(choice, { kind: 'choice', value: 1 })).toEqual([
      { kind: 'choice', value: 0 },
      { kind: 'choice', value: 2 },
    ]);
  });

  it('asks for a number of points, and nothing for questions that do not score', () => {
    expect(disputeChoices(pointsQ)).toEqual({ kind: 'points', max: 4, allowNa: true });
    expect(disputeChoices(boxes)).toBeNull();
    expect(disputeChoices(text)).toBeNull();
  });

  it('reads typed points in any digits, within range', () => {
    expect(parsePoints('2.5', 4)).toBe(2.5);
    expect(parsePoints(' 3 ', 4)).toBe(3);
    expect(parsePoints('2,5', 4)).toBe(2.5);
    expect(parsePoints('۲٫۵', 4)).toBe(2.5);
    expect(parsePoints('4.5', 4)).toBeNull();
    expect(parsePoints('-1', 4)).toBeNull();
    expect(parsePoints('', 4)).toBeNull();
    expect(parsePoints('two', 4)).toBeNull();
  });

  it('lists the scoring questions without an open dispute', () => {
    const keys = (list: { key: string }[]) => list.map((q) => q.key);
    expect(keys(disputableQuestions(form(), []))).toEqual(['greeting', 'verify', 'listening', 'outcome', 'effort']);
    const disputes = [dispute({ id: 1, question: 'verify' }), dispute({ id: 2, question: 'outcome', status: 'rejected' })];
    expect(keys(disputableQuestions(form(), disputes))).toEqual(['greeting', 'listening', 'outcome', 'effort']);
    expect(disputableQuestions(form(), [])[2]).toEqual({ key: 'listening', text: 'Question listening', section: 'Discovery' });
  });

  it('round-trips an answer through an option value', () => {
    const value: AnswerValue = { kind: 'scale', value: 3 };
    expect(answerFromKey(answerKey(value))).toEqual(value);
    expect(answerFromKey('nonsense')).toBeNull();
  });
});
