import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../bindings/ImportReport';
import { buildSummary, firstOf, LIST_LIMIT } from './summary';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    filesSeen: 5,
    added: 3,
    updated: 0,
    unchanged: 0,
    moved: 0,
    missing: 0,
    notAudio: 1,
    problems: [{ path: '/calls/broken.wav', reason: 'empty file' }],
    passedOver: [],
    cdr: null,
    seconds: 0.42,
    filesPerSecond: 11.9,
    cancelled: false,
    ...overrides,
  };
}

describe('firstOf', () => {
  it('keeps the first entries and counts the rest', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(firstOf(items)).toEqual({ shown: items.slice(0, LIST_LIMIT), more: 3 });
    expect(firstOf([1, 2], 20)).toEqual({ shown: [1, 2], more: 0 });
  });
});

describe('buildSummary', () => {
  it('lists every count in a fixed order, problems and missing files marked', () => {
    const summary = buildSummary(report({ missing: 2 }));
    expect(summary.counts.map((c) => [c.key, c.value, c.warn])).toEqual([
      ['added', 3, false],
      ['updated', 0, false],
      ['unchanged', 0, false],
      ['moved', 0, false],
      ['missing', 2, true],
      ['problems', 1, true],
      ['notAudio', 1, false],
    ]);
    expect(summary.problemCount).toBe(1);
    expect(summary.problems).toEqual({ shown: [{ path: '/calls/broken.wav', reason: 'empty file' }], more: 0 });
    expect(summary.cdr).toBeNull();
    expect(summary).toMatchObject({ filesSeen: 5, seconds: 0.42, filesPerSecond: 11.9, cancelled: false });
  });

  it('does not mark counts that are zero', () => {
    const summary = buildSummary(report({ problems: [] }));
    expect(summary.counts.find((c) => c.key === 'problems')).toEqual({ key: 'problems', value: 0, warn: false });
  });

  it('cuts long problem lists to the first 20', () => {
    const problems = Array.from({ length: 45 }, (_, i) => ({ path: `/calls/${i}.wav`, reason: 'truncated' }));
    const summary = buildSummary(report({ problems, passedOver: [{ path: '/calls/loop', reason: 'symlink loop' }] }));
    expect(summary.problems.shown).toHaveLength(20);
    expect(summary.problems.shown[0].path).toBe('/calls/0.wav');
    expect(summary.problems.more).toBe(25);
    expect(summary.problemCount).toBe(45);
    expect(summary.passedOver).toEqual({ shown: [{ path: '/calls/loop', reason: 'symlink loop' }], more: 0 });
  });

  it('summarises the call records join', () => {
    const conflict = { path: '/calls/a.wav', row: 4, field: 'caller', recordingValue: '5555550142', recordValue: '5555550199' };
    const summary = buildSummary(
      report({
        cdr: {
          file: '/cdr/Master.csv',
          rows: 10,
          matchedByCallId: 6,
          matchedByTime: 2,
          rowsWithoutRecording: ['row 9: 1762086583.42', 'row 11: 1762086600.7'],
          recordingsWithoutRow: ['/calls/b.wav'],
          conflicts: [conflict],
        },
      }),
    );
    expect(summary.cdr?.file).toBe('/cdr/Master.csv');
    expect(summary.cdr?.counts.map((c) => [c.key, c.value, c.warn])).toEqual([
      ['rows', 10, false],
      ['matchedByCallId', 6, false],
      ['matchedByTime', 2, false],
      ['rowsWithoutRecording', 2, true],
      ['recordingsWithoutRow', 1, true],
      ['conflicts', 1, true],
    ]);
    expect(summary.cdr?.rowsWithoutRecording.shown).toEqual(['row 9: 1762086583.42', 'row 11: 1762086600.7']);
    expect(summary.cdr?.conflicts).toEqual({ shown: [conflict], more: 0 });
  });
});
