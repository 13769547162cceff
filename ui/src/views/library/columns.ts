// The library table's columns, in display order: header label, width and sort key.
// LibraryTableRow.svelte writes its cells out in this same order.
import type { LibrarySort } from '../../lib/bindings/LibrarySort';
import type { MessageKey } from '../../lib/i18n';

export interface Column {
  id: string;
  labelKey: MessageKey;
  /** Narrowest width in rem; the table scrolls sideways only when the columns can't get it. */
  min: number;
  /**
   * Share of the room left over once every column has its minimum (an `fr` weight). Columns
   * without one keep their minimum. The file name has the largest share, so it takes most of
   * the spare room until it is wide; then the free-text columns widen too.
   */
  grow?: number;
  /** Absent for columns the backend cannot sort by. */
  sort?: LibrarySort;
  /** A speech metric (its header label may take two lines). */
  metric?: boolean;
}

// The columns up to the speech metrics fit the default 1280 px window (about 73.7rem beside the
// navigation rail): at the table's 13px text, times, durations, directions, vendors, typical
// names and teams, and the metrics show in full, and the header labels fit with the sort arrow
// (the metrics' on two lines). Disposition, the numbers and the file name follow; the whole
// table fits from about 1600 px and scrolls sideways below that. Longer values end in "…" and
// show whole in their tooltip.
export const COLUMNS: readonly Column[] = [
  { id: 'start', labelKey: 'library.col.start', min: 10.4, sort: 'callStart' },
  { id: 'duration', labelKey: 'library.col.duration', min: 5, sort: 'durationMs' },
  { id: 'agent', labelKey: 'library.col.agent', min: 6.75, grow: 0.35, sort: 'agent' },
  { id: 'team', labelKey: 'library.col.team', min: 6.65, grow: 0.3, sort: 'team' },
  { id: 'vendor', labelKey: 'library.col.vendor', min: 10, grow: 0.3, sort: 'vendor' },
  { id: 'queue', labelKey: 'library.col.queue', min: 5.4, grow: 0.25, sort: 'queue' },
  { id: 'direction', labelKey: 'library.col.direction', min: 5.5, sort: 'direction' },
  // Speech metrics: empty until the recording has been analysed.
  { id: 'agentTalkShare', labelKey: 'library.col.agentTalk', min: 4.4, sort: 'agentTalkShare', metric: true },
  { id: 'silenceShare', labelKey: 'library.col.silence', min: 4.2, sort: 'silenceShare', metric: true },
  { id: 'deadAirLongest', labelKey: 'library.col.deadAir', min: 5, sort: 'deadAirLongest', metric: true },
  { id: 'overtalk', labelKey: 'library.col.overtalk', min: 4.6, sort: 'overtalk', metric: true },
  { id: 'loudness', labelKey: 'library.col.loudness', min: 5, sort: 'loudness', metric: true },
  { id: 'disposition', labelKey: 'library.col.disposition', min: 6.1, grow: 0.25, sort: 'disposition' },
  { id: 'caller', labelKey: 'library.col.caller', min: 7 },
  { id: 'callee', labelKey: 'library.col.callee', min: 7 },
  { id: 'fileName', labelKey: 'library.col.fileName', min: 3, grow: 1, sort: 'fileName' },
];

function track(column: Column): string {
  return column.grow ? `minmax(${column.min}rem, ${column.grow}fr)` : `${column.min}rem`;
}

/** Fixed and `fr` tracks only (no intrinsic sizing, so layout stays cheap while scrolling 100,000 rows). */
export const GRID_COLUMNS = COLUMNS.map(track).join(' ');

/** Below this width the table scrolls sideways. */
export const GRID_MIN_WIDTH = `${Number(COLUMNS.reduce((sum, c) => sum + c.min, 0).toFixed(3))}rem`;
