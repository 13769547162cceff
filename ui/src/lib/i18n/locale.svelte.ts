// The reactive current locale. Reading `localeState.current` inside a template, `$derived`
// or `$effect` makes it re-run when the language changes.
export type Locale = 'en' | 'fa';

export const localeState = $state<{ current: Locale }>({ current: 'en' });
