// Answers as people read them, in the UI's language: a value described for its question
// ("Yes", "4 of 5", an option's label), the backend's English descriptions translated, and
// the answers a dispute may propose for a question.
import type { AnswerType } from '../bindings/AnswerType';
import type { AnswerValue } from '../bindings/AnswerValue';
import type { Dispute } from '../bindings/Dispute';
import type { Question } from '../bindings/Question';
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';
import { formatNumber, t } from '../i18n';
import { sameAnswer, scores } from '../scorecards/answers';

function points(value: number): string {
  return formatNumber(value, { maximumFractionDigits: 2 });
}

/** An answer to a question of type `type`, described: "Yes", "4 of 5", "Resolved on this call". */
export function describeAnswer(value: AnswerValue | null | undefined, type: AnswerType): string {
  if (!value) return t('evaluation.answer.none');
  switch (value.kind) {
    case 'yes':
      return t('evaluation.answer.yes');
    case 'no':
      return t('evaluation.answer.no');
    case 'na':
      return t('evaluation.answer.na');
    case 'scale':
      return type.type === 'scale' ? t('evaluation.answer.scale', { value: value.value, max: type.max }) : formatNumber(value.value);
    case 'choice':
      return (type.type === 'choice' ? type.options[value.value]?.label : undefined) ?? t('evaluation.answer.option', { n: value.value + 1 });
    case 'points':
      return type.type === 'points'
        ? t('evaluation.answer.pointsOf', { points: points(value.value), max: points(type.max) })
        : points(value.value);
    case 'text':
      return value.value.trim() === '' ? t('evaluation.answer.none') : value.value;
    case 'checked': {
      if (value.value.length === 0) return t('evaluation.answer.noneTicked');
      const options = type.type === 'checkboxes' ? type.options : [];
      return value.value
        .map((i) => options[i] ?? t('evaluation.answer.option', { n: i + 1 }))
        .join(t('evaluation.answer.listSeparator'));
    }
  }
}

const SCALE_TEXT = /^(\d+) of (\d+)$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * An answer the backend described in English (a revision's changes, a dispute's current and
 * proposed answers) in the UI's language: "Yes", "No", "N/A", "4 of 5" and plain numbers are
 * translated; an option's label or free text is the form's own words and stays as written.
 */
export function localizeDescribed(text: string | null | undefined): string {
  if (text === null || text === undefined) return t('evaluation.answer.none');
  if (text === 'Yes') return t('evaluation.answer.yes');
  if (text === 'No') return t('evaluation.answer.no');
  if (text === 'N/A') return t('evaluation.answer.na');
  const scale = SCALE_TEXT.exec(text);
  if (scale) return t('evaluation.answer.scale', { value: Number(scale[1]), max: Number(scale[2]) });
  if (NUMBER_TEXT.test(text)) return points(Number(text));
  return text;
}

/** A value as a `<select>` option's value, and back. */
export function answerKey(value: AnswerValue): string {
  return JSON.stringify(value);
}

export function answerFromKey(key: string): AnswerValue | null {
  try {
    const value: unknown = JSON.parse(key);
    return typeof value === 'object' && value !== null && 'kind' in value ? (value as AnswerValue) : null;
  } catch {
    return null;
  }
}

/** What a dispute of a question may propose: a list of answers, or a number of points. */
export type DisputeChoices = { kind: 'values'; values: AnswerValue[] } | { kind: 'points'; max: number; allowNa: boolean };

/**
 * The answers a dispute of `question` may propose, leaving out the one it has now: yes/no
 * (and N/A when the question allows it), every value of a scale, every option of a choice, or
 * a number of points up to the maximum. Null for questions that do not score.
 */
export function disputeChoices(question: Question, current: AnswerValue | null = null): DisputeChoices | null {
  const type = question.answer;
  const na: AnswerValue[] = question.allowNa ? [{ kind: 'na' }] : [];
  let values: AnswerValue[];
  switch (type.type) {
    case 'yesNo':
      values = [{ kind: 'yes' }, { kind: 'no' }, ...na];
      break;
    case 'scale':
      values = [];
      for (let v = type.min; v <= type.max; v++) values.push({ kind: 'scale', value: v });
      values.push(...na);
      break;
    case 'choice':
      values = [...type.options.map((_, i): AnswerValue => ({ kind: 'choice', value: i })), ...na];
      break;
    case 'points':
      return { kind: 'points', max: type.max, allowNa: question.allowNa };
    default:
      return null;
  }
  return { kind: 'values', values: values.filter((v) => !sameAnswer(v, current)) };
}

const DIGITS: Record<string, string> = {
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '٫': '.', ',': '.', '،': '.',
};

/** Points typed by a person ("2.5", "2,5", "۲٫۵") within 0…max, or null when not a number in range. */
export function parsePoints(text: string, max: number): number | null {
  const plain = text.trim().replace(/[۰-۹٠-٩٫,،]/g, (c) => DIGITS[c] ?? c);
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) && value >= 0 && value <= max ? value : null;
}

export interface DisputableQuestion {
  key: string;
  text: string;
  section: string;
}

/** The questions a dispute may be about: the scoring ones without an open dispute, in form order. */
export function disputableQuestions(definition: ScorecardDefinition, disputes: readonly Dispute[]): DisputableQuestion[] {
  const open = new Set(disputes.filter((d) => d.status === 'open').map((d) => d.question));
  return definition.sections.flatMap((section) =>
    section.questions
      .filter((q) => scores(q.answer) && !open.has(q.key))
      .map((q) => ({ key: q.key, text: q.text, section: section.title })),
  );
}
