import { afterEach, describe, expect, it } from 'vitest';
import type { FormUse } from '../bindings/FormUse';
import { setLocale } from '../i18n';
import { plain } from './bidi';
import { firstDirectionDesc, formsUsedLine, matchesFilter, sortAgents, spansVersions } from './agents';
import { agent } from './fixtures.test-support';

afterEach(() => setLocale('en'));

const agents = [
  agent({ id: 1, name: 'Emma Clarke', team: 'Billing', vendor: 'In-house', evaluations: 2, averageScore: 45, criticalFails: 1, lastSubmittedAt: '2026-11-05T10:00:00Z', profile: 'Emma C' }),
  agent({ id: 2, name: 'Daniel Cohen', team: 'Tech Support', vendor: 'Northwind BPO', evaluations: 1, averageScore: 91, lastSubmittedAt: '2026-11-04T10:00:00Z' }),
  agent({ id: 3, name: 'Ivan Petrov', team: 'Tech Support', vendor: 'Northwind BPO' }),
  agent({ id: 4, name: 'سارا احمدی', team: 'Retention', vendor: 'In-house', evaluations: 2, averageScore: 74.5, openDisputes: 1, lastSubmittedAt: '2026-11-06T08:00:00Z' }),
  agent({ id: 5, name: 'ellen', team: null, evaluations: 1, averageScore: 91 }),
];

const ids = (list: { id: number }[]) => list.map((a) => a.id);

describe('the agents table', () => {
  it('sorts names without regard to case', () => {
    expect(ids(sortAgents(agents, 'name', false))).toEqual([2, 5, 1, 3, 4]);
    expect(ids(sortAgents(agents, 'name', true))).toEqual([4, 3, 1, 5, 2]);
  });

  it('sorts figures, ties by name, empty values last either way', () => {
    expect(ids(sortAgents(agents, 'averageScore', true))).toEqual([2, 5, 4, 1, 3]);
    expect(ids(sortAgents(agents, 'averageScore', false))).toEqual([1, 4, 2, 5, 3]);
    expect(ids(sortAgents(agents, 'team', false))).toEqual([1, 4, 2, 3, 5]);
    expect(ids(sortAgents(agents, 'team', true))).toEqual([2, 3, 4, 1, 5]);
    expect(ids(sortAgents(agents, 'openDisputes', true))).toEqual([4, 2, 5, 1, 3]);
  });

  it('sorts by the last evaluation as a time', () => {
    expect(ids(sortAgents(agents, 'lastSubmittedAt', true))).toEqual([4, 1, 2, 5, 3]);
  });

  it('filters on name, team, vendor and profile, every word', () => {
    expect(ids(sortAgents(agents, 'name', false, 'northwind'))).toEqual([2, 3]);
    expect(ids(sortAgents(agents, 'name', false, 'tech  PETROV'))).toEqual([3]);
    expect(ids(sortAgents(agents, 'name', false, 'سارا'))).toEqual([4]);
    expect(matchesFilter(agents[0], 'emma c')).toBe(true);
    expect(matchesFilter(agents[0], '  ')).toBe(true);
    expect(matchesFilter(agents[0], 'support')).toBe(false);
  });

  it('sorts by what is not yet acknowledged, most first', () => {
    const list = [agent({ id: 1, name: 'A', evaluations: 4, unacknowledged: 1 }), agent({ id: 2, name: 'B', evaluations: 2, unacknowledged: 2 })];
    expect(ids(sortAgents(list, 'unacknowledged', true))).toEqual([2, 1]);
  });

  it('starts text columns A→Z and figures largest first', () => {
    expect(firstDirectionDesc('name')).toBe(false);
    expect(firstDirectionDesc('vendor')).toBe(false);
    expect(firstDirectionDesc('averageScore')).toBe(true);
    expect(firstDirectionDesc('lastSubmittedAt')).toBe(true);
  });
});

describe('the forms an agent was scored on', () => {
  const forms: FormUse[] = [
    { name: 'Customer service', versions: [2, 1], evaluations: 3, averageScore: 70 },
    { name: 'Sales compliance', versions: [1], evaluations: 1, averageScore: 90 },
  ];

  it('names the versions when scores span several', () => {
    expect(plain(formsUsedLine(forms))).toBe('Customer service, versions 1 and 2; Sales compliance, version 1');
    expect(formsUsedLine(forms).startsWith('\u2068Customer service\u2069')).toBe(true);
    expect(plain(formsUsedLine([{ ...forms[0], versions: [1, 2, 3] }]))).toBe('Customer service, versions 1, 2, and 3');
    expect(spansVersions(forms)).toBe(true);
    expect(spansVersions(forms.slice(1))).toBe(false);
    expect(formsUsedLine([])).toBe('');
  });

  it('reads in Persian', () => {
    setLocale('fa');
    expect(plain(formsUsedLine(forms))).toBe('Customer service، نسخه‌های ۱ و ۲؛ Sales compliance، نسخهٔ ۱');
  });
});
