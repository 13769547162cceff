// How speech metrics read, in the Library's cells and on the call page, in the locale's digits.
import { formatNumber, t } from '../i18n';
import { formatSeconds } from '../import/format';

/** 0.423 → "42%" (Persian: "۴۲٪"); '' for null. */
export function formatShare(share: number | null | undefined, fractionDigits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  return formatNumber(share, { style: 'percent', maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits });
}

/**
 * A small share such as clipping: "0%" when there is none, else with enough decimals to say
 * something ("0.02%"), never rounded down to zero.
 */
export function formatSmallShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '';
  if (share <= 0) return formatShare(0);
  if (share >= 0.1) return formatShare(share);
  if (share >= 0.01) return formatShare(share, 1);
  const floor = 0.0001;
  return formatNumber(Math.max(share, floor), { style: 'percent', maximumSignificantDigits: 2 });
}

/** A length in milliseconds as "4.2 s", "42 s", "2 min 5 s"; '' for null. */
export function formatLength(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  return formatSeconds(ms / 1000);
}

/**
 * A length in seconds only, for a sortable table column: "4.2 s", "42 s", "125 s" (one decimal
 * below ten seconds); '' for null.
 */
export function formatSecondsOnly(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const seconds = Math.max(0, ms) / 1000;
  const rounded = seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  return t('import.time.seconds', { s: formatNumber(rounded, { maximumFractionDigits: 1 }) });
}

/** Integrated loudness: "−23.4 LUFS" (`unit: false` leaves the unit out); '' for null. */
export function formatLufs(lufs: number | null | undefined, unit = true): string {
  if (lufs === null || lufs === undefined || !Number.isFinite(lufs)) return '';
  const value = formatNumber(lufs, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return unit ? t('call.metrics.lufsValue', { value }) : value;
}

/** A gain in dB with its sign: "+3.5 dB", "−2.0 dB". */
export function formatGainDb(db: number): string {
  const value = formatNumber(db, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return t('call.normalize.gain', { value });
}

/** "1.25×" for a playback speed. */
export function formatSpeed(speed: number): string {
  return t('call.speedValue', { value: formatNumber(speed, { maximumFractionDigits: 2 }) });
}
