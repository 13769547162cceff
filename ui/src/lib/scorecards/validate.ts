// Hints while designing: what the backend's `validate` (src/scorecard/definition.rs) would
// refuse, found as the form is edited, and a few warnings it would let through. The server stays
// the judge: its message is shown when it refuses a save.
import type { Question } from '../bindings/Question';
import { possible, scores } from './answers';
import type { Draft } from './draft';

export type ProblemCode =
  | 'nameMissing'
  | 'passMarkRange'
  | 'noSections'
  | 'noScoring'
  | 'sectionTitle'
  | 'sectionWeight'
  | 'sectionEmpty'
  | 'sectionZeroWeight'
  | 'questionText'
  | 'questionWeight'
  | 'pointsPositive'
  | 'maxPositive'
  | 'choiceTwoOptions'
  | 'optionInvalid'
  | 'choiceNoPoints'
  | 'checkboxesNeedOptions'
  | 'optionLabel'
  | 'passPointsRange';

export interface Problem {
  /** Errors are refused by the server; warnings are allowed but probably not meant. */
  level: 'error' | 'warning';
  code: ProblemCode;
  /** Where: the form (both null), a section, or a question of it. */
  section: number | null;
  question: number | null;
}

const nonNegative = (n: number) => Number.isFinite(n) && n >= 0;
const positive = (n: number) => Number.isFinite(n) && n > 0;

/** Problems with one question (without its place). */
export function questionProblems(question: Question): Array<Pick<Problem, 'level' | 'code'>> {
  const problems: Array<Pick<Problem, 'level' | 'code'>> = [];
  const error = (code: ProblemCode) => problems.push({ level: 'error', code });
  if (question.text.trim() === '') error('questionText');
  if (!nonNegative(question.weight)) error('questionWeight');
  const answer = question.answer;
  switch (answer.type) {
    case 'yesNo':
    case 'scale':
      if (!positive(answer.points)) error('pointsPositive');
      break;
    case 'points':
      if (!positive(answer.max)) error('maxPositive');
      break;
    case 'choice':
      if (answer.options.length < 2) error('choiceTwoOptions');
      if (answer.options.some((o) => o.label.trim() === '' || !nonNegative(o.points))) error('optionInvalid');
      else if (answer.options.length >= 2 && answer.options.every((o) => o.points === 0)) error('choiceNoPoints');
      break;
    case 'checkboxes':
      if (answer.options.length === 0) error('checkboxesNeedOptions');
      else if (answer.options.some((o) => o.trim() === '')) problems.push({ level: 'warning', code: 'optionLabel' });
      break;
  }
  const full = possible(answer);
  if (question.passPoints !== null && full !== null && !(nonNegative(question.passPoints) && question.passPoints <= full)) {
    error('passPointsRange');
  }
  return problems;
}

/** Every problem of the form, in form order. */
export function problems(draft: Draft): Problem[] {
  const found: Problem[] = [];
  const add = (level: Problem['level'], code: ProblemCode, section: number | null = null, question: number | null = null) =>
    found.push({ level, code, section, question });
  if (draft.name.trim() === '') add('error', 'nameMissing');
  if (draft.passMark !== null && !(Number.isFinite(draft.passMark) && draft.passMark >= 0 && draft.passMark <= 100)) add('error', 'passMarkRange');
  if (draft.sections.length === 0) add('error', 'noSections');
  let scoring = 0;
  draft.sections.forEach((section, s) => {
    if (section.title.trim() === '') add('error', 'sectionTitle', s);
    if (!nonNegative(section.weight)) add('error', 'sectionWeight', s);
    if (section.questions.length === 0) add('warning', 'sectionEmpty', s);
    const sectionScores = section.questions.some((q) => scores(q.answer));
    if (section.weight === 0 && sectionScores) add('warning', 'sectionZeroWeight', s);
    section.questions.forEach((question, q) => {
      for (const p of questionProblems(question)) add(p.level, p.code, s, q);
      if (scores(question.answer)) scoring += 1;
    });
  });
  if (draft.sections.length > 0 && scoring === 0) add('error', 'noScoring');
  return found;
}

/** A number field holds text that is not a number: the form cannot be sent as it is. */
export function hasUnreadableNumbers(draft: Draft): boolean {
  const bad = (n: number | null) => n !== null && !Number.isFinite(n);
  if (bad(draft.passMark)) return true;
  return draft.sections.some(
    (section) =>
      bad(section.weight) ||
      section.questions.some((q) => {
        const a = q.answer;
        const numbers = [q.weight, q.passPoints];
        if (a.type === 'yesNo' || a.type === 'scale') numbers.push(a.points);
        if (a.type === 'points') numbers.push(a.max);
        if (a.type === 'choice') numbers.push(...a.options.map((o) => o.points));
        return numbers.some(bad);
      }),
  );
}

/** Where the first error is: a question (by uid), a section (by index) or the form settings. */
export type ProblemPlace = { kind: 'question'; uid: number } | { kind: 'section'; index: number } | { kind: 'form' };

export function firstErrorPlace(found: readonly Problem[], draft: Draft): ProblemPlace | null {
  const first = found.find((p) => p.level === 'error');
  if (!first) return null;
  if (first.section !== null && first.question !== null) {
    const question = draft.sections[first.section]?.questions[first.question];
    if (question) return { kind: 'question', uid: question.uid };
  }
  if (first.section !== null) return { kind: 'section', index: first.section };
  return { kind: 'form' };
}
