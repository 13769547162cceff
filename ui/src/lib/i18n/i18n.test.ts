import { afterEach, describe, expect, it, vi } from 'vitest';
import en from './en.json';
import fa from './fa.json';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  initialLocale,
  intlLocale,
  isRtl,
  matchLocale,
  setLocale,
  t,
  utcOffsetMinutes,
} from './index';

afterEach(() => {
  setLocale('en');
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('catalogs', () => {
  it('have identical key sets', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty values', () => {
    for (const catalog of [en, fa]) {
      for (const [key, value] of Object.entries(catalog)) {
        expect(typeof value, key).toBe('string');
        expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(fa[key]), key).toEqual(names(en[key]));
    }
  });
});

describe('t', () => {
  it('looks up the current locale', () => {
    expect(t('nav.library')).toBe('Library');
    setLocale('fa');
    expect(t('nav.library')).toBe('کتابخانه');
    expect(t('nav.settings')).toBe('تنظیمات');
  });

  it('interpolates parameters', () => {
    expect(t('firstRun.continueAs', { name: 'Sara' })).toBe('Continue as Sara');
    expect(t('settings.audit.problem', { seq: 12, message: 'hash mismatch' })).toBe('Entry 12: hash mismatch');
  });

  it('chooses the plural form with Intl.PluralRules', () => {
    expect(t('library.count', { count: 1 })).toBe('1 recording');
    expect(t('library.count', { count: 8 })).toBe('8 recordings');
    expect(t('library.count', { count: 0 })).toBe('0 recordings');
    expect(t('library.count', { count: 100000 })).toBe('100,000 recordings');
  });

  it('formats numbers in parameters with the locale digits', () => {
    setLocale('fa');
    expect(t('library.count', { count: 8 })).toBe('۸ تماس ضبط‌شده');
  });
});

describe('formatting', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59_400)).toBe('0:59');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(null)).toBe('');
  });

  it('formats durations with Persian digits in fa', () => {
    setLocale('fa');
    expect(formatDuration(65_000)).toBe('۱:۰۵');
    expect(formatDuration(3_725_000)).toBe('۱:۰۲:۰۵');
  });

  it('formats numbers for the locale', () => {
    expect(formatNumber(1234)).toBe('1,234');
    setLocale('fa');
    expect(formatNumber(1234)).toBe('۱٬۲۳۴');
  });

  it('uses the Persian calendar in fa-IR', () => {
    setLocale('fa');
    expect(intlLocale()).toBe('fa-IR');
    const text = formatDateTime('2026-11-15T10:30:00+03:30', 'Asia/Tehran');
    expect(text).toContain('۱۴۰۵');
    expect(text).toContain('آبان');
    expect(text).toContain('۱۰:۳۰');
  });

  it('uses the Gregorian calendar in English', () => {
    const text = formatDateTime('2026-11-15T10:30:00+03:30', 'UTC');
    expect(text).toContain('2026');
    expect(text).toContain('Nov');
    expect(text).toContain('7:00 AM');
  });

  it('writes English hours without a leading zero', () => {
    expect(formatDateTime('2026-11-05T16:22:18+00:00')).toBe('Nov 5, 2026, 4:22 PM');
    expect(formatDateTime('2026-11-02T09:14:05Z')).toBe('Nov 2, 2026, 9:14 AM');
    expect(formatDateTime('2026-11-02T09:14:05Z')).not.toContain('09:14');
  });

  it('keeps the 24-hour clock where the locale uses it', () => {
    vi.stubGlobal('navigator', { language: 'en-GB' });
    expect(intlLocale()).toBe('en-GB');
    expect(formatDateTime('2026-11-05T16:22:18+00:00')).toBe('5 Nov 2026, 16:22');
    setLocale('fa');
    expect(formatDateTime('2026-11-05T16:22:18+00:00')).toContain('۱۶:۲۲');
  });

  it('leaves missing dates empty', () => {
    expect(formatDateTime(null)).toBe('');
  });

  it('formats calendar dates (due dates) without moving them a day', () => {
    expect(formatDate('2026-11-03')).toBe('Nov 3, 2026');
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      vi.stubEnv('TZ', zone);
      expect(formatDate('2026-11-03'), zone).toBe('Nov 3, 2026');
    }
    setLocale('fa');
    expect(formatDate('2026-11-03')).toBe('۱۲ آبان ۱۴۰۵');
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('call start times', () => {
  it('reads the UTC offset an RFC 3339 time was written in', () => {
    expect(utcOffsetMinutes('2026-11-02T09:14:05+03:30')).toBe(210);
    expect(utcOffsetMinutes('2026-11-02T09:14:05.250-05:00')).toBe(-300);
    expect(utcOffsetMinutes('2026-11-02T09:14:05+05:45')).toBe(345);
    expect(utcOffsetMinutes('2026-11-02T09:14:05Z')).toBe(0);
    expect(utcOffsetMinutes('2026-11-02T09:14:05+00:00')).toBe(0);
    expect(utcOffsetMinutes('2026-11-02T09:14:05')).toBeNull();
  });

  it('shows the local time where the call happened, not the viewer\'s', () => {
    // 05:44 UTC; a viewer in any time zone sees the 09:14 written by the source.
    expect(formatDateTime('2026-11-02T09:14:05+03:30')).toBe('Nov 2, 2026, 9:14 AM');
    expect(formatDateTime('2026-11-02T09:14:05+05:45')).toBe('Nov 2, 2026, 9:14 AM');
    // 04:30 UTC on Nov 3, but the call was taken late on Nov 2 in New York.
    expect(formatDateTime('2026-11-02T23:30:00-05:00')).toBe('Nov 2, 2026, 11:30 PM');
    // Moving the reviewer's clock changes nothing.
    for (const zone of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
      vi.stubEnv('TZ', zone);
      expect(formatDateTime('2026-11-02T23:30:00-05:00'), zone).toBe('Nov 2, 2026, 11:30 PM');
    }
  });

  it('keeps the call\'s local date in the Persian calendar', () => {
    setLocale('fa');
    // 23:50 in Tehran on 24 Aban 1405 is already 20:20 UTC; the date must not slip either way.
    const text = formatDateTime('2026-11-15T23:50:00+03:30');
    expect(text).toContain('۲۴ آبان ۱۴۰۵');
    expect(text).toContain('۲۳:۵۰');
    expect(formatDateTime('2026-11-15T10:30:00+03:30')).toContain('۱۰:۳۰');
  });

  it('still honours an explicit time zone', () => {
    expect(formatDateTime('2026-11-02T09:14:05+03:30', 'UTC')).toBe('Nov 2, 2026, 5:44 AM');
    expect(formatDateTime('2026-11-02T09:14:05+03:30', 'Asia/Tokyo')).toBe('Nov 2, 2026, 2:44 PM');
  });

  it('returns text it cannot read unchanged', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
  it('leaves missing dates empty', () => {
    expect(formatDateTime(null)).toBe('');
  });
});

describe('locales', () => {
  it('knows right-to-left languages', () => {
    for (const tag of ['fa', 'fa-IR', 'ar', 'ar-EG', 'he', 'ur']) expect(isRtl(tag), tag).toBe(true);
    for (const tag of ['en', 'en-GB', 'bg', 'de']) expect(isRtl(tag), tag).toBe(false);
  });

  it('matches tags to supported locales', () => {
    expect(matchLocale('fa-IR')).toBe('fa');
    expect(matchLocale('en_GB')).toBe('en');
    expect(matchLocale('bg')).toBeNull();
    expect(matchLocale(null)).toBeNull();
  });

  it('starts with the saved locale, then the system one, then English', () => {
    expect(initialLocale('fa', 'en-US')).toBe('fa');
    expect(initialLocale(null, 'fa-IR')).toBe('fa');
    expect(initialLocale(null, 'bg-BG')).toBe('en');
    expect(initialLocale('xx', null)).toBe('en');
  });
});
