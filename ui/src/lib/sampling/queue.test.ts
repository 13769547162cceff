import { describe, expect, it } from 'vitest';
import type { SampleItem } from '../bindings/SampleItem';
import type { SampleSummary } from '../bindings/SampleSummary';
import { groupQueue, isOverdue, localToday } from './queue';

function item(sampleId: number, position: number, dueDate: string | null, completedAt: string | null = null): SampleItem {
  return {
    sampleId,
    position,
    recordingId: sampleId * 100 + position,
    group: null,
    replacedReason: null,
    replacedBy: null,
    assignedTo: 1,
    assignee: 'Dana',
    dueDate,
    completedAt,
    inProgress: false,
    fileName: `call-${position}.wav`,
    agent: 'Emma Clarke',
    callStart: '2026-11-02T09:14:05+03:30',
    durationMs: 36_779,
  };
}

const samples = [{ id: 7, name: 'Week 45 quota' }, { id: 9, name: 'Dead air' }] as SampleSummary[];

describe('the review queue', () => {
  it('groups calls by sample in queue order, with progress', () => {
    const items = [item(9, 0, '2026-11-20'), item(7, 1, '2026-11-21'), item(9, 1, '2026-11-22', '2026-11-19T10:00:00Z'), item(7, 0, '2026-11-23')];
    const groups = groupQueue(items, samples, '2026-11-21');
    expect(groups.map((g) => g.sampleId)).toEqual([9, 7]);
    expect(groups[0]).toMatchObject({ name: 'Dead air', done: 1, total: 2, progress: 0.5, nextDue: '2026-11-20', overdue: 1 });
    expect(groups[1]).toMatchObject({ name: 'Week 45 quota', done: 0, total: 2, progress: 0, nextDue: '2026-11-21', overdue: 0 });
    expect(groups[1].items.map((i) => i.position)).toEqual([1, 0]);
  });

  it('puts the calls done after the ones to review', () => {
    const items = [item(7, 0, '2026-11-20', '2026-11-19T10:00:00Z'), item(7, 1, '2026-11-25'), item(7, 2, null)];
    const [group] = groupQueue(items, samples, '2026-11-21');
    expect(group.items.map((i) => i.position)).toEqual([1, 2, 0]);
    expect(group).toMatchObject({ done: 1, total: 3, nextDue: '2026-11-25', overdue: 0 });
    expect(group.progress).toBeCloseTo(1 / 3);
  });

  it('names an unknown sample by nothing (the view names it by its id)', () => {
    expect(groupQueue([item(3, 0, null)], samples, '2026-11-21')[0].name).toBeNull();
    expect(groupQueue([], samples, '2026-11-21')).toEqual([]);
  });

  it('knows what is overdue', () => {
    expect(isOverdue(item(7, 0, '2026-11-20'), '2026-11-21')).toBe(true);
    expect(isOverdue(item(7, 0, '2026-11-21'), '2026-11-21')).toBe(false);
    expect(isOverdue(item(7, 0, '2026-11-20', '2026-11-21T08:00:00Z'), '2026-11-21')).toBe(false);
    expect(isOverdue(item(7, 0, null), '2026-11-21')).toBe(false);
  });

  it("writes today's local date", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
