// The navigation rail, as data: a new screen is one entry here (and its view component).
import type { Component } from 'svelte';
import type { Role } from './lib/bindings/Role';
import type { MessageKey } from './lib/i18n';
import Agents from './views/Agents.svelte';
import Library from './views/Library.svelte';
import Queue from './views/Queue.svelte';
import Samples from './views/Samples.svelte';
import Scorecards from './views/Scorecards.svelte';
import Settings from './views/Settings.svelte';

export interface NavItem {
  id: string;
  labelKey: MessageKey;
  /** Path data of a 24×24 stroked icon. */
  icon: string[];
  component: Component;
  /** Shown to an agent's profile (their own evaluations and settings only). */
  forAgents?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'library',
    labelKey: 'nav.library',
    icon: [
      'M3 18v-6a9 9 0 0 1 18 0v6',
      'M21 19a2 2 0 0 1-2 2h-1a2 2 0 0 1-2-2v-3a2 2 0 0 1 2-2h3z',
      'M3 19a2 2 0 0 0 2 2h1a2 2 0 0 0 2-2v-3a2 2 0 0 0-2-2H3z',
    ],
    component: Library,
  },
  {
    // Drawing samples: a shuffle, for a draw by a stated rule.
    id: 'samples',
    labelKey: 'nav.samples',
    icon: [
      'M2 18h1.4c1.3 0 2.5-.6 3.3-1.7l6.1-8.6c.7-1.1 2-1.7 3.3-1.7H22',
      'm18 2 4 4-4 4',
      'M2 6h1.9c1.5 0 2.9.9 3.6 2.2',
      'M22 18h-5.9c-1.3 0-2.6-.7-3.3-1.8l-.5-.8',
      'm18 14 4 4-4 4',
    ],
    component: Samples,
  },
  {
    // The calls assigned to the current profile: a checklist.
    id: 'queue',
    labelKey: 'nav.queue',
    icon: ['m3 17 2 2 4-4', 'm3 7 2 2 4-4', 'M13 6h8', 'M13 12h8', 'M13 18h8'],
    component: Queue,
  },
  {
    // Agents and the feedback they got: people.
    id: 'agents',
    labelKey: 'nav.agents',
    forAgents: true,
    icon: ['M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2', 'M9 7m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0', 'M22 21v-2a4 4 0 0 0-3-3.87', 'M16 3.13a4 4 0 0 1 0 7.75'],
    component: Agents,
  },
  {
    // Scorecard forms: a clipboard with a check.
    id: 'scorecards',
    labelKey: 'nav.scorecards',
    icon: ['M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z', 'M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2', 'm9 14 2 2 4-4'],
    component: Scorecards,
  },
  {
    id: 'settings',
    labelKey: 'nav.settings',
    forAgents: true,
    icon: ['M4 21v-7', 'M4 10V3', 'M12 21v-9', 'M12 8V3', 'M20 21v-5', 'M20 12V3', 'M1 14h6', 'M9 8h6', 'M17 16h6'],
    component: Settings,
  },
];

/**
 * The screens a profile's rail shows: an agent's profile sees their own evaluations and the
 * settings, not the library, samples, queues or forms (a convenience of the interface: Hark is
 * a local app, and whoever holds the laptop holds the database).
 */
export function navItemsFor(role: Role | undefined): readonly NavItem[] {
  return role === 'agent' ? NAV_ITEMS.filter((item) => item.forAgents) : NAV_ITEMS;
}
