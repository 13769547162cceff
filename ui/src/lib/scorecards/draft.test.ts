import { describe, expect, it } from 'vitest';
import {
  addOption,
  addQuestion,
  addSection,
  blankDraft,
  canMoveQuestion,
  duplicateQuestion,
  forSaving,
  moveOption,
  moveQuestion,
  moveSection,
  removeOption,
  removeQuestion,
  removeSection,
  toDefinition,
  toDraft,
  uniqueName,
} from './draft';
import { sampleForm } from './fixtures.test-support';

const keys = (draft: ReturnType<typeof toDraft>) => draft.sections.map((s) => s.questions.map((q) => q.key || q.text));

/** Wraps objects in proxies, as Svelte's `$state` does in the app (structuredClone refuses them). */
function proxied<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, { get: (target, key) => proxied(Reflect.get(target, key)) }) as T;
}

describe('the draft', () => {
  it('is copied by hand, so that a $state proxy can be copied', () => {
    const draft = toDraft(sampleForm());
    expect(() => structuredClone(proxied(draft))).toThrow();
    expect(toDefinition(proxied(draft))).toEqual(sampleForm());
    expect(toDraft(proxied(sampleForm())).sections).toHaveLength(3);
    expect(duplicateQuestion(proxied(draft), 0, 0).text).toBe('Gave correct information');
    expect(forSaving(proxied(draft)).sections[0].questions[0].key).toBe('accuracy');
  });

  it('round-trips a definition without its page ids', () => {
    const form = sampleForm();
    const draft = toDraft(form);
    expect(draft.sections[0].uid).toBeTypeOf('number');
    expect(new Set(draft.sections.flatMap((s) => [s.uid, ...s.questions.map((q) => q.uid)])).size).toBe(7);
    expect(toDefinition(draft)).toEqual(form);
    draft.sections[0].questions[0].text = 'changed';
    expect(form.sections[0].questions[0].text).toBe('Gave correct information'); // a copy
  });

  it('starts a blank form with one section and one yes/no question', () => {
    const draft = blankDraft('New form');
    expect(draft.sections).toHaveLength(1);
    expect(draft.sections[0].questions[0]).toMatchObject({ key: '', answer: { type: 'yesNo', points: 1 }, weight: 1, required: true, failEffect: 'none' });
  });

  it('adds sections weighted like the one before, and removes and moves them', () => {
    const draft = toDraft(sampleForm());
    const added = addSection(draft, 0);
    expect(draft.sections[1]).toBe(added);
    expect(added.weight).toBe(40);
    expect(added.questions).toHaveLength(1);
    expect(addSection(blankDraft('x'), -1).weight).toBe(1);
    expect(addSection(draft).weight).toBe(20); // after "Notes", weighted 0: like "Closing"
    removeSection(draft, 4);
    removeSection(draft, 1);
    expect(moveSection(draft, 0, 1)).toBe(true);
    expect(draft.sections.map((s) => s.key)).toEqual(['closing', 'resolution', 'notes']);
    expect(moveSection(draft, 0, -1)).toBe(false);
    expect(moveSection(draft, 2, 1)).toBe(false);
  });

  it('adds, duplicates and removes questions', () => {
    const draft = toDraft(sampleForm());
    addQuestion(draft, 1).text = 'Thanked the customer';
    addQuestion(draft, 1, -1).text = 'First';
    expect(keys(draft)[1]).toEqual(['First', 'summary', 'Thanked the customer']);
    const copy = duplicateQuestion(draft, 0, 0);
    expect(copy).toMatchObject({ key: '', text: 'Gave correct information', failEffect: 'section', answer: { type: 'yesNo', points: 2 } });
    expect(copy.uid).not.toBe(draft.sections[0].questions[0].uid);
    expect(keys(draft)[0]).toEqual(['accuracy', 'Gave correct information', 'verification']);
    removeQuestion(draft, 0, 1);
    expect(keys(draft)[0]).toEqual(['accuracy', 'verification']);
  });

  it('moves questions within a section and across into the next or previous one', () => {
    const draft = toDraft(sampleForm());
    expect(moveQuestion(draft, 0, 0, 1)).toEqual({ section: 0, question: 1 });
    expect(keys(draft)[0]).toEqual(['verification', 'accuracy']);
    expect(moveQuestion(draft, 0, 1, 1)).toEqual({ section: 1, question: 0 });
    expect(keys(draft).slice(0, 2)).toEqual([['verification'], ['accuracy', 'summary']]);
    expect(moveQuestion(draft, 1, 0, -1)).toEqual({ section: 0, question: 1 });
    expect(keys(draft).slice(0, 2)).toEqual([['verification', 'accuracy'], ['summary']]);
    expect(canMoveQuestion(draft, 0, 0, -1)).toBe(false);
    expect(moveQuestion(draft, 0, 0, -1)).toBeNull();
    expect(canMoveQuestion(draft, 2, 0, 1)).toBe(false);
    expect(canMoveQuestion(draft, 2, 0, -1)).toBe(true);
  });

  it('edits option rows', () => {
    const draft = toDraft(sampleForm());
    const topics = draft.sections[2].questions[0];
    addOption(topics, 'Complaint');
    expect(moveOption(topics, 2, -1)).toBe(true);
    expect(topics.answer).toEqual({ type: 'checkboxes', options: ['Billing', 'Complaint', 'Other'] });
    removeOption(topics, 0);
    expect(topics.answer).toEqual({ type: 'checkboxes', options: ['Complaint', 'Other'] });
    const choice = draft.sections[0].questions[0];
    choice.answer = { type: 'choice', options: [{ label: 'Yes', points: 1 }] };
    addOption(choice);
    expect(choice.answer.options).toEqual([{ label: 'Yes', points: 1 }, { label: '', points: 0 }]);
  });

  it('makes keys for new items only when saving, and trims the name', () => {
    const draft = toDraft(sampleForm());
    draft.name = '  Customer service  ';
    addQuestion(draft, 1).text = 'Summarised the call';
    draft.sections[0].questions[0].text = 'Gave correct and complete information';
    const saved = forSaving(draft);
    expect(saved.name).toBe('Customer service');
    expect(saved.sections[1].questions.map((q) => q.key)).toEqual(['summary', 'summarised-the-call']);
    expect(saved.sections[0].questions[0].key).toBe('accuracy'); // edited text, same key
    expect(draft.sections[1].questions[1].key).toBe(''); // the draft itself is untouched
  });

  it('suggests a free name for a copy', () => {
    const copy = (name: string, n: number) => (n === 1 ? `${name} (copy)` : `${name} (copy ${n})`);
    expect(uniqueName('Sales compliance', ['Customer service'], copy)).toBe('Sales compliance');
    expect(uniqueName('Customer service', ['Customer service'], copy)).toBe('Customer service (copy)');
    expect(uniqueName('Customer service', ['Customer service', 'Customer service (copy)'], copy)).toBe('Customer service (copy 2)');
  });
});
