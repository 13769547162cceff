import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { formatAge, isStale } from './age';

afterEach(() => setLocale('en'));

describe('a dispute’s age', () => {
  it('reads in the largest unit it fills, rounded down', () => {
    expect(formatAge(3 * 86_400 + 5 * 3600)).toBe('3 days');
    expect(formatAge(86_400)).toBe('1 day');
    expect(formatAge(86_399)).toBe('23 hours');
    expect(formatAge(5 * 3600 + 59 * 60)).toBe('5 hours');
    expect(formatAge(3600)).toBe('1 hour');
    expect(formatAge(61)).toBe('1 minute');
    expect(formatAge(12 * 60 + 30)).toBe('12 minutes');
  });

  it('reads a new (or unknown) age as under a minute', () => {
    expect(formatAge(59)).toBe('under a minute');
    expect(formatAge(0)).toBe('under a minute');
    expect(formatAge(-5)).toBe('under a minute');
    expect(formatAge(Number.NaN)).toBe('under a minute');
  });

  it('speaks Persian with Persian digits', () => {
    setLocale('fa');
    expect(formatAge(3 * 86_400)).toBe('۳ روز');
    expect(formatAge(5 * 3600)).toBe('۵ ساعت');
    expect(formatAge(30)).toBe('کمتر از یک دقیقه');
  });

  it('flags disputes open for a week', () => {
    expect(isStale(7 * 86_400)).toBe(true);
    expect(isStale(7 * 86_400 - 1)).toBe(false);
  });
});
