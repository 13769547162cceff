// The criteria builder's rows as text of Hark's criteria language (src/sampling/criteria): the
// same text `hark sample --where` takes. Rows that are not complete yet are left out, so the
// live count follows what has been filled in. Text values are always quoted and escaped.
import type { ApiError } from '../api';
import type { LibraryFacets } from '../bindings/LibraryFacets';

export type Field =
  | 'start'
  | 'weekday'
  | 'hour'
  | 'agent'
  | 'team'
  | 'vendor'
  | 'queue'
  | 'disposition'
  | 'direction'
  | 'duration'
  | 'dead_air'
  | 'overtalk'
  | 'silence'
  | 'agent_talk'
  | 'loudness'
  | 'has_problems';

export type Kind = 'time' | 'weekday' | 'hour' | 'text' | 'direction' | 'duration' | 'share' | 'lufs' | 'flag';

export type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'notIn' | 'between' | 'is' | 'isNot';

export type DurationUnit = 's' | 'm' | 'h';

export type Join = 'and' | 'or';

export interface FieldInfo {
  field: Field;
  kind: Kind;
  /** Where the known values of a text field come from. */
  facet?: keyof LibraryFacets;
}

export const FIELDS: readonly FieldInfo[] = [
  { field: 'agent', kind: 'text', facet: 'agents' },
  { field: 'team', kind: 'text', facet: 'teams' },
  { field: 'vendor', kind: 'text', facet: 'vendors' },
  { field: 'queue', kind: 'text', facet: 'queues' },
  { field: 'disposition', kind: 'text', facet: 'dispositions' },
  { field: 'direction', kind: 'direction' },
  { field: 'start', kind: 'time' },
  { field: 'weekday', kind: 'weekday' },
  { field: 'hour', kind: 'hour' },
  { field: 'duration', kind: 'duration' },
  { field: 'dead_air', kind: 'duration' },
  { field: 'overtalk', kind: 'duration' },
  { field: 'silence', kind: 'share' },
  { field: 'agent_talk', kind: 'share' },
  { field: 'loudness', kind: 'lufs' },
  { field: 'has_problems', kind: 'flag' },
];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const HOURS: readonly string[] = Array.from({ length: 24 }, (_, h) => String(h));
export const DURATION_UNITS: readonly DurationUnit[] = ['s', 'm', 'h'];

const SYMBOLS: Partial<Record<Op, string>> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

export function kindOf(field: Field): Kind {
  return FIELDS.find((info) => info.field === field)?.kind ?? 'text';
}

/** The operators a field's kind takes, the default first. */
export function operatorsFor(kind: Kind): readonly Op[] {
  switch (kind) {
    case 'text':
    case 'direction':
      return ['eq', 'ne', 'in', 'notIn'];
    case 'weekday':
      return ['eq', 'ne', 'in', 'notIn', 'between'];
    case 'hour':
      return ['eq', 'ne', 'ge', 'lt', 'between', 'in', 'notIn'];
    case 'time':
      return ['ge', 'le', 'eq', 'gt', 'lt', 'between'];
    case 'duration':
    case 'share':
    case 'lufs':
      return ['ge', 'le', 'gt', 'lt', 'between', 'eq', 'ne'];
    case 'flag':
      return ['is', 'isNot'];
  }
}

export interface Row {
  id: number;
  field: Field;
  op: Op;
  /** As typed or picked: one value, two for `between`, any number for `in`. */
  values: string[];
  /** For durations. */
  unit: DurationUnit;
}

export interface Exclusions {
  reviewed: boolean;
  inOpenSample: boolean;
  shorter: boolean;
  /** Calls shorter than this many seconds are left out. */
  shorterSeconds: string;
}

export interface BuilderState {
  rows: Row[];
  join: Join;
  exclusions: Exclusions;
}

export function newRow(id: number, field: Field = 'agent'): Row {
  const kind = kindOf(field);
  return { id, field, op: operatorsFor(kind)[0], values: [], unit: kind === 'duration' ? 'm' : 's' };
}

/** The row with another field: its operator and values start over when the kind changes. */
export function withField(row: Row, field: Field): Row {
  if (kindOf(field) === kindOf(row.field)) {
    // Known text values belong to one field only.
    return { ...row, field, values: kindOf(field) === 'text' ? [] : row.values };
  }
  return { ...newRow(row.id, field) };
}

/** The row with another operator: values are kept where they still fit. */
export function withOp(row: Row, op: Op): Row {
  const multi = (o: Op) => o === 'in' || o === 'notIn';
  let values = row.values;
  if (multi(op) !== multi(row.op) || op === 'between' || row.op === 'between') values = row.values.slice(0, 1);
  return { ...row, op, values };
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Persian and Arabic-Indic digits (and the Arabic decimal separator) as ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩٫−]/g, (ch) => {
    if (ch === '٫') return '.';
    if (ch === '−') return '-';
    const persian = PERSIAN_DIGITS.indexOf(ch);
    return String(persian >= 0 ? persian : ARABIC_DIGITS.indexOf(ch));
  });
}

/** A typed number in any of the UI's digits ("۳۰", "12.5", "-23"), or null. */
export function parseNumber(raw: string | null | undefined): number | null {
  const text = asciiDigits(raw ?? '').trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A plain decimal for the language: no exponent, at most 6 decimals. */
function decimal(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded.toFixed(6).replace(/\.?0+$/, '') || '0';
}

/** Text in double quotes, with `"` and `\` escaped: any name reads back as itself. */
export function quoteText(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

const UNIT_MS: Record<DurationUnit, number> = { s: 1000, m: 60_000, h: 3_600_000 };
const MAX_DURATION_MS = 100 * 86_400_000;

/** Milliseconds in the largest unit that says them exactly: `1h`, `90m`, `45s`, `1500ms`. */
export function durationLiteral(ms: number): string {
  const whole = Math.round(ms);
  if (whole === 0) return '0s';
  if (whole % 3_600_000 === 0) return `${whole / 3_600_000}h`;
  if (whole % 60_000 === 0) return `${whole / 60_000}m`;
  if (whole % 1000 === 0) return `${whole / 1000}s`;
  return `${whole}ms`;
}

/** `2026-11`, `2026-11-03`, `2026-11-03T09:30` or `…T09:30:15` (a space for the T too), valid dates. */
export function timeLiteral(raw: string): string | null {
  const text = asciiDigits(raw).trim();
  const match = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const year = Number(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d !== undefined) {
    const day = Number(d);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return null;
  }
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59))) return null;
  return text.replace(' ', 'T');
}

/** One value as the language writes it, or null when it is missing or not valid for its kind. */
export function valueLiteral(kind: Kind, raw: string | undefined, unit: DurationUnit = 's'): string | null {
  if (raw === undefined) return null;
  switch (kind) {
    case 'text':
      return raw === '' ? null : quoteText(raw);
    case 'direction':
      return (DIRECTIONS as readonly string[]).includes(raw) ? raw : null;
    case 'weekday':
      return (WEEKDAYS as readonly string[]).includes(raw) ? raw : null;
    case 'hour': {
      const hour = parseNumber(raw);
      return hour !== null && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? String(hour) : null;
    }
    case 'time':
      return timeLiteral(raw);
    case 'duration': {
      const amount = parseNumber(raw);
      if (amount === null || amount < 0) return null;
      const ms = Math.round(amount * UNIT_MS[unit]);
      return ms <= MAX_DURATION_MS ? durationLiteral(ms) : null;
    }
    case 'share': {
      const percent = parseNumber(raw);
      return percent !== null && percent >= 0 && percent <= 100 ? `${decimal(percent)}%` : null;
    }
    case 'lufs': {
      const lufs = parseNumber(raw);
      return lufs === null ? null : decimal(lufs);
    }
    case 'flag':
      return null;
  }
}

/** One row as a test of the language, or null while it is incomplete or invalid. */
export function rowText(row: Row): string | null {
  const kind = kindOf(row.field);
  const name = row.field;
  if (kind === 'flag') return row.op === 'isNot' ? `not ${name}` : name;
  const literal = (raw: string | undefined) => valueLiteral(kind, raw, row.unit);
  switch (row.op) {
    case 'in':
    case 'notIn': {
      const values = row.values.map(literal);
      if (values.length === 0 || values.some((v) => v === null)) return null;
      const list = `${name} in (${values.join(', ')})`;
      return row.op === 'notIn' ? `not ${list}` : list;
    }
    case 'between': {
      const low = literal(row.values[0]);
      const high = literal(row.values[1]);
      return low === null || high === null ? null : `${name} between ${low} and ${high}`;
    }
    case 'is':
    case 'isNot':
      return null;
    default: {
      const value = literal(row.values[0]);
      return value === null ? null : `${name} ${SYMBOLS[row.op]} ${value}`;
    }
  }
}

/** The exclusion tests, each alone (always combined with `and`). */
export function exclusionTexts(exclusions: Exclusions): string[] {
  const texts: string[] = [];
  if (exclusions.reviewed) texts.push('not reviewed');
  if (exclusions.inOpenSample) texts.push('not in_open_sample');
  if (exclusions.shorter) {
    const seconds = valueLiteral('duration', exclusions.shorterSeconds, 's');
    if (seconds !== null) texts.push(`duration >= ${seconds}`);
  }
  return texts;
}

/**
 * The builder as criteria text: complete rows joined by `and` or `or`, then the exclusions with
 * `and` (an `or` of several rows is parenthesised first). Empty text is every eligible call.
 */
export function criteriaText(state: BuilderState): string {
  const tests = state.rows.map(rowText).filter((text): text is string => text !== null);
  const exclusions = exclusionTexts(state.exclusions);
  let rows = tests.join(` ${state.join} `);
  if (state.join === 'or' && tests.length > 1 && exclusions.length > 0) rows = `(${rows})`;
  return [rows, ...exclusions].filter((part) => part !== '').join(' and ');
}

export interface CriteriaProblem {
  line: number | null;
  column: number | null;
  /** The backend's message without the "criteria: line L, column C:" prefix. */
  message: string;
}

/** A criteria error (code "criteria") with its position, or null for any other error. */
export function criteriaProblem(error: ApiError | null): CriteriaProblem | null {
  if (!error || error.code !== 'criteria') return null;
  const text = error.message.replace(/^criteria:\s*/, '');
  const match = /^line (\d+), column (\d+):\s*([\s\S]*)$/.exec(text);
  if (!match) return { line: null, column: null, message: text };
  return { line: Number(match[1]), column: Number(match[2]), message: match[3] };
}

/** Offset into `text` of a 1-based line and column (in characters), for placing the caret. */
export function offsetOf(text: string, line: number, column: number): number {
  const chars = Array.from(text);
  let offset = 0;
  let currentLine = 1;
  let units = 0;
  while (currentLine < line && offset < chars.length) {
    units += chars[offset].length;
    if (chars[offset] === '\n') currentLine += 1;
    offset += 1;
  }
  for (let c = 1; c < column && offset < chars.length && chars[offset] !== '\n'; c += 1) {
    units += chars[offset].length;
    offset += 1;
  }
  return units;
}
