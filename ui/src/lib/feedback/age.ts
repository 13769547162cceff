// How old a dispute is, in words: "3 days", "5 hours", "12 minutes", "under a minute".
import { t } from '../i18n';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * An age in seconds in the largest whole unit it fills: from a day on, days ("1 day",
 * "3 days"); from an hour, hours; from a minute, minutes; below that "under a minute".
 * Rounded down, so "2 days" is at least two full days. Negative or unknown ages read as new.
 */
export function formatAge(seconds: number): string {
  const age = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  if (age >= DAY) return t('dispute.age.days', { count: Math.floor(age / DAY) });
  if (age >= HOUR) return t('dispute.age.hours', { count: Math.floor(age / HOUR) });
  if (age >= MINUTE) return t('dispute.age.minutes', { count: Math.floor(age / MINUTE) });
  return t('dispute.age.new');
}

/** Open for a week or more: worth flagging in a list of open disputes. */
export function isStale(seconds: number): boolean {
  return seconds >= 7 * DAY;
}
