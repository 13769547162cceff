import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { ImportProgress } from '../bindings/ImportProgress';
import { setLocale } from '../i18n';
import {
  conflictField,
  conflictValue,
  failureText,
  formatRate,
  formatSeconds,
  formatTimeLeft,
  phaseLabel,
  progressDetails,
  progressValue,
  rowWithoutRecording,
} from './format';

afterEach(() => setLocale('en'));

const reading = (done: number, total: number, filesPerSecond: number, secondsLeft: number | null): ImportProgress => ({
  phase: 'reading',
  done,
  total,
  filesPerSecond,
  secondsLeft,
});

describe('formatRate', () => {
  it('keeps one decimal below ten files a second only', () => {
    expect(formatRate(0.46)).toBe('0.5 files/s');
    expect(formatRate(7.25)).toBe('7.3 files/s');
    expect(formatRate(35.4)).toBe('35 files/s');
    expect(formatRate(1234.6)).toBe('1,235 files/s');
  });

  it('says 0 for no rate or nonsense', () => {
    expect(formatRate(0)).toBe('0 files/s');
    expect(formatRate(Number.NaN)).toBe('0 files/s');
    expect(formatRate(-3)).toBe('0 files/s');
  });

  it('uses Persian digits and words in Persian', () => {
    setLocale('fa');
    expect(formatRate(35.4)).toBe('۳۵ فایل در ثانیه');
    expect(formatRate(2.5)).toBe('۲٫۵ فایل در ثانیه');
  });
});

describe('formatSeconds', () => {
  it('reads as seconds, minutes and hours', () => {
    expect(formatSeconds(0.42)).toBe('0.4 s');
    expect(formatSeconds(12.4)).toBe('12 s');
    expect(formatSeconds(60)).toBe('1 min');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(4805)).toBe('1 h 20 min');
  });

  it('rounds up to the next minute instead of showing 60 s', () => {
    expect(formatSeconds(59.7)).toBe('1 min');
  });
});

describe('formatTimeLeft', () => {
  it('is null while unknown', () => {
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(undefined)).toBeNull();
    expect(formatTimeLeft(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('rounds like an estimate', () => {
    expect(formatTimeLeft(0)).toBe('a few seconds left');
    expect(formatTimeLeft(4.9)).toBe('a few seconds left');
    expect(formatTimeLeft(5.7)).toBe('about 5 s left');
    expect(formatTimeLeft(43)).toBe('about 45 s left');
    expect(formatTimeLeft(58)).toBe('about 1 min left');
    expect(formatTimeLeft(200)).toBe('about 3 min left');
    expect(formatTimeLeft(2 * 3600 + 14 * 60 + 20)).toBe('about 2 h 14 min left');
  });

  it('speaks Persian', () => {
    setLocale('fa');
    expect(formatTimeLeft(200)).toBe('حدود ۳ دقیقه مانده');
    expect(formatTimeLeft(3)).toBe('چند ثانیه مانده');
  });
});

describe('progress', () => {
  it('is indeterminate while scanning or before the first event', () => {
    expect(progressValue(null)).toBeNull();
    expect(progressValue({ phase: 'scanning', done: 0, total: 0, filesPerSecond: 0, secondsLeft: null })).toBeNull();
    expect(progressValue(reading(0, 0, 0, null))).toBeNull();
  });

  it('counts files while reading and is full when done', () => {
    expect(progressValue(reading(120, 400, 30, 9))).toEqual({ now: 120, max: 400 });
    expect(progressValue({ phase: 'done', done: 0, total: 0, filesPerSecond: 0, secondsLeft: 0 })).toEqual({ now: 1, max: 1 });
  });

  it('describes count, rate and time left', () => {
    expect(progressDetails(reading(1200, 5000, 35.2, 108))).toEqual(['1,200 of 5,000 files', '35 files/s', 'about 2 min left']);
    expect(progressDetails(reading(0, 5000, 0, null))).toEqual(['0 of 5,000 files']);
    expect(progressDetails({ phase: 'callRecords', done: 40, total: 40, filesPerSecond: 0, secondsLeft: null })).toEqual(['40 of 40 files']);
    expect(progressDetails(null)).toEqual([]);
  });

  it('names each phase', () => {
    expect(phaseLabel('scanning')).toBe('Looking for recordings…');
    expect(phaseLabel('callRecords')).toBe('Matching call records…');
    expect(phaseLabel(null)).toBe('Import in progress…');
  });

  it('writes the count in Persian digits', () => {
    setLocale('fa');
    expect(progressDetails(reading(1200, 5000, 35.2, null))).toEqual(['۱٬۲۰۰ از ۵٬۰۰۰ فایل', '۳۵ فایل در ثانیه']);
  });
});

describe('failures and call records', () => {
  it('names a missing folder in the reader’s language', () => {
    const error = new ApiError('no_such_path', '/srv/calls: no such file or folder');
    expect(failureText(error)).toBe('This folder or file does not exist: /srv/calls');
    setLocale('fa');
    expect(failureText(error)).toBe('این پوشه یا فایل وجود ندارد: /srv/calls');
  });

  it('falls back to the backend’s message for unknown codes', () => {
    expect(failureText(new ApiError('import', 'pattern "x": bad'))).toBe('pattern "x": bad');
    expect(failureText(new ApiError('import_running', 'busy'))).toMatch(/already running/);
  });

  it('words CDR rows without a recording', () => {
    expect(rowWithoutRecording('row 12: 1762086583.42')).toBe('Row 12: 1762086583.42');
    expect(rowWithoutRecording('row 3: 2026-11-02T09:14:05+03:30')).toBe('Row 3: Nov 2, 2026, 9:14 AM');
    expect(rowWithoutRecording('something else')).toBe('something else');
  });

  it('labels conflict fields and values', () => {
    expect(conflictField('call id')).toBe('Call ID');
    expect(conflictField('caller')).toBe('Caller');
    expect(conflictField('mood')).toBe('mood');
    expect(conflictValue('direction', 'outbound')).toBe('Outbound');
    expect(conflictValue('caller', '+15555550142')).toBe('+15555550142');
  });
});
