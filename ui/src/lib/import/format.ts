// How an import's progress and times read: rates, time left, elapsed time, phase and failure
// texts, in the current locale's words and digits. Pure apart from the locale, so tested.
import type { ApiError } from '../api';
import type { ImportPhase } from '../bindings/ImportPhase';
import type { ImportProgress } from '../bindings/ImportProgress';
import { formatDateTime, formatNumber, hasMessage, t, type MessageKey } from '../i18n';

/** 0.46 → "0.5", 7.25 → "7.3", 120.4 → "120": one decimal only while it still says something. */
function amount(value: number): string {
  const digits = value < 10 ? 1 : 0;
  return formatNumber(value, { maximumFractionDigits: digits });
}

/** Files per second: "35 files/s", "0.5 files/s". */
export function formatRate(filesPerSecond: number): string {
  const rate = Number.isFinite(filesPerSecond) && filesPerSecond > 0 ? filesPerSecond : 0;
  return t('import.progress.rate', { rate: amount(rate) });
}

/**
 * A length of time: "0.4 s", "12 s", "2 min 5 s", "1 h 20 min". Under a minute it keeps a
 * decimal below ten seconds; from an hour on, seconds are left out.
 */
export function formatSeconds(seconds: number): string {
  const value = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  if (value < 59.5) return t('import.time.seconds', { s: amount(value < 10 ? value : Math.round(value)) });
  const whole = Math.round(value);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return t('import.time.hoursMinutes', { h: hours, m: minutes });
  const rest = whole % 60;
  return rest === 0 ? t('import.time.minutes', { m: minutes }) : t('import.time.minutesSeconds', { m: minutes, s: rest });
}

/**
 * The time left, rounded as an estimate should be: "about 45 s left" (to 5 s),
 * "about 3 min left" (to the minute), "about 1 h 20 min left"; under 5 s "a few seconds left".
 * Null when it is not known yet.
 */
export function formatTimeLeft(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 5) return t('import.progress.fewSeconds');
  const rounded = seconds < 60 ? Math.max(5, Math.round(seconds / 5) * 5) : Math.round(seconds / 60) * 60;
  const time = rounded < 60 ? t('import.time.seconds', { s: rounded }) : formatSeconds(rounded);
  return t('import.progress.timeLeft', { time });
}

export function phaseLabel(phase: ImportPhase | null): string {
  return phase ? t(`import.progress.phase.${phase}`) : t('import.progress.running');
}

/** "120 of 400 files", or null while the files are still being counted. */
export function progressCount(progress: ImportProgress | null): string | null {
  if (!progress || progress.phase === 'scanning') return null;
  return t('import.progress.count', { done: progress.done, total: progress.total });
}

/** The bar's value in 0…total, or null for an indeterminate bar (scanning, not known yet). */
export function progressValue(progress: ImportProgress | null): { now: number; max: number } | null {
  if (!progress || progress.phase === 'scanning') return null;
  if (progress.phase === 'done') return { now: Math.max(1, progress.total), max: Math.max(1, progress.total) };
  if (progress.total <= 0) return null;
  return { now: Math.min(progress.done, progress.total), max: progress.total };
}

/** The parts of the line under the bar, in order: count, rate, time left (those known). */
export function progressDetails(progress: ImportProgress | null): string[] {
  if (!progress) return [];
  const parts: string[] = [];
  const count = progressCount(progress);
  if (count) parts.push(count);
  if (progress.phase === 'reading' && progress.done > 0) {
    parts.push(formatRate(progress.filesPerSecond));
    const left = formatTimeLeft(progress.secondsLeft);
    if (left) parts.push(left);
  }
  return parts;
}

const NO_SUCH_PATH = /^(.*): no such file or folder$/;

/** What to tell a person about a failed import (a known code in their language). */
export function failureText(error: ApiError): string {
  if (error.code === 'no_such_path') {
    const path = NO_SUCH_PATH.exec(error.message)?.[1];
    if (path) return t('import.failed.noSuchPath', { path });
  }
  const key = `errors.${error.code}`;
  return hasMessage(key) ? t(key) : error.message;
}

const ROW_LABEL = /^row (\d+): (.*)$/;

/** A CDR row without a recording ("row 12: 1762086583.42" from the backend), in words. */
export function rowWithoutRecording(text: string): string {
  const match = ROW_LABEL.exec(text);
  if (!match) return text;
  const label = /^\d{4}-\d{2}-\d{2}T/.test(match[2]) ? formatDateTime(match[2]) : match[2];
  return t('import.summary.cdr.rowLabel', { row: Number(match[1]), label });
}

const FIELD_LABELS: Record<string, MessageKey> = {
  direction: 'library.col.direction',
  agent: 'library.col.agent',
  queue: 'library.col.queue',
  caller: 'library.col.caller',
  callee: 'library.col.callee',
  'call id': 'import.pattern.callId',
  start: 'library.col.start',
};

/** The name of a field a CDR conflict is about ("call id" → "Call ID"). */
export function conflictField(field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/** A value of a CDR conflict as the Library would show it (times, directions). */
export function conflictValue(field: string, value: string): string {
  if (field === 'start') return formatDateTime(value);
  if (field === 'direction' && (value === 'inbound' || value === 'outbound' || value === 'internal')) return t(`direction.${value}`);
  return value;
}
