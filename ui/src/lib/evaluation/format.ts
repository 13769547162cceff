// Scores as people read them: "60 %", "66.7 %" in the UI's language (Persian digits in Persian).
import { formatNumber } from '../i18n';

/** A percentage (0-100) with at most one decimal. */
export function formatPercent(percent: number): string {
  return formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 1 });
}
