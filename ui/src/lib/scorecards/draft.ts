// The form being edited: the definition with an id on each section and question so that the
// page can follow them as they move (keys are not enough: new items have none until saved),
// and the designer's operations on it. The operations change the draft in place, which suits
// a `$state` proxy as well as a plain object in a test.
import type { AnswerType } from '../bindings/AnswerType';
import type { Question } from '../bindings/Question';
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';
import type { Section } from '../bindings/Section';
import { fillKeys } from './keys';

export interface DraftQuestion extends Question {
  uid: number;
}

export interface DraftSection extends Omit<Section, 'questions'> {
  uid: number;
  questions: DraftQuestion[];
}

export interface Draft extends Omit<ScorecardDefinition, 'sections'> {
  sections: DraftSection[];
}

let lastUid = 0;

function uid(): number {
  lastUid += 1;
  return lastUid;
}

// Copies are made by hand, not with structuredClone: the draft lives in a `$state` proxy, which
// structuredClone refuses.

export function cloneAnswer(answer: AnswerType): AnswerType {
  switch (answer.type) {
    case 'choice':
      return { type: 'choice', options: answer.options.map((o) => ({ label: o.label, points: o.points })) };
    case 'checkboxes':
      return { type: 'checkboxes', options: [...answer.options] };
    default:
      return { ...answer };
  }
}

/** A deep copy of a definition (a plain object, even from a proxy). */
export function cloneDefinition(definition: ScorecardDefinition): ScorecardDefinition {
  return {
    name: definition.name,
    description: definition.description,
    naScoring: definition.naScoring,
    passMark: definition.passMark,
    sections: definition.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => ({ ...question, answer: cloneAnswer(question.answer) })),
    })),
  };
}

export function toDraft(definition: ScorecardDefinition): Draft {
  const copy = cloneDefinition(definition);
  return {
    ...copy,
    sections: copy.sections.map((section) => ({
      ...section,
      uid: uid(),
      questions: section.questions.map((question) => ({ ...question, uid: uid() })),
    })),
  };
}

/** The definition to save: the draft without the page's ids. Keys are left as they are. */
export function toDefinition(draft: Draft): ScorecardDefinition {
  return {
    name: draft.name,
    description: draft.description,
    naScoring: draft.naScoring,
    passMark: draft.passMark,
    sections: draft.sections.map(({ uid: _s, questions, ...section }) => ({
      ...section,
      questions: questions.map(({ uid: _q, ...question }) => ({ ...question, answer: cloneAnswer(question.answer) })),
    })),
  };
}

/** The definition to send: trimmed name, and keys for new sections and questions. */
export function forSaving(draft: Draft): ScorecardDefinition {
  const definition = toDefinition(draft);
  definition.name = definition.name.trim();
  fillKeys(definition);
  return definition;
}

export function newQuestion(): DraftQuestion {
  return {
    uid: uid(),
    key: '',
    text: '',
    help: '',
    guidelines: '',
    answer: { type: 'yesNo', points: 1 },
    weight: 1,
    allowNa: false,
    required: true,
    commentRequiredWhenFailed: false,
    failEffect: 'none',
    passPoints: null,
  };
}

export function newSection(weight = 1): DraftSection {
  return { uid: uid(), key: '', title: '', description: '', weight, questions: [newQuestion()] };
}

/** A blank form: one section with one yes/no question. */
export function blankDraft(name: string): Draft {
  return { name, description: '', naScoring: 'exclude', passMark: null, sections: [newSection()] };
}

/** Moves `list[index]` by `delta` places; false when it would leave the list. */
function move<T>(list: T[], index: number, delta: number): boolean {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}

/**
 * Adds a section after `after` (at the end by default), weighted like the nearest section before
 * it that counts (weight above 0: a "notes" section weighted 0 is no model), else 1.
 */
export function addSection(draft: Draft, after = draft.sections.length - 1): DraftSection {
  const previous = draft.sections
    .slice(0, after + 1)
    .reverse()
    .find((s) => Number.isFinite(s.weight) && s.weight > 0);
  const section = newSection(previous?.weight ?? 1);
  draft.sections.splice(after + 1, 0, section);
  return section;
}

export function removeSection(draft: Draft, index: number): void {
  draft.sections.splice(index, 1);
}

export function moveSection(draft: Draft, index: number, delta: -1 | 1): boolean {
  return move(draft.sections, index, delta);
}

/** Adds a question to section `sectionIndex`, after `after` (at its end by default). */
export function addQuestion(draft: Draft, sectionIndex: number, after?: number): DraftQuestion {
  const questions = draft.sections[sectionIndex].questions;
  const question = newQuestion();
  questions.splice((after ?? questions.length - 1) + 1, 0, question);
  return question;
}

/** A copy of a question right after it, with no key (it is a new question). */
export function duplicateQuestion(draft: Draft, sectionIndex: number, index: number): DraftQuestion {
  const questions = draft.sections[sectionIndex].questions;
  const { uid: _uid, ...source } = questions[index];
  const copy: DraftQuestion = { ...source, answer: cloneAnswer(source.answer), uid: uid(), key: '' };
  questions.splice(index + 1, 0, copy);
  return copy;
}

export function removeQuestion(draft: Draft, sectionIndex: number, index: number): void {
  draft.sections[sectionIndex].questions.splice(index, 1);
}

export interface Position {
  section: number;
  question: number;
}

/** Whether a question can move by `delta`: across into the next or previous section too. */
export function canMoveQuestion(draft: Draft, sectionIndex: number, index: number, delta: -1 | 1): boolean {
  const to = index + delta;
  if (to >= 0 && to < draft.sections[sectionIndex].questions.length) return true;
  const next = sectionIndex + delta;
  return next >= 0 && next < draft.sections.length;
}

/**
 * Moves a question one place up or down. At the top of a section it goes to the end of the
 * section before; at the bottom, to the start of the section after. Returns where it went, or
 * null when it cannot move.
 */
export function moveQuestion(draft: Draft, sectionIndex: number, index: number, delta: -1 | 1): Position | null {
  const questions = draft.sections[sectionIndex].questions;
  if (move(questions, index, delta)) return { section: sectionIndex, question: index + delta };
  const next = sectionIndex + delta;
  if (next < 0 || next >= draft.sections.length || index < 0 || index >= questions.length) return null;
  const [question] = questions.splice(index, 1);
  const target = draft.sections[next].questions;
  if (delta < 0) {
    target.push(question);
    return { section: next, question: target.length - 1 };
  }
  target.unshift(question);
  return { section: next, question: 0 };
}

/** Adds an option to a choice (worth 0 points) or checkbox question. */
export function addOption(question: Question, label = ''): void {
  if (question.answer.type === 'choice') question.answer.options.push({ label, points: 0 });
  else if (question.answer.type === 'checkboxes') question.answer.options.push(label);
}

export function removeOption(question: Question, index: number): void {
  if (question.answer.type === 'choice' || question.answer.type === 'checkboxes') question.answer.options.splice(index, 1);
}

export function moveOption(question: Question, index: number, delta: -1 | 1): boolean {
  if (question.answer.type === 'choice') return move(question.answer.options, index, delta);
  if (question.answer.type === 'checkboxes') return move(question.answer.options, index, delta);
  return false;
}

/**
 * A name for a copy that no form has yet: `name` itself when free, else "name (copy)", then
 * "name (copy 2)"… as `copyName` words it (in the UI's language).
 */
export function uniqueName(name: string, taken: Iterable<string>, copyName: (name: string, n: number) => string): string {
  const names = new Set(Array.from(taken, (n) => n.trim()));
  const base = name.trim();
  if (!names.has(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = copyName(base, n).trim();
    if (!names.has(candidate)) return candidate;
  }
}
