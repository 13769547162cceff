// Times on the call page: the player's clock ("1:23.4", "1:02:03.5") in the locale's digits,
// reading a time a reviewer types ("83", "1:23", "1:02:03.5", also in Persian digits), and
// moving the playhead smoothly between the player's 25 updates a second.
import { formatNumber } from '../i18n';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian and Arabic-Indic digits to ASCII; the Arabic decimal separator and commas to '.'. */
export function normalizeDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) out += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) out += String(code - ARABIC_INDIC_ZERO);
    else if (char === '٫' || char === ',' || char === '،') out += '.';
    else if (char === '：') out += ':';
    else out += char;
  }
  return out;
}

const TIME = /^(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A typed time in milliseconds: "83" or "83.5" (seconds), "1:23" (m:ss), "1:02:03.5" (h:mm:ss.t).
 * Seconds after a colon must be under 60, and minutes too when hours are given. Null when the
 * text is not a time.
 */
export function parseTime(text: string): number | null {
  const match = TIME.exec(normalizeDigits(text).replace(/\s+/g, ''));
  if (!match) return null;
  const [, first, second, last] = match;
  const seconds = Number(last);
  let hours = 0;
  let minutes = 0;
  if (first !== undefined && second !== undefined) {
    hours = Number(first);
    minutes = Number(second);
    if (minutes >= 60) return null;
  } else if (first !== undefined) {
    minutes = Number(first);
  }
  if (first !== undefined && seconds >= 60) return null;
  const ms = Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The player's clock: m:ss.t under an hour, h:mm:ss.t from an hour on (tenths left out with
 * `tenths: false`), in the locale's digits. Rounds down, as a clock does.
 */
export function formatClock(ms: number, tenths = true): string {
  const value = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const totalTenths = Math.floor(value / 100);
  const totalSeconds = Math.floor(totalTenths / 10);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const plain = (n: number) => formatNumber(n, { useGrouping: false });
  const two = (n: number) => formatNumber(n, { minimumIntegerDigits: 2, useGrouping: false });
  const secondsText = tenths
    ? formatNumber((seconds * 10 + (totalTenths % 10)) / 10, {
        minimumIntegerDigits: 2,
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        useGrouping: false,
      })
    : two(seconds);
  return hours > 0 ? `${plain(hours)}:${two(minutes)}:${secondsText}` : `${plain(minutes)}:${secondsText}`;
}

/** The last position the player reported and when it arrived (performance.now() milliseconds). */
export interface PositionSample {
  positionMs: number;
  receivedAt: number;
  playing: boolean;
  speed: number;
  durationMs: number;
}

/** How far past the last report the playhead may run on its own before the next one. */
export const MAX_EXTRAPOLATION_MS = 120;

/**
 * Where the playhead is now: the reported position, moved on by the time since it arrived
 * (at the playback speed) while playing, by at most MAX_EXTRAPOLATION_MS and never past the end.
 */
export function extrapolate(sample: PositionSample, now: number): number {
  if (!sample.playing) return sample.positionMs;
  const elapsed = Math.min(Math.max(0, now - sample.receivedAt), MAX_EXTRAPOLATION_MS);
  const position = sample.positionMs + elapsed * sample.speed;
  return sample.durationMs > 0 ? Math.min(position, sample.durationMs) : position;
}
