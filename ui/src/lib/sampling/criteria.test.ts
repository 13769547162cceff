import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  criteriaProblem,
  criteriaText,
  durationLiteral,
  exclusionTexts,
  FIELDS,
  newRow,
  offsetOf,
  operatorsFor,
  parseNumber,
  quoteText,
  rowText,
  timeLiteral,
  valueLiteral,
  withField,
  withOp,
  type BuilderState,
  type Exclusions,
  type Row,
} from './criteria';

const NONE: Exclusions = { reviewed: false, inOpenSample: false, shorter: false, shorterSeconds: '30' };

function row(partial: Partial<Row> & Pick<Row, 'field'>): Row {
  return { ...newRow(1, partial.field), ...partial };
}

function state(rows: Row[], join: 'and' | 'or' = 'and', exclusions: Partial<Exclusions> = {}): BuilderState {
  return { rows, join, exclusions: { ...NONE, ...exclusions } };
}

describe('quoting text values', () => {
  it('quotes every text value', () => {
    expect(quoteText('billing')).toBe('"billing"');
    expect(quoteText('Emma Clarke')).toBe('"Emma Clarke"');
    expect(quoteText('and')).toBe('"and"');
    expect(quoteText('')).toBe('""');
  });

  it('escapes double quotes and backslashes, and leaves apostrophes alone', () => {
    expect(quoteText(`O'Brien "Bob"`)).toBe(`"O'Brien \\"Bob\\""`);
    expect(quoteText('back\\slash')).toBe('"back\\\\slash"');
    expect(quoteText('\\"')).toBe('"\\\\\\""');
  });

  it('keeps right-to-left names as they are', () => {
    expect(quoteText('سارا احمدی')).toBe('"سارا احمدی"');
    expect(quoteText('דנה כהן')).toBe('"דנה כהן"');
    expect(rowText(row({ field: 'agent', op: 'in', values: ['سارا احمدی', 'דנה "הגדולה"'] }))).toBe(
      'agent in ("سارا احمدی", "דנה \\"הגדולה\\"")',
    );
  });
});

describe('numbers as typed', () => {
  it('reads ASCII, Persian and Arabic-Indic digits', () => {
    expect(parseNumber('30')).toBe(30);
    expect(parseNumber('۳۰')).toBe(30);
    expect(parseNumber('٣٠')).toBe(30);
    expect(parseNumber('۱۲٫۵')).toBe(12.5);
    expect(parseNumber(' -23.5 ')).toBe(-23.5);
    expect(parseNumber('−30')).toBe(-30);
  });

  it('rejects what is not a number', () => {
    for (const raw of ['', ' ', 'abc', '1e3', '1,5', '--1', '.', '12s']) expect(parseNumber(raw), raw).toBeNull();
  });
});

describe('values of each kind', () => {
  it('writes durations in the largest exact unit', () => {
    expect(durationLiteral(0)).toBe('0s');
    expect(durationLiteral(90_000)).toBe('90s');
    expect(durationLiteral(120_000)).toBe('2m');
    expect(durationLiteral(3_600_000)).toBe('1h');
    expect(durationLiteral(1500)).toBe('1500ms');
    expect(valueLiteral('duration', '1.5', 'm')).toBe('90s');
    expect(valueLiteral('duration', '2', 'h')).toBe('2h');
    expect(valueLiteral('duration', '۴۵', 's')).toBe('45s');
    expect(valueLiteral('duration', '-1', 's')).toBeNull();
    expect(valueLiteral('duration', '', 's')).toBeNull();
    expect(valueLiteral('duration', '2401', 'h')).toBeNull(); // over 100 days
  });

  it('writes shares as percent', () => {
    expect(valueLiteral('share', '30')).toBe('30%');
    expect(valueLiteral('share', '12.5')).toBe('12.5%');
    expect(valueLiteral('share', '0')).toBe('0%');
    expect(valueLiteral('share', '100')).toBe('100%');
    expect(valueLiteral('share', '101')).toBeNull();
    expect(valueLiteral('share', '-5')).toBeNull();
  });

  it('writes loudness, hours, weekdays and directions', () => {
    expect(valueLiteral('lufs', '-30')).toBe('-30');
    expect(valueLiteral('lufs', '-23.45')).toBe('-23.45');
    expect(valueLiteral('hour', '9')).toBe('9');
    expect(valueLiteral('hour', '24')).toBeNull();
    expect(valueLiteral('hour', '9.5')).toBeNull();
    expect(valueLiteral('weekday', 'sat')).toBe('sat');
    expect(valueLiteral('weekday', 'someday')).toBeNull();
    expect(valueLiteral('direction', 'inbound')).toBe('inbound');
    expect(valueLiteral('direction', 'sideways')).toBeNull();
    expect(valueLiteral('text', '')).toBeNull();
  });

  it('accepts dates and times at month to second precision', () => {
    expect(timeLiteral('2026-11')).toBe('2026-11');
    expect(timeLiteral('2026-11-03')).toBe('2026-11-03');
    expect(timeLiteral('2026-11-03 09:30')).toBe('2026-11-03T09:30');
    expect(timeLiteral('2026-11-03T09:30:15')).toBe('2026-11-03T09:30:15');
    expect(timeLiteral('۲۰۲۶-۱۱-۰۳')).toBe('2026-11-03');
    for (const bad of ['2026-13', '2026-02-30', '2026-1-3', '2026-11-03T24:00', '03/11/2026', ''])
      expect(timeLiteral(bad), bad).toBeNull();
    expect(timeLiteral('2028-02-29')).toBe('2028-02-29');
  });
});

describe('rows', () => {
  it('write each operator', () => {
    expect(rowText(row({ field: 'team', op: 'eq', values: ['Billing'] }))).toBe('team = "Billing"');
    expect(rowText(row({ field: 'team', op: 'ne', values: ['Billing'] }))).toBe('team != "Billing"');
    expect(rowText(row({ field: 'duration', op: 'ge', values: ['2'], unit: 'm' }))).toBe('duration >= 2m');
    expect(rowText(row({ field: 'dead_air', op: 'gt', values: ['20'], unit: 's' }))).toBe('dead_air > 20s');
    expect(rowText(row({ field: 'overtalk', op: 'lt', values: ['5'], unit: 's' }))).toBe('overtalk < 5s');
    expect(rowText(row({ field: 'silence', op: 'le', values: ['30'] }))).toBe('silence <= 30%');
    expect(rowText(row({ field: 'start', op: 'ge', values: ['2026-11-01'] }))).toBe('start >= 2026-11-01');
    expect(rowText(row({ field: 'hour', op: 'between', values: ['9', '17'] }))).toBe('hour between 9 and 17');
    expect(rowText(row({ field: 'weekday', op: 'between', values: ['mon', 'fri'] }))).toBe('weekday between mon and fri');
    expect(rowText(row({ field: 'weekday', op: 'notIn', values: ['sat', 'sun'] }))).toBe('not weekday in (sat, sun)');
    expect(rowText(row({ field: 'direction', op: 'eq', values: ['outbound'] }))).toBe('direction = outbound');
    expect(rowText(row({ field: 'agent_talk', op: 'between', values: ['40', '60'] }))).toBe('agent_talk between 40% and 60%');
    expect(rowText(row({ field: 'loudness', op: 'lt', values: ['-30'] }))).toBe('loudness < -30');
    expect(rowText(row({ field: 'has_problems', op: 'is' }))).toBe('has_problems');
    expect(rowText(row({ field: 'has_problems', op: 'isNot' }))).toBe('not has_problems');
  });

  it('are left out while incomplete', () => {
    expect(rowText(row({ field: 'agent', op: 'eq', values: [] }))).toBeNull();
    expect(rowText(row({ field: 'agent', op: 'in', values: [] }))).toBeNull();
    expect(rowText(row({ field: 'hour', op: 'between', values: ['9'] }))).toBeNull();
    expect(rowText(row({ field: 'start', op: 'ge', values: ['2026-11-3'] }))).toBeNull();
    expect(criteriaText(state([row({ field: 'agent', values: [] })]))).toBe('');
  });

  it('offer operators fitting their field', () => {
    for (const info of FIELDS) {
      const ops = operatorsFor(info.kind);
      expect(ops.length, info.field).toBeGreaterThan(0);
      if (info.kind === 'text' || info.kind === 'direction') expect(ops).not.toContain('lt');
    }
    expect(operatorsFor('flag')).toEqual(['is', 'isNot']);
  });

  it('start over when the field changes kind, and keep values that still fit', () => {
    const agent = row({ field: 'agent', op: 'in', values: ['Emma Clarke'] });
    expect(withField(agent, 'team')).toMatchObject({ field: 'team', op: 'in', values: [] });
    const duration = withField(agent, 'duration');
    expect(duration).toMatchObject({ field: 'duration', op: 'ge', values: [], unit: 'm' });
    const deadAir = withField({ ...duration, values: ['3'] }, 'dead_air');
    expect(deadAir).toMatchObject({ field: 'dead_air', values: ['3'], unit: 'm' });
    expect(withOp(agent, 'eq').values).toEqual(['Emma Clarke']);
    expect(withOp({ ...agent, values: ['a', 'b'] }, 'ne').values).toEqual(['a']);
    expect(withOp(row({ field: 'hour', op: 'ge', values: ['9'] }), 'between').values).toEqual(['9']);
  });
});

describe('the whole criteria', () => {
  const agent = row({ id: 1, field: 'agent', op: 'eq', values: [`O'Brien "Bob"`] });
  const long = row({ id: 2, field: 'duration', op: 'ge', values: ['2'], unit: 'm' });

  it('is empty (every call) without rows or exclusions', () => {
    expect(criteriaText(state([]))).toBe('');
  });

  it('joins rows with and', () => {
    expect(criteriaText(state([agent, long]))).toBe('agent = "O\'Brien \\"Bob\\"" and duration >= 2m');
  });

  it('joins rows with or, in parentheses before the exclusions', () => {
    expect(criteriaText(state([agent, long], 'or'))).toBe('agent = "O\'Brien \\"Bob\\"" or duration >= 2m');
    expect(criteriaText(state([agent, long], 'or', { reviewed: true }))).toBe(
      '(agent = "O\'Brien \\"Bob\\"" or duration >= 2m) and not reviewed',
    );
    expect(criteriaText(state([agent], 'or', { reviewed: true }))).toBe('agent = "O\'Brien \\"Bob\\"" and not reviewed');
  });

  it('writes the exclusions', () => {
    expect(exclusionTexts({ reviewed: true, inOpenSample: true, shorter: true, shorterSeconds: '30' })).toEqual([
      'not reviewed',
      'not in_open_sample',
      'duration >= 30s',
    ]);
    expect(exclusionTexts({ ...NONE, shorter: true, shorterSeconds: '90' })).toEqual(['duration >= 90s']);
    expect(exclusionTexts({ ...NONE, shorter: true, shorterSeconds: '' })).toEqual([]);
    expect(criteriaText(state([], 'and', { inOpenSample: true, shorter: true, shorterSeconds: '۱۰' }))).toBe(
      'not in_open_sample and duration >= 10s',
    );
  });
});

describe('criteria errors', () => {
  it('read the line and column of a criteria error', () => {
    const error = new ApiError('criteria', "criteria: line 1, column 9: 'x' is not a duration such as 90, 90s, 2m or 1h (for duration)");
    expect(criteriaProblem(error)).toEqual({
      line: 1,
      column: 9,
      message: "'x' is not a duration such as 90, 90s, 2m or 1h (for duration)",
    });
  });

  it('keep a message without a position', () => {
    expect(criteriaProblem(new ApiError('criteria', 'criteria: duration needs a duration'))).toEqual({
      line: null,
      column: null,
      message: 'duration needs a duration',
    });
  });

  it('ignore other errors', () => {
    expect(criteriaProblem(new ApiError('db', 'locked'))).toBeNull();
    expect(criteriaProblem(null)).toBeNull();
  });

  it('find the offset of a line and column, counting characters', () => {
    expect(offsetOf('agent = x', 1, 9)).toBe(8);
    expect(offsetOf('a = 1\nand b = 2', 2, 5)).toBe(10);
    expect(offsetOf('agent = "😀" and', 1, 12)).toBe(12); // the emoji is two UTF-16 units
    expect(offsetOf('abc', 1, 99)).toBe(3);
  });
});
