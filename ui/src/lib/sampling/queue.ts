// The reviewer's queue: assigned calls grouped by sample, with progress and overdue dates.
import type { SampleItem } from '../bindings/SampleItem';
import type { SampleSummary } from '../bindings/SampleSummary';

export interface QueueGroup {
  sampleId: number;
  /** Null when the sample is not in the list (it is then named by its id). */
  name: string | null;
  items: SampleItem[];
  done: number;
  total: number;
  /** 0 to 1. */
  progress: number;
  /** The earliest due date of a call still to review (`YYYY-MM-DD`), or null. */
  nextDue: string | null;
  overdue: number;
}

/** Today's date where the reviewer is, as `YYYY-MM-DD` (due dates are local dates). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Still to review and due before today. */
export function isOverdue(item: SampleItem, today: string): boolean {
  return item.completedAt === null && item.dueDate !== null && item.dueDate < today;
}

/**
 * Groups the queue by sample, in the order the queue has them (soonest due first): within a
 * sample, calls to review first by due date, then the ones done.
 */
export function groupQueue(items: readonly SampleItem[], samples: readonly SampleSummary[], today: string): QueueGroup[] {
  const names = new Map(samples.map((sample) => [sample.id, sample.name]));
  const groups = new Map<number, SampleItem[]>();
  for (const item of items) {
    const list = groups.get(item.sampleId);
    if (list) list.push(item);
    else groups.set(item.sampleId, [item]);
  }
  const result: QueueGroup[] = [];
  for (const [sampleId, list] of groups) {
    const sorted = [...list].sort(
      (a, b) =>
        Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.position - b.position,
    );
    const done = list.filter((item) => item.completedAt !== null).length;
    const open = sorted.filter((item) => item.completedAt === null);
    result.push({
      sampleId,
      name: names.get(sampleId) ?? null,
      items: sorted,
      done,
      total: list.length,
      progress: list.length === 0 ? 0 : done / list.length,
      nextDue: open.find((item) => item.dueDate !== null)?.dueDate ?? null,
      overdue: open.filter((item) => isOverdue(item, today)).length,
    });
  }
  return result;
}
