import { describe, expect, it } from 'vitest';
import { profileRoles, ROLES } from '../roles';

describe('the roles a profile form offers', () => {
  it('never offers an agent’s profile on first run', () => {
    expect(profileRoles(null)).toEqual(ROLES);
    expect(ROLES).not.toContain('agent');
  });

  it('lets leads and admins make an agent’s profile', () => {
    expect(profileRoles('lead')).toEqual([...ROLES, 'agent']);
    expect(profileRoles('admin')).toEqual([...ROLES, 'agent']);
    expect(profileRoles('reviewer')).toEqual(ROLES);
    expect(profileRoles('auditor')).toEqual(ROLES);
    expect(profileRoles('agent')).toEqual(ROLES);
  });
});
