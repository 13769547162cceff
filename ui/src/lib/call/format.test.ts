import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { formatGainDb, formatLength, formatLufs, formatSecondsOnly, formatShare, formatSmallShare, formatSpeed } from './format';

afterEach(() => setLocale('en'));

describe('metric formats', () => {
  it('write shares as percentages', () => {
    expect(formatShare(0.423)).toBe('42%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('');
    setLocale('fa');
    expect(formatShare(0.423)).toBe('۴۲٪');
  });

  it('never round a small clipping share down to nothing', () => {
    expect(formatSmallShare(0)).toBe('0%');
    expect(formatSmallShare(0.00002)).toBe('0.01%');
    expect(formatSmallShare(0.0012)).toBe('0.12%');
    expect(formatSmallShare(0.034)).toBe('3.4%');
    expect(formatSmallShare(0.25)).toBe('25%');
  });

  it('write lengths in seconds and minutes', () => {
    expect(formatLength(4_200)).toBe('4.2 s');
    expect(formatLength(42_000)).toBe('42 s');
    expect(formatLength(125_000)).toBe('2 min 5 s');
    expect(formatLength(null)).toBe('');
  });

  it('write table lengths in seconds only', () => {
    expect(formatSecondsOnly(4_240)).toBe('4.2 s');
    expect(formatSecondsOnly(42_400)).toBe('42 s');
    expect(formatSecondsOnly(125_000)).toBe('125 s');
    expect(formatSecondsOnly(0)).toBe('0 s');
    expect(formatSecondsOnly(null)).toBe('');
    setLocale('fa');
    expect(formatSecondsOnly(4_240)).toBe('۴٫۲ ثانیه');
  });

  it('write loudness, gain and speed', () => {
    expect(formatLufs(-23.44)).toBe('-23.4 LUFS');
    expect(formatLufs(-23.44, false)).toBe('-23.4');
    expect(formatLufs(null)).toBe('');
    expect(formatGainDb(3.46)).toBe('+3.5 dB');
    expect(formatGainDb(-2)).toBe('-2.0 dB');
    expect(formatSpeed(1.25)).toBe('1.25×');
    setLocale('fa');
    expect(formatSpeed(1.5)).toBe('۱٫۵×');
    expect(formatLufs(-23.4, false)).toContain('۲۳٫۴');
  });
});
