// How scorecard figures read, in the UI's language and digits: points, weights, shares, a
// question's answers ("Yes = 1 pt"), and what a save did.
import type { NaScoring } from '../bindings/NaScoring';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { formatNumber, t } from '../i18n';
import type { PreviewEntry } from './preview';

/** 2 → "2", 0.5 → "0.5", 1.3333 → "1.33" (at most two decimals, as the backend writes points). */
export function formatPoints(points: number): string {
  if (!Number.isFinite(points)) return '—';
  return formatNumber(points, { maximumFractionDigits: 2 });
}

/** A question's number in its section, "2.3", in the locale's digits. */
export function questionNumber(section: number, question: number): string {
  return `${formatNumber(section + 1)}.${formatNumber(question + 1)}`;
}

/** "1 pt", "2.5 pts". */
export function pointsText(points: number): string {
  return t('scorecards.points', { count: points, points: formatPoints(points) });
}

/** A share from 0 to 1 as a percentage: 0.387 → "38.7%". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 1 });
}

/** A percentage given as 0–100 (a pass mark, a score): 80 → "80%". */
export function formatPercent(percent: number): string {
  return formatShare(percent / 100);
}

/** One answer and what it earns: "Yes = 1 pt", "4 = 4 pts", "N/A: left out". */
export function entryText(entry: PreviewEntry): string {
  switch (entry.kind) {
    case 'yes':
      return t('scorecards.preview.entry', { answer: t('scorecards.answer.yes'), points: pointsText(entry.points) });
    case 'no':
      return t('scorecards.preview.entry', { answer: t('scorecards.answer.no'), points: pointsText(entry.points) });
    case 'value':
      return t('scorecards.preview.entry', { answer: formatNumber(entry.value), points: pointsText(entry.points) });
    case 'option':
      // The label is isolated: an English label in a Persian sentence keeps its own direction.
      return t('scorecards.preview.entry', { answer: `\u2068${entry.label.trim() || '…'}\u2069`, points: pointsText(entry.points) });
    case 'range':
      return t('scorecards.preview.range', { max: pointsText(entry.max) });
    case 'na':
      return entry.points === null ? t('scorecards.preview.naExcluded') : t('scorecards.preview.entry', { answer: t('scorecards.answer.na'), points: pointsText(entry.points) });
  }
}

export function naScoringText(naScoring: NaScoring): string {
  return naScoring === 'countAsEarned' ? t('scorecards.form.na.countAsEarned') : t('scorecards.form.na.exclude');
}

/** What a save did, for the person who saved: created, nothing to save, in place, or a new version. */
export function saveMessage(outcome: SaveOutcome | { created: number }): string {
  if ('created' in outcome) return t('scorecards.saved.created', { version: outcome.created });
  const version = outcome.form.version;
  if (outcome.unchanged) return t('scorecards.saved.unchanged', { version });
  if (outcome.newVersion) return t('scorecards.saved.newVersion', { version, previous: version - 1 });
  return t('scorecards.saved.inPlace', { version });
}

/** What an import did; `existed` says whether a form of that name was there before. */
export function importMessage(outcome: SaveOutcome, existed: boolean): string {
  const name = outcome.form.definition.name;
  const version = outcome.form.version;
  if (outcome.unchanged) return t('scorecards.imported.unchanged', { name, version });
  if (!existed) return t('scorecards.imported.created', { name });
  if (outcome.newVersion) return t('scorecards.imported.version', { name, version });
  return t('scorecards.imported.inPlace', { name, version });
}
