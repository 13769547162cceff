// The method panel's form as the backend's Method, and a Method in words. Numbers are typed as
// text (any digits); thresholds are typed in the units people think in (seconds, percent) and
// sent in the stored ones (milliseconds, fractions).
import type { Allocation } from '../bindings/Allocation';
import type { Method } from '../bindings/Method';
import type { Period } from '../bindings/Period';
import type { QuotaGroup } from '../bindings/QuotaGroup';
import type { StratumField } from '../bindings/StratumField';
import type { TargetMetric } from '../bindings/TargetMetric';
import { formatNumber, t } from '../i18n';
import { formatSecondsOnly } from '../call/format';
import { parseNumber } from './criteria';

export type MethodKind = 'random' | 'quota' | 'stratified' | 'targeted';

export const METHOD_KINDS: readonly MethodKind[] = ['random', 'quota', 'stratified', 'targeted'];
export const QUOTA_GROUPS: readonly QuotaGroup[] = ['agent', 'team', 'vendor'];
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];
export const STRATUM_FIELDS: readonly StratumField[] = ['agent', 'team', 'vendor', 'queue', 'direction', 'disposition', 'weekday', 'hour'];
export const ALLOCATIONS: readonly Allocation[] = ['proportional', 'equal'];
export const METRICS: readonly TargetMetric[] = [
  'deadAirLongest',
  'deadAirCount',
  'overtalk',
  'silenceShare',
  'agentTalkShare',
  'duration',
  'loudness',
];

export interface MethodForm {
  kind: MethodKind;
  random: { mode: 'count' | 'percent'; count: string; percent: string };
  quota: { calls: string; per: QuotaGroup; period: Period; minSeconds: string };
  stratified: { field: StratumField; size: string; allocation: Allocation };
  targeted: { mode: 'top' | 'threshold'; metric: TargetMetric; count: string; threshold: string };
}

export function defaultMethodForm(): MethodForm {
  return {
    kind: 'random',
    random: { mode: 'count', count: '20', percent: '5' },
    quota: { calls: '2', per: 'agent', period: 'week', minSeconds: '0' },
    stratified: { field: 'agent', size: '20', allocation: 'proportional' },
    targeted: { mode: 'top', metric: 'deadAirLongest', count: '10', threshold: '10' },
  };
}

/** A whole number ≥ `min` (and < 2³²), or null. */
function whole(raw: string, min = 1): number | null {
  const value = parseNumber(raw);
  return value !== null && Number.isInteger(value) && value >= min && value <= 4_294_967_295 ? value : null;
}

export type ThresholdUnit = 'seconds' | 'percent' | 'count' | 'lufs';

export function thresholdUnit(metric: TargetMetric): ThresholdUnit {
  switch (metric) {
    case 'deadAirLongest':
    case 'overtalk':
    case 'duration':
      return 'seconds';
    case 'silenceShare':
    case 'agentTalkShare':
      return 'percent';
    case 'deadAirCount':
      return 'count';
    case 'loudness':
      return 'lufs';
  }
}

/** A threshold as typed (seconds, percent …) in the metric's stored unit. */
export function storedThreshold(metric: TargetMetric, typed: number): number {
  switch (thresholdUnit(metric)) {
    case 'seconds':
      return Math.round(typed * 1000);
    case 'percent':
      return typed / 100;
    default:
      return typed;
  }
}

/** The Method the form describes, or null while a number in it is missing or out of range. */
export function toMethod(form: MethodForm): Method | null {
  switch (form.kind) {
    case 'random': {
      if (form.random.mode === 'count') {
        const count = whole(form.random.count);
        return count === null ? null : { kind: 'random', size: { type: 'count', value: count } };
      }
      const percent = parseNumber(form.random.percent);
      return percent === null || percent <= 0 || percent > 100 ? null : { kind: 'random', size: { type: 'percent', value: percent } };
    }
    case 'quota': {
      const calls = whole(form.quota.calls);
      const minSeconds = form.quota.minSeconds.trim() === '' ? 0 : parseNumber(form.quota.minSeconds);
      if (calls === null || minSeconds === null || minSeconds < 0) return null;
      return { kind: 'quota', per: form.quota.per, period: form.quota.period, calls, minDurationMs: Math.round(minSeconds * 1000) };
    }
    case 'stratified': {
      const size = whole(form.stratified.size);
      return size === null ? null : { kind: 'stratified', field: form.stratified.field, size, allocation: form.stratified.allocation };
    }
    case 'targeted': {
      const { metric } = form.targeted;
      const count = whole(form.targeted.count);
      if (count === null) return null;
      if (form.targeted.mode === 'top') return { kind: 'top', metric, count };
      const threshold = parseNumber(form.targeted.threshold);
      return threshold === null ? null : { kind: 'overThreshold', metric, threshold: storedThreshold(metric, threshold), count };
    }
  }
}

/** A threshold in its stored unit, as people read it: "10 s", "30%", "−30 LUFS", "3". */
export function formatThreshold(metric: TargetMetric, stored: number): string {
  switch (thresholdUnit(metric)) {
    case 'seconds':
      return formatSecondsOnly(stored);
    case 'percent':
      return formatNumber(stored, { style: 'percent', maximumFractionDigits: 1 });
    case 'lufs':
      return t('call.metrics.lufsValue', { value: formatNumber(stored, { maximumFractionDigits: 1 }) });
    case 'count':
      return formatNumber(stored);
  }
}

/** The method in one sentence: "2 calls per agent per week, each at least 30 s long". */
export function describeMethod(method: Method): string {
  switch (method.kind) {
    case 'random':
      return method.size.type === 'count'
        ? t('samples.describe.random', { count: method.size.value })
        : t('samples.describe.percent', { percent: formatNumber(method.size.value, { maximumFractionDigits: 2 }) });
    case 'quota': {
      const base = t('samples.describe.quota', {
        count: method.calls,
        per: t(`samples.per.${method.per}`),
        period: t(`samples.period.${method.period}`),
      });
      return method.minDurationMs > 0
        ? t('samples.describe.minDuration', { method: base, duration: formatSecondsOnly(method.minDurationMs) })
        : base;
    }
    case 'stratified':
      return t(`samples.describe.stratified.${method.allocation}`, {
        count: method.size,
        field: t(`samples.stratum.${method.field}`),
      });
    case 'top':
      // Loudness ranks quietest first (the calls hardest to hear).
      return method.metric === 'loudness'
        ? t('samples.describe.quietest', { count: method.count })
        : t('samples.describe.top', { count: method.count, metric: t(`samples.metric.${method.metric}`) });
    case 'overThreshold':
      return t('samples.describe.overThreshold', {
        count: method.count,
        metric: t(`samples.metric.${method.metric}`),
        threshold: formatThreshold(method.metric, method.threshold),
      });
  }
}

/** A group of the plan as people read it: weekdays and directions in words, "(none)" translated. */
export function groupLabel(group: string, method: Method | null): string {
  if (group === '(none)') return t('samples.group.none');
  if (method?.kind === 'stratified') {
    if (method.field === 'weekday' && /^(mon|tue|wed|thu|fri|sat|sun)$/.test(group)) return t(`samples.weekday.${group as 'mon'}`);
    if (method.field === 'direction' && /^(inbound|outbound|internal)$/.test(group)) return t(`direction.${group as 'inbound'}`);
  }
  return group;
}
