// The library table's columns, in display order: header label, width and sort key.
// LibraryTableRow.svelte writes its cells out in this same order.
import type { LibrarySort } from '../../lib/bindings/LibrarySort';
import type { MessageKey } from '../../lib/i18n';

export interface Column {
  id: string;
  labelKey: MessageKey;
  /** Width in rem; the last column also takes whatever room is left. */
  width: number;
  /** Absent for columns the backend cannot sort by. */
  sort?: LibrarySort;
}

export const COLUMNS: readonly Column[] = [
  { id: 'start', labelKey: 'library.col.start', width: 13, sort: 'callStart' },
  { id: 'duration', labelKey: 'library.col.duration', width: 6.5, sort: 'durationMs' },
  { id: 'agent', labelKey: 'library.col.agent', width: 10, sort: 'agent' },
  { id: 'team', labelKey: 'library.col.team', width: 8.5, sort: 'team' },
  { id: 'vendor', labelKey: 'library.col.vendor', width: 8.5, sort: 'vendor' },
  { id: 'queue', labelKey: 'library.col.queue', width: 8.5, sort: 'queue' },
  { id: 'direction', labelKey: 'library.col.direction', width: 7, sort: 'direction' },
  { id: 'disposition', labelKey: 'library.col.disposition', width: 9, sort: 'disposition' },
  { id: 'caller', labelKey: 'library.col.caller', width: 10.5 },
  { id: 'callee', labelKey: 'library.col.callee', width: 10.5 },
  { id: 'fileName', labelKey: 'library.col.fileName', width: 16, sort: 'fileName' },
];

/** Fixed tracks (no intrinsic sizing, so layout stays cheap while scrolling 100,000 rows). */
export const GRID_COLUMNS = COLUMNS.map((c, i) => (i === COLUMNS.length - 1 ? `minmax(${c.width}rem, 1fr)` : `${c.width}rem`)).join(' ');

export const GRID_MIN_WIDTH = `${COLUMNS.reduce((sum, c) => sum + c.width, 0)}rem`;
