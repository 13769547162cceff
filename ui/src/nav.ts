// The navigation rail, as data: a new screen is one entry here (and its view component).
import type { Component } from 'svelte';
import type { MessageKey } from './lib/i18n';
import Library from './views/Library.svelte';
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
    id: 'settings',
    labelKey: 'nav.settings',
    icon: ['M4 21v-7', 'M4 10V3', 'M12 21v-9', 'M12 8V3', 'M20 21v-5', 'M20 12V3', 'M1 14h6', 'M9 8h6', 'M17 16h6'],
    component: Settings,
  },
];
