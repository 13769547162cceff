import { describe, expect, it } from 'vitest';
import { addSection, blankDraft, toDraft } from './draft';
import { sampleForm } from './fixtures.test-support';
import { firstErrorPlace, hasUnreadableNumbers, problems } from './validate';

const codes = (draft: ReturnType<typeof toDraft>) => problems(draft).map((p) => [p.level, p.code, p.section, p.question]);

describe('design hints', () => {
  it('find nothing wrong with a good form', () => {
    expect(problems(toDraft(sampleForm()))).toEqual([]);
  });

  it('name what the server would refuse, where it is', () => {
    const draft = blankDraft('');
    expect(codes(draft)).toEqual([
      ['error', 'nameMissing', null, null],
      ['error', 'sectionTitle', 0, null],
      ['error', 'questionText', 0, 0],
    ]);
    draft.name = 'x';
    draft.passMark = 120;
    draft.sections[0].title = 'S';
    draft.sections[0].questions[0].text = 'Q';
    draft.sections[0].questions[0].answer = { type: 'choice', options: [{ label: 'Only', points: 0 }] };
    expect(codes(draft)).toEqual([
      ['error', 'passMarkRange', null, null],
      ['error', 'choiceTwoOptions', 0, 0],
    ]);
    draft.sections[0].questions[0].answer = { type: 'choice', options: [{ label: 'a', points: 0 }, { label: 'b', points: 0 }] };
    expect(codes(draft)).toContainEqual(['error', 'choiceNoPoints', 0, 0]);
    draft.sections[0].questions[0].answer = { type: 'choice', options: [{ label: '', points: 1 }, { label: 'b', points: 0 }] };
    expect(codes(draft)).toContainEqual(['error', 'optionInvalid', 0, 0]);
  });

  it('check points, maximums, pass points and checkbox options', () => {
    const draft = toDraft(sampleForm());
    const [accuracy] = draft.sections[0].questions;
    accuracy.answer = { type: 'yesNo', points: 0 };
    expect(codes(draft)).toEqual([['error', 'pointsPositive', 0, 0]]);
    accuracy.answer = { type: 'points', max: 5 };
    accuracy.passPoints = 6;
    expect(codes(draft)).toEqual([['error', 'passPointsRange', 0, 0]]);
    accuracy.passPoints = null;
    accuracy.answer = { type: 'points', max: 0 };
    expect(codes(draft)).toEqual([['error', 'maxPositive', 0, 0]]);
    accuracy.answer = { type: 'checkboxes', options: [] };
    accuracy.failEffect = 'none';
    expect(codes(draft)).toEqual([['error', 'checkboxesNeedOptions', 0, 0]]);
    accuracy.answer = { type: 'checkboxes', options: ['a', ' '] };
    expect(codes(draft)).toEqual([['warning', 'optionLabel', 0, 0]]);
  });

  it('warn about empty sections and scoring sections weighted 0', () => {
    const draft = toDraft(sampleForm());
    draft.sections[1].weight = 0;
    const added = addSection(draft);
    added.title = 'Empty';
    added.questions = [];
    expect(codes(draft)).toEqual([
      ['warning', 'sectionZeroWeight', 1, null],
      ['warning', 'sectionEmpty', 3, null],
    ]);
  });

  it('need a question that scores', () => {
    const draft = toDraft(sampleForm());
    draft.sections = [draft.sections[2]];
    expect(codes(draft)).toEqual([['error', 'noScoring', null, null]]);
    draft.sections = [];
    expect(codes(draft)).toEqual([['error', 'noSections', null, null]]);
  });

  it('point at the first error, skipping warnings', () => {
    const draft = toDraft(sampleForm());
    expect(firstErrorPlace(problems(draft), draft)).toBeNull();
    draft.sections[0].weight = 0; // a warning only
    draft.sections[1].questions[0].text = '';
    expect(firstErrorPlace(problems(draft), draft)).toEqual({ kind: 'question', uid: draft.sections[1].questions[0].uid });
    draft.sections[1].title = '';
    expect(firstErrorPlace(problems(draft), draft)).toEqual({ kind: 'section', index: 1 });
    draft.name = '';
    expect(firstErrorPlace(problems(draft), draft)).toEqual({ kind: 'form' });
  });

  it('spot numbers that do not read', () => {
    const draft = toDraft(sampleForm());
    expect(hasUnreadableNumbers(draft)).toBe(false);
    draft.sections[0].questions[1].passPoints = Number.NaN;
    expect(hasUnreadableNumbers(draft)).toBe(true);
    draft.sections[0].questions[1].passPoints = null;
    draft.passMark = Number.NaN;
    expect(hasUnreadableNumbers(draft)).toBe(true);
    expect(codes(draft)).toEqual([['error', 'passMarkRange', null, null]]);
  });
});
