import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { defaultMethodForm, describeMethod, formatThreshold, groupLabel, storedThreshold, toMethod, type MethodForm } from './method';

afterEach(() => setLocale('en'));

function form(change: (form: MethodForm) => void): MethodForm {
  const value = defaultMethodForm();
  change(value);
  return value;
}

describe('the method form as a Method', () => {
  it('maps random N and p%', () => {
    expect(toMethod(form((f) => (f.random.count = '25')))).toEqual({ kind: 'random', size: { type: 'count', value: 25 } });
    expect(toMethod(form((f) => ((f.random.mode = 'percent'), (f.random.percent = '۱۲٫۵'))))).toEqual({
      kind: 'random',
      size: { type: 'percent', value: 12.5 },
    });
  });

  it('maps a quota with its minimum duration in milliseconds', () => {
    const quota = form((f) => {
      f.kind = 'quota';
      f.quota = { calls: '3', per: 'team', period: 'month', minSeconds: '45' };
    });
    expect(toMethod(quota)).toEqual({ kind: 'quota', per: 'team', period: 'month', calls: 3, minDurationMs: 45_000 });
    quota.quota.minSeconds = '';
    expect(toMethod(quota)).toMatchObject({ minDurationMs: 0 });
    quota.quota.minSeconds = '1.5';
    expect(toMethod(quota)).toMatchObject({ minDurationMs: 1500 });
  });

  it('maps stratified sampling', () => {
    const stratified = form((f) => {
      f.kind = 'stratified';
      f.stratified = { field: 'weekday', size: '14', allocation: 'equal' };
    });
    expect(toMethod(stratified)).toEqual({ kind: 'stratified', field: 'weekday', size: 14, allocation: 'equal' });
  });

  it('maps targeted sampling, thresholds in their stored unit', () => {
    const top = form((f) => ((f.kind = 'targeted'), (f.targeted = { mode: 'top', metric: 'overtalk', count: '5', threshold: '' })));
    expect(toMethod(top)).toEqual({ kind: 'top', metric: 'overtalk', count: 5 });
    const over = form((f) => ((f.kind = 'targeted'), (f.targeted = { mode: 'threshold', metric: 'deadAirLongest', count: '8', threshold: '20' })));
    expect(toMethod(over)).toEqual({ kind: 'overThreshold', metric: 'deadAirLongest', threshold: 20_000, count: 8 });
    over.targeted.metric = 'silenceShare';
    over.targeted.threshold = '30';
    expect(toMethod(over)).toMatchObject({ threshold: 0.3 });
    over.targeted.metric = 'loudness';
    over.targeted.threshold = '-30';
    expect(toMethod(over)).toMatchObject({ threshold: -30 });
    over.targeted.metric = 'deadAirCount';
    over.targeted.threshold = '3';
    expect(toMethod(over)).toMatchObject({ threshold: 3 });
    expect(storedThreshold('duration', 90)).toBe(90_000);
  });

  it('is null while a number is missing or out of range', () => {
    expect(toMethod(form((f) => (f.random.count = '')))).toBeNull();
    expect(toMethod(form((f) => (f.random.count = '0')))).toBeNull();
    expect(toMethod(form((f) => (f.random.count = '2.5')))).toBeNull();
    expect(toMethod(form((f) => ((f.random.mode = 'percent'), (f.random.percent = '101'))))).toBeNull();
    expect(toMethod(form((f) => ((f.random.mode = 'percent'), (f.random.percent = '0'))))).toBeNull();
    expect(toMethod(form((f) => ((f.kind = 'quota'), (f.quota.minSeconds = '-1'))))).toBeNull();
    expect(toMethod(form((f) => ((f.kind = 'stratified'), (f.stratified.size = 'x'))))).toBeNull();
    expect(toMethod(form((f) => ((f.kind = 'targeted'), (f.targeted.mode = 'threshold'), (f.targeted.threshold = ''))))).toBeNull();
  });
});

describe('a method in words', () => {
  it('says what each method draws', () => {
    expect(describeMethod({ kind: 'random', size: { type: 'count', value: 20 } })).toBe('20 calls at random');
    expect(describeMethod({ kind: 'random', size: { type: 'count', value: 1 } })).toBe('1 call at random');
    expect(describeMethod({ kind: 'random', size: { type: 'percent', value: 5 } })).toBe('5% of the calls at random');
    expect(describeMethod({ kind: 'quota', per: 'agent', period: 'week', calls: 2, minDurationMs: 0 })).toBe(
      '2 calls per agent per week',
    );
    expect(describeMethod({ kind: 'quota', per: 'vendor', period: 'day', calls: 1, minDurationMs: 30_000 })).toBe(
      '1 call per vendor per day, each at least 30 s long',
    );
    expect(describeMethod({ kind: 'stratified', field: 'team', size: 12, allocation: 'proportional' })).toBe(
      '12 calls stratified by team, in proportion to each stratum',
    );
    expect(describeMethod({ kind: 'stratified', field: 'hour', size: 12, allocation: 'equal' })).toBe(
      '12 calls stratified by hour of day, equally over the strata',
    );
    expect(describeMethod({ kind: 'top', metric: 'deadAirLongest', count: 5 })).toBe('The 5 calls ranking highest by longest dead air');
    expect(describeMethod({ kind: 'overThreshold', metric: 'silenceShare', threshold: 0.3, count: 4 })).toBe(
      '4 calls at random with silence share of at least 30%',
    );
  });

  it('says it in Persian, with Persian digits', () => {
    setLocale('fa');
    const text = describeMethod({ kind: 'quota', per: 'agent', period: 'week', calls: 2, minDurationMs: 0 });
    expect(text).toContain('۲');
    expect(text).toContain('کارشناس');
    expect(text).toContain('هفته');
  });

  it('formats thresholds in their units', () => {
    expect(formatThreshold('deadAirLongest', 20_000)).toBe('20 s');
    expect(formatThreshold('agentTalkShare', 0.125)).toBe('12.5%');
    expect(formatThreshold('loudness', -30)).toBe('-30 LUFS');
    expect(formatThreshold('deadAirCount', 3)).toBe('3');
  });

  it('names groups in words where it can', () => {
    const weekday = { kind: 'stratified', field: 'weekday', size: 7, allocation: 'equal' } as const;
    expect(groupLabel('sat', weekday)).toBe('Saturday');
    expect(groupLabel('(none)', weekday)).toBe('(no value)');
    expect(groupLabel('inbound', { ...weekday, field: 'direction' })).toBe('Inbound');
    expect(groupLabel('Emma Clarke · 2026-W45', null)).toBe('Emma Clarke · 2026-W45');
  });
});
