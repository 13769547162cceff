// One evaluation as its detail shows it: scores as percents, sections with their questions and
// answers, pinned comments in call order, what is acknowledged, disputes open first.
import type { Acknowledgement } from '../bindings/Acknowledgement';
import type { Dispute } from '../bindings/Dispute';
import type { EvaluationView } from '../bindings/EvaluationView';
import type { FailEffect } from '../bindings/FailEffect';
import type { RevisionInfo } from '../bindings/RevisionInfo';
import { t } from '../i18n';
import { scores } from '../scorecards/answers';
import { formatPercent } from '../scorecards/format';
import { describeAnswer } from './answers';
import { isolate } from './bidi';

/** A score in percent (0-100) for the locale: "82%", "87.5%" ("۸۲٪"); '' when there is none. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '';
  return formatPercent(score);
}

/** "82%", or for a critical fail the shown 0 with the computed score: "0% (computed 82%)". */
export function scoreText(score: number | null, computed: number | null, criticalFailed: boolean): string {
  if (score === null) return '—';
  if (!criticalFailed || computed === null) return formatScore(score);
  return t('evaluation.score.withComputed', { score: formatScore(score), computed: formatScore(computed) });
}

export interface QuestionView {
  key: string;
  text: string;
  /** The answer described, or "Not answered". */
  answer: string;
  answered: boolean;
  scoring: boolean;
  failed: boolean;
  na: boolean;
  failEffect: FailEffect;
  comment: string;
  /** Unweighted points, for scoring questions answered (not N/A). */
  earned: number | null;
  possible: number | null;
}

export interface SectionView {
  key: string;
  title: string;
  /** Null for a section with nothing scored (unanswered, all N/A, or only notes). */
  percent: number | null;
  autoFailed: boolean;
  questions: QuestionView[];
}

/** The form's sections with each question's answer, comment and how it scored. */
export function sectionsOf(view: EvaluationView): SectionView[] {
  const sectionScores = new Map(view.score.sections.map((s) => [s.key, s]));
  const questionScores = new Map(view.score.questions.map((q) => [q.key, q]));
  return view.form.definition.sections.map((section) => {
    const scored = sectionScores.get(section.key);
    return {
      key: section.key,
      title: section.title,
      percent: scored && scored.possible > 0 ? (scored.percent ?? null) : null,
      autoFailed: scored?.autoFailed ?? false,
      questions: section.questions.map((question) => {
        const answer = view.content.answers[question.key];
        const score = questionScores.get(question.key);
        const counted = score !== undefined && !score.na && answer?.value != null;
        return {
          key: question.key,
          text: question.text,
          answer: describeAnswer(answer?.value ?? null, question.answer),
          answered: answer?.value != null,
          scoring: scores(question.answer),
          failed: score?.failed ?? false,
          na: score?.na ?? false,
          failEffect: question.failEffect,
          comment: answer?.comment.trim() ?? '',
          earned: counted ? score.earned : null,
          possible: counted ? score.possible : null,
        };
      }),
    };
  });
}

export interface PinView {
  id: number;
  atMs: number;
  text: string;
  /** The text of the question the comment is about, if any. */
  question: string | null;
}

/** The comments pinned to moments of the call, in call order. */
export function pinsOf(view: EvaluationView): PinView[] {
  const texts = new Map(view.form.definition.sections.flatMap((s) => s.questions.map((q) => [q.key, q.text] as const)));
  return [...view.content.pins]
    .sort((a, b) => a.atMs - b.atMs || a.id - b.id)
    .map((pin) => ({ id: pin.id, atMs: pin.atMs, text: pin.text, question: pin.question ? (texts.get(pin.question) ?? null) : null }));
}

/** Whether the overall feedback says anything. */
export function hasFeedback(view: EvaluationView): boolean {
  const { strengths, improvements, notes } = view.content.feedback;
  return [strengths, improvements, notes].some((text) => text.trim() !== '');
}

/** The acknowledgement of the newest revision, if the agent gave one. */
export function currentAcknowledgement(view: EvaluationView): Acknowledgement | null {
  return view.acknowledgements.find((a) => a.revision === view.evaluation.revision) ?? null;
}

/** Disputes open first (oldest first, as they wait), then the resolved ones, newest first. */
export function orderedDisputes(disputes: readonly Dispute[]): Dispute[] {
  const open = disputes.filter((d) => d.status === 'open').sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const closed = disputes
    .filter((d) => d.status !== 'open')
    .sort((a, b) => (b.resolvedAt ?? b.raisedAt).localeCompare(a.resolvedAt ?? a.raisedAt));
  return [...open, ...closed];
}

/**
 * Why a revision was made, in the UI's language where the backend wrote it: an accepted
 * dispute's revision reads "Dispute accepted: <the lead's reply>".
 */
export function revisionReason(revision: RevisionInfo): string {
  const prefix = `Dispute #${revision.disputeId} accepted: `;
  if (revision.disputeId !== null && revision.reason.startsWith(prefix)) {
    return t('evaluation.history.disputeAccepted', { reply: isolate(revision.reason.slice(prefix.length)) });
  }
  return revision.reason;
}

/** Revisions newest first (the submission, revision 1, last). */
export function revisionsNewestFirst(view: EvaluationView): EvaluationView['revisions'] {
  return [...view.revisions].sort((a, b) => b.revision - a.revision);
}
