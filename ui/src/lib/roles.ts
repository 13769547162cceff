import type { Role } from './bindings/Role';

/** Every role, in the order the profile forms offer them. */
export const ROLES: readonly Role[] = ['reviewer', 'lead', 'auditor', 'admin'];
