import { describe, expect, it } from 'vitest';
import { navItemsFor } from './nav';

describe('the navigation rail', () => {
  it('shows every screen to reviewers, leads, auditors and admins', () => {
    for (const role of ['reviewer', 'lead', 'auditor', 'admin'] as const) {
      expect(navItemsFor(role).map((item) => item.id)).toEqual(['library', 'samples', 'queue', 'agents', 'scorecards', 'settings']);
    }
  });

  it("shows an agent's profile their own evaluations and the settings only", () => {
    expect(navItemsFor('agent').map((item) => item.id)).toEqual(['agents', 'settings']);
  });
});
