// Who designs forms: only an admin or a lead may create, change or archive one (the backend
// refuses anyone else with "not_allowed"); everyone may look at them and export them.
import type { Role } from '../bindings/Role';

export function canDesign(role: Role | null | undefined): boolean {
  return role === 'admin' || role === 'lead';
}

/** A file name for a form version's JSON: its name without characters file systems refuse. */
export function exportName(name: string, version: number): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'scorecard';
  return `${safe}-v${version}`;
}
