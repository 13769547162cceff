import { describe, expect, it } from 'vitest';
import { canDesign, exportName } from './roles';

describe('roles and files', () => {
  it('let only admins and leads design forms', () => {
    expect(canDesign('admin')).toBe(true);
    expect(canDesign('lead')).toBe(true);
    for (const role of ['reviewer', 'auditor', 'agent', null, undefined] as const) expect(canDesign(role)).toBe(false);
  });

  it('name export files after the form and version', () => {
    expect(exportName('Customer service', 3)).toBe('Customer service-v3');
    expect(exportName('Sales: "Q4" / EU', 1)).toBe('Sales_ _Q4_ _ EU-v1');
    expect(exportName('  ', 2)).toBe('scorecard-v2');
    expect(exportName('فرم ارزیابی فروش', 1)).toBe('فرم ارزیابی فروش-v1');
  });
});
