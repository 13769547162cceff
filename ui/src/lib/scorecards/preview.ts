// What a form's answers earn, before anyone scores with it: each question's answers with their
// points (and which of them fail), and each section's weighted maximum and share of the score.
// The arithmetic is the backend's (src/scorecard/score.rs).
import type { NaScoring } from '../bindings/NaScoring';
import type { Question } from '../bindings/Question';
import type { Section } from '../bindings/Section';
import { passPointsOf, possible } from './answers';

export type PreviewEntry =
  | { kind: 'yes' | 'no'; points: number; fails: boolean }
  /** N/A: `points` null when left out of the score, else counted as full points. */
  | { kind: 'na'; points: number | null; fails: false }
  | { kind: 'value'; value: number; points: number; fails: boolean }
  | { kind: 'option'; label: string; points: number; fails: boolean }
  /** Points given freely from 0 to `max`. */
  | { kind: 'range'; max: number; fails: boolean };

type QuestionLike = Pick<Question, 'answer' | 'allowNa' | 'passPoints'>;

/** The answers of `question` and what each earns (unweighted); [] for kinds that do not score. */
export function answerPreview(question: QuestionLike, naScoring: NaScoring): PreviewEntry[] {
  const full = possible(question.answer);
  if (full === null) return [];
  const pass = passPointsOf(question) ?? full;
  const fails = (points: number) => points < pass;
  const answer = question.answer;
  const entries: PreviewEntry[] = [];
  switch (answer.type) {
    case 'yesNo':
      entries.push({ kind: 'yes', points: answer.points, fails: fails(answer.points) });
      entries.push({ kind: 'no', points: 0, fails: fails(0) });
      break;
    case 'scale':
      for (let value = answer.min; value <= answer.max; value++) {
        const points = (answer.points * value) / answer.max;
        entries.push({ kind: 'value', value, points, fails: fails(points) });
      }
      break;
    case 'choice':
      for (const option of answer.options) entries.push({ kind: 'option', label: option.label, points: option.points, fails: fails(option.points) });
      break;
    case 'points':
      entries.push({ kind: 'range', max: answer.max, fails: pass > 0 });
      break;
  }
  if (question.allowNa) entries.push({ kind: 'na', points: naScoring === 'countAsEarned' ? full : null, fails: false });
  return entries;
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** The most a question adds to its section: possible × question weight × section weight. */
export function questionMaximum(question: Pick<Question, 'answer' | 'weight'>, sectionWeight: number): number {
  const full = possible(question.answer);
  if (full === null) return 0;
  return finite(full) * finite(question.weight) * finite(sectionWeight);
}

export interface SectionMaximum {
  /** Σ possible × weight over the section's scoring questions. */
  maximum: number;
  /** The section's part of the whole form's maximum (0 to 1); null when the form scores nothing. */
  share: number | null;
  scoring: number;
}

export interface FormMaximum {
  sections: SectionMaximum[];
  total: number;
}

/** Each section's weighted maximum and share of the form's, with every question answered. */
export function formMaximum(sections: readonly Pick<Section, 'weight' | 'questions'>[]): FormMaximum {
  const maxima = sections.map((section) => ({
    maximum: section.questions.reduce((sum, q) => sum + questionMaximum(q, section.weight), 0),
    scoring: section.questions.filter((q) => possible(q.answer) !== null).length,
  }));
  const total = maxima.reduce((sum, s) => sum + s.maximum, 0);
  return {
    total,
    sections: maxima.map((s) => ({ ...s, share: total > 0 ? s.maximum / total : null })),
  };
}
