// How sample facts read: the moment a sample was drawn (in the viewer's time zone), its
// population hash shortened, its progress.
import { formatDateTime, formatNumber, t } from '../i18n';

/** The viewer's IANA time zone, when the platform says. */
function localZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** A moment stored in UTC (drawn at, completed at) as the viewer's local date and time. */
export function formatMoment(iso: string | null | undefined): string {
  return formatDateTime(iso, localZone());
}

/** The first 12 hex digits of a hash: enough to tell samples apart, the full one in a tooltip. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/** "3 of 8". */
export function formatProgress(done: number, total: number): string {
  return t('samples.progress', { done: formatNumber(done), total: formatNumber(total) });
}
