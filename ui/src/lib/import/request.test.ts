import { describe, expect, it, vi } from 'vitest';
import type { Extracted } from '../bindings/Extracted';
import { buildRequest, EXAMPLE_TEMPLATE, patternOf, previewNames, sampleNames, withPaths, type ImportForm } from './request';

const form: ImportForm = { paths: ['/srv/calls'], vendor: '  ', team: ' Billing ', pattern: '', template: EXAMPLE_TEMPLATE, cdr: '' };

const found = (uniqueId: string): Extracted => ({
  direction: 'inbound',
  caller: null,
  callee: null,
  agent: null,
  queue: null,
  uniqueId,
  localStart: null,
});

describe('buildRequest', () => {
  it('sends blank fields as null and trims the rest', () => {
    expect(buildRequest(form)).toEqual({ paths: ['/srv/calls'], vendor: null, team: 'Billing', pattern: null, cdr: null });
  });

  it('sends the built-in pattern name or the custom template', () => {
    expect(patternOf({ pattern: 'asterisk', template: 'x' })).toBe('asterisk');
    expect(patternOf({ pattern: 'datetime', template: 'x' })).toBe('datetime');
    expect(patternOf({ pattern: 'custom', template: ` ${EXAMPLE_TEMPLATE} ` })).toBe(EXAMPLE_TEMPLATE);
    expect(patternOf({ pattern: 'custom', template: '  ' })).toBeNull();
    expect(buildRequest({ ...form, cdr: ' /cdr/Master.csv ' }).cdr).toBe('/cdr/Master.csv');
  });
});

describe('withPaths', () => {
  it('adds trimmed paths once', () => {
    expect(withPaths(['/a'], [' /b ', '/a', '', '/b', '/مکالمات'])).toEqual(['/a', '/b', '/مکالمات']);
  });
});

describe('sampleNames', () => {
  it('takes one name a line without blank lines', () => {
    expect(sampleNames(' a.wav \r\n\n b.mp3\n')).toEqual(['a.wav', 'b.mp3']);
    expect(sampleNames(Array.from({ length: 30 }, (_, i) => `${i}.wav`).join('\n'))).toHaveLength(20);
  });
});

describe('previewNames', () => {
  it('asks once for a chosen pattern', async () => {
    const preview = vi.fn().mockResolvedValue([found('1'), null]);
    await expect(previewNames('asterisk', ['a', 'b'], preview)).resolves.toEqual([found('1'), null]);
    expect(preview).toHaveBeenCalledExactlyOnceWith('asterisk', ['a', 'b']);
  });

  it('tries Asterisk, then date and time, for the automatic choice', async () => {
    const preview = vi.fn(async (pattern: string, names: string[]) =>
      names.map((name) => (pattern === 'asterisk' ? (name === 'in' ? found('ast') : null) : name === 'dated' ? found('dt') : null)),
    );
    await expect(previewNames(null, ['in', 'dated', 'plain'], preview)).resolves.toEqual([found('ast'), found('dt'), null]);
    expect(preview.mock.calls).toEqual([
      ['asterisk', ['in', 'dated', 'plain']],
      ['datetime', ['dated', 'plain']],
    ]);
  });

  it('stops once every name matched and asks nothing without names', async () => {
    const preview = vi.fn().mockResolvedValue([found('1')]);
    await previewNames(null, ['in'], preview);
    expect(preview).toHaveBeenCalledOnce();
    await expect(previewNames(null, [], preview)).resolves.toEqual([]);
    expect(preview).toHaveBeenCalledOnce();
  });
});
