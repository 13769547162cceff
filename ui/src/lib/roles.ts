import type { Role } from './bindings/Role';

/** Every role a profile may be created with, in the order the profile forms offer them. */
export const ROLES: readonly Role[] = ['reviewer', 'lead', 'auditor', 'admin'];

/** Whether a profile of this role may make an agent's profile (linked to one of the library's agents). */
export function makesAgentProfiles(role: Role | null | undefined): boolean {
  return role === 'lead' || role === 'admin';
}

/**
 * The roles offered to a profile of role `acting` (null on first run): a lead or an admin may
 * also make an agent's profile; the first profile can never be an agent.
 */
export function profileRoles(acting: Role | null | undefined): readonly Role[] {
  return makesAgentProfiles(acting) ? [...ROLES, 'agent'] : ROLES;
}
