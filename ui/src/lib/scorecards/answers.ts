// Answer types as the designer offers them: one select whose entries map onto the backend's
// AnswerType (Yes / No / N/A is yesNo with allowNa; the two scales are scale 1–5 and 0–10),
// and what changing the type keeps and resets.
import type { AnswerValue } from '../bindings/AnswerValue';
import type { AnswerType } from '../bindings/AnswerType';
import type { Question } from '../bindings/Question';

export const ANSWER_KINDS = ['yesNo', 'yesNoNa', 'scale5', 'scale10', 'choice', 'points', 'text', 'checkboxes'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** The entry of the type select a question shows. */
export function kindOf(question: Pick<Question, 'answer' | 'allowNa'>): AnswerKind {
  const answer = question.answer;
  switch (answer.type) {
    case 'yesNo':
      return question.allowNa ? 'yesNoNa' : 'yesNo';
    case 'scale':
      return answer.min === 0 && answer.max === 10 ? 'scale10' : 'scale5';
    default:
      return answer.type;
  }
}

/** The points a full answer earns, or null for kinds that do not score (as `possible()` in Rust). */
export function possible(answer: AnswerType): number | null {
  switch (answer.type) {
    case 'yesNo':
    case 'scale':
      return answer.points;
    case 'choice':
      return answer.options.reduce((best, option) => Math.max(best, option.points), 0);
    case 'points':
      return answer.max;
    default:
      return null;
  }
}

/** Whether answers of this kind score (text and checkboxes do not, so cannot fail or be disputed). */
export function scores(answer: AnswerType): boolean {
  return possible(answer) !== null;
}

/** Whether two answers are the same answer (unanswered equals unanswered). */
export function sameAnswer(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Points below which an answer fails (by default anything short of full points), or null. */
export function passPointsOf(question: Pick<Question, 'answer' | 'passPoints'>): number | null {
  const full = possible(question.answer);
  if (full === null) return null;
  return question.passPoints ?? full;
}

/** Labels for the options a new choice or checkbox list starts with (in the UI's language). */
export interface DefaultLabels {
  choice: readonly string[];
  checkboxes: readonly string[];
}

function defaultAnswer(kind: AnswerKind, labels: DefaultLabels): AnswerType {
  switch (kind) {
    case 'yesNo':
    case 'yesNoNa':
      return { type: 'yesNo', points: 1 };
    case 'scale5':
      return { type: 'scale', min: 1, max: 5, points: 5 };
    case 'scale10':
      return { type: 'scale', min: 0, max: 10, points: 10 };
    case 'choice': {
      const last = labels.choice.length - 1;
      return { type: 'choice', options: labels.choice.map((label, i) => ({ label, points: last - i })) };
    }
    case 'points':
      return { type: 'points', max: 10 };
    case 'text':
      return { type: 'text' };
    case 'checkboxes':
      return { type: 'checkboxes', options: [...labels.checkboxes] };
  }
}

/** The option labels a question already has (to keep when switching choice ↔ checkboxes). */
function optionLabels(answer: AnswerType): string[] | null {
  if (answer.type === 'choice') return answer.options.map((o) => o.label);
  if (answer.type === 'checkboxes') return [...answer.options];
  return null;
}

/**
 * `question` with its answer type changed to `kind` (in place). Yes/No ↔ Yes/No/N/A only
 * toggles N/A and keeps the points; choice ↔ checkboxes keeps the option labels (a choice's
 * points then run down from the first option to 0); other changes start from the type's
 * defaults. Pass points are reset (their meaning changes with the type), and a type that does
 * not score cannot fail, be N/A or need a comment when failed.
 */
export function setKind(question: Question, kind: AnswerKind, labels: DefaultLabels): void {
  const from = kindOf(question);
  if (from === kind) return;
  const answer = question.answer;
  const labelsNow = optionLabels(answer);
  if ((from === 'yesNo' || from === 'yesNoNa') && (kind === 'yesNo' || kind === 'yesNoNa')) {
    // Same answer, N/A toggled.
  } else if (kind === 'choice' && labelsNow && labelsNow.length >= 2) {
    const last = labelsNow.length - 1;
    question.answer = { type: 'choice', options: labelsNow.map((label, i) => ({ label, points: last - i })) };
  } else if (kind === 'checkboxes' && labelsNow && labelsNow.length >= 1) {
    question.answer = { type: 'checkboxes', options: labelsNow };
  } else {
    question.answer = defaultAnswer(kind, labels);
  }
  question.passPoints = null;
  if (kind === 'yesNo') question.allowNa = false;
  if (kind === 'yesNoNa') question.allowNa = true;
  if (!scores(question.answer)) {
    question.allowNa = false;
    question.failEffect = 'none';
    question.commentRequiredWhenFailed = false;
  }
}
