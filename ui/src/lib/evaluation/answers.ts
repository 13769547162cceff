// The answers a question offers as buttons, with the key that picks each from the keyboard:
// numbers answer (1 Yes, 2 No; a scale's values; a choice's options in order), N is N/A. A
// two-digit value (10 on a 0-10 scale) is typed as two digits in quick succession.
import type { AnswerValue } from '../bindings/AnswerValue';
import type { Question } from '../bindings/Question';

export interface AnswerChoice {
  value: AnswerValue;
  /** The key (or digits) that picks it. */
  key: string;
  /** Yes, No and N/A are translated; scale values and option labels are shown as they are. */
  kind: 'yes' | 'no' | 'na' | 'scale' | 'choice';
  label: string;
}

/** How long a first digit waits for a second one (1 then 0 is 10). */
export const DIGIT_JOIN_MS = 800;

export const NA_KEY = 'n';

/** The buttons of a question that is answered by picking; empty for points, text, checkboxes. */
export function answerChoices(question: Question): AnswerChoice[] {
  const answer = question.answer;
  const choices: AnswerChoice[] = [];
  switch (answer.type) {
    case 'yesNo':
      choices.push({ value: { kind: 'yes' }, key: '1', kind: 'yes', label: 'Yes' });
      choices.push({ value: { kind: 'no' }, key: '2', kind: 'no', label: 'No' });
      break;
    case 'scale':
      for (let v = answer.min; v <= answer.max; v++) {
        choices.push({ value: { kind: 'scale', value: v }, key: String(v), kind: 'scale', label: String(v) });
      }
      break;
    case 'choice':
      answer.options.forEach((option, index) => {
        choices.push({ value: { kind: 'choice', value: index }, key: String(index + 1), kind: 'choice', label: option.label });
      });
      break;
    default:
      return [];
  }
  if (question.allowNa) choices.push({ value: { kind: 'na' }, key: NA_KEY, kind: 'na', label: 'N/A' });
  return choices;
}

/** The digit or letter a key press means, whatever the keyboard layout (Persian digits too). */
export function answerKey(key: string, code = ''): string | null {
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1];
  if (/^[0-9]$/.test(key)) return key;
  const persian = '۰۱۲۳۴۵۶۷۸۹'.indexOf(key);
  if (persian >= 0) return String(persian);
  const arabic = '٠١٢٣٤٥٦٧٨٩'.indexOf(key);
  if (arabic >= 0) return String(arabic);
  if (code === 'KeyN' || key.toLowerCase() === NA_KEY) return NA_KEY;
  return null;
}

export interface PendingDigit {
  key: string;
  at: number;
}

/**
 * The answer a key picks on `question`, given the digit typed just before (for two-digit
 * values), and what to remember for the next key. `null` answer: the key picks nothing.
 */
export function answerForKey(
  question: Question,
  key: string,
  pending: PendingDigit | null,
  now: number,
): { value: AnswerValue | null; pending: PendingDigit | null } {
  const choices = answerChoices(question);
  if (pending && now - pending.at <= DIGIT_JOIN_MS) {
    const joined = choices.find((c) => c.key === pending.key + key);
    if (joined) return { value: joined.value, pending: null };
  }
  const single = choices.find((c) => c.key === key);
  // A digit that starts a longer key (1 of 10) is remembered for the next press.
  const starts = /^[0-9]$/.test(key) && choices.some((c) => c.key.length > 1 && c.key.startsWith(key));
  return { value: single?.value ?? null, pending: starts ? { key, at: now } : null };
}
