// The navigation rail, as data: a new screen is one entry here (and its view component).
import type { Component } from 'svelte';
import type { MessageKey } from './lib/i18n';
import Library from './views/Library.svelte';
import Queue from './views/Queue.svelte';
import Samples from './views/Samples.svelte';
import Settings from './views/Settings.svelte';

export interface NavItem {
  id: string;
  labelKey: MessageKey;
  /** Path data of a 24×24 stroked icon. */
  icon: string[];
  component: Component;
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
    id: 'settings',
    labelKey: 'nav.settings',
    icon: ['M4 21v-7', 'M4 10V3', 'M12 21v-9', 'M12 8V3', 'M20 21v-5', 'M20 12V3', 'M1 14h6', 'M9 8h6', 'M17 16h6'],
    component: Settings,
  },
];
