import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { extrapolate, formatClock, MAX_EXTRAPOLATION_MS, normalizeDigits, parseTime } from './time';

afterEach(() => setLocale('en'));

describe('parseTime', () => {
  it('reads seconds, m:ss and h:mm:ss with tenths', () => {
    expect(parseTime('83')).toBe(83_000);
    expect(parseTime('83.5')).toBe(83_500);
    expect(parseTime('1:23')).toBe(83_000);
    expect(parseTime('0:05')).toBe(5_000);
    expect(parseTime('1:02:03.5')).toBe(3_723_500);
    expect(parseTime('90:00')).toBe(5_400_000); // minutes alone may pass 59
    expect(parseTime(' 1:23 ')).toBe(83_000);
    expect(parseTime('.5')).toBe(500);
  });

  it('reads Persian and Arabic digits and decimal separators', () => {
    expect(parseTime('۱:۲۳')).toBe(83_000);
    expect(parseTime('۸۳٫۵')).toBe(83_500);
    expect(parseTime('١:٠٢:٠٣')).toBe(3_723_000);
    expect(parseTime('2,5')).toBe(2_500);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '1:', ':30', '1:60', '1:75:00', '-5', '1::2', '1:2:3:4', '1.2.3']) {
      expect(parseTime(text), text).toBeNull();
    }
  });
});

describe('formatClock', () => {
  it('writes m:ss.t under an hour and h:mm:ss.t from an hour', () => {
    expect(formatClock(0)).toBe('0:00.0');
    expect(formatClock(5_250)).toBe('0:05.2');
    expect(formatClock(83_000)).toBe('1:23.0');
    expect(formatClock(59_999)).toBe('0:59.9'); // a clock rounds down
    expect(formatClock(3_723_500)).toBe('1:02:03.5');
    expect(formatClock(-20)).toBe('0:00.0');
  });

  it('leaves tenths out on request', () => {
    expect(formatClock(83_900, false)).toBe('1:23');
    expect(formatClock(3_723_500, false)).toBe('1:02:03');
  });

  it('uses Persian digits and decimal separator in Persian', () => {
    setLocale('fa');
    expect(formatClock(83_500)).toBe('۱:۲۳٫۵');
    expect(formatClock(3_723_000, false)).toBe('۱:۰۲:۰۳');
  });

  it('round-trips through parseTime', () => {
    for (const ms of [0, 5_200, 83_000, 3_723_500]) expect(parseTime(formatClock(ms))).toBe(ms);
    setLocale('fa');
    expect(parseTime(formatClock(83_500))).toBe(83_500);
  });
});

describe('normalizeDigits', () => {
  it('keeps other text', () => {
    expect(normalizeDigits('a۱b٢')).toBe('a1b2');
  });
});

describe('extrapolate', () => {
  const sample = { positionMs: 10_000, receivedAt: 1_000, playing: true, speed: 1.5, durationMs: 60_000 };

  it('moves on at the playback speed while playing', () => {
    expect(extrapolate(sample, 1_040)).toBe(10_060);
  });

  it('stops after a short while without news, and at the end', () => {
    expect(extrapolate(sample, 5_000)).toBe(10_000 + MAX_EXTRAPOLATION_MS * 1.5);
    expect(extrapolate({ ...sample, positionMs: 59_990 }, 1_100)).toBe(60_000);
  });

  it('stays put when paused', () => {
    expect(extrapolate({ ...sample, playing: false }, 1_100)).toBe(10_000);
  });
});
