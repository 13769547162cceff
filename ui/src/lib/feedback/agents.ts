// The Agents screen's table: filtering by text and sorting by any column (empty values last,
// whichever the direction), and the "forms used" line of an agent's page.
import type { AgentSummary } from '../bindings/AgentSummary';
import type { FormUse } from '../bindings/FormUse';
import { formatNumber, intlLocale, t } from '../i18n';
import { isolate } from './bidi';

export type AgentSort =
  | 'name'
  | 'team'
  | 'vendor'
  | 'evaluations'
  | 'averageScore'
  | 'criticalFails'
  | 'unacknowledged'
  | 'openDisputes'
  | 'lastSubmittedAt';

/** The table's columns in order, with the order a first click sorts them in. */
export const AGENT_COLUMNS: readonly { sort: AgentSort; numeric: boolean }[] = [
  { sort: 'name', numeric: false },
  { sort: 'team', numeric: false },
  { sort: 'vendor', numeric: false },
  { sort: 'evaluations', numeric: true },
  { sort: 'averageScore', numeric: true },
  { sort: 'criticalFails', numeric: true },
  { sort: 'unacknowledged', numeric: true },
  { sort: 'openDisputes', numeric: true },
  { sort: 'lastSubmittedAt', numeric: false },
];

/** Text columns start A→Z; figures and dates start with the largest (most recent) first. */
export function firstDirectionDesc(sort: AgentSort): boolean {
  return sort !== 'name' && sort !== 'team' && sort !== 'vendor';
}

/** Whether an agent matches the filter text (name, team, vendor or profile; any case). */
export function matchesFilter(agent: AgentSummary, text: string): boolean {
  const words = text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [agent.name, agent.team, agent.vendor, agent.profile]
    .filter((v): v is string => v !== null)
    .join(' ')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

function value(agent: AgentSummary, sort: AgentSort): string | number | null {
  switch (sort) {
    case 'name':
      return agent.name;
    case 'team':
      return agent.team;
    case 'vendor':
      return agent.vendor;
    case 'lastSubmittedAt':
      return agent.lastSubmittedAt === null ? null : Date.parse(agent.lastSubmittedAt);
    default:
      return agent[sort];
  }
}

function isEmpty(v: string | number | null): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * The agents matching `text`, sorted by `sort`. Empty values (no team, no score yet) go last in
 * either direction; ties keep name order.
 */
export function sortAgents(agents: readonly AgentSummary[], sort: AgentSort, desc: boolean, text = ''): AgentSummary[] {
  const collator = new Intl.Collator(intlLocale(), { sensitivity: 'base', numeric: true });
  const byName = (a: AgentSummary, b: AgentSummary) => collator.compare(a.name, b.name) || a.id - b.id;
  return agents
    .filter((agent) => matchesFilter(agent, text))
    .sort((a, b) => {
      const x = value(a, sort);
      const y = value(b, sort);
      if (isEmpty(x) || isEmpty(y)) {
        if (isEmpty(x) !== isEmpty(y)) return isEmpty(x) ? 1 : -1;
        return byName(a, b);
      }
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return (desc ? -order : order) || byName(a, b);
    });
}

/**
 * What the agent was scored on: "Customer service, versions 1 and 2; Sales compliance,
 * version 1". Several versions are named, since their scores are not strictly comparable.
 */
export function formsUsedLine(forms: readonly FormUse[]): string {
  const list = new Intl.ListFormat(intlLocale(), { type: 'conjunction' });
  return forms
    .map((form) => {
      const versions = [...form.versions].sort((a, b) => a - b);
      return versions.length === 1
        ? t('agents.page.formVersion', { name: isolate(form.name), version: versions[0] })
        : t('agents.page.formVersions', { name: isolate(form.name), versions: list.format(versions.map((v) => formatNumber(v))) });
    })
    .join(t('agents.page.formsSeparator'));
}

/** Whether any form's scores span several of its versions. */
export function spansVersions(forms: readonly FormUse[]): boolean {
  return forms.some((form) => form.versions.length > 1);
}
