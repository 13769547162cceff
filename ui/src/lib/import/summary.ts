// An import's report as the summary shows it: the counts in a fixed order, long lists cut to
// their first entries with how many more there are, and the call-records join.
import type { CdrReport } from '../bindings/CdrReport';
import type { Conflict } from '../bindings/Conflict';
import type { ImportReport } from '../bindings/ImportReport';
import type { Problem } from '../bindings/Problem';

/** Entries of a list shown before "and N more". */
export const LIST_LIMIT = 20;

export interface Listed<T> {
  shown: T[];
  /** Entries left out. */
  more: number;
}

export function firstOf<T>(items: readonly T[], limit = LIST_LIMIT): Listed<T> {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

export type CountKey = 'added' | 'updated' | 'unchanged' | 'moved' | 'missing' | 'problems' | 'notAudio';

export interface Count<K extends string> {
  key: K;
  value: number;
  /** Worth a second look: problems, missing files, rows that did not match. */
  warn: boolean;
}

export type CdrCountKey = 'rows' | 'matchedByCallId' | 'matchedByTime' | 'rowsWithoutRecording' | 'recordingsWithoutRow' | 'conflicts';

export interface CdrSummary {
  file: string;
  counts: Count<CdrCountKey>[];
  rowsWithoutRecording: Listed<string>;
  recordingsWithoutRow: Listed<string>;
  conflicts: Listed<Conflict>;
}

export interface ImportSummary {
  counts: Count<CountKey>[];
  /** Files looked at (audio or not), the time it took and the rate over them. */
  filesSeen: number;
  seconds: number;
  filesPerSecond: number;
  cancelled: boolean;
  problemCount: number;
  problems: Listed<Problem>;
  passedOver: Listed<Problem>;
  cdr: CdrSummary | null;
}

function count<K extends string>(key: K, value: number, warn = false): Count<K> {
  return { key, value, warn: warn && value > 0 };
}

export function buildCdrSummary(cdr: CdrReport): CdrSummary {
  return {
    file: cdr.file,
    counts: [
      count('rows', cdr.rows),
      count('matchedByCallId', cdr.matchedByCallId),
      count('matchedByTime', cdr.matchedByTime),
      count('rowsWithoutRecording', cdr.rowsWithoutRecording.length, true),
      count('recordingsWithoutRow', cdr.recordingsWithoutRow.length, true),
      count('conflicts', cdr.conflicts.length, true),
    ],
    rowsWithoutRecording: firstOf(cdr.rowsWithoutRecording),
    recordingsWithoutRow: firstOf(cdr.recordingsWithoutRow),
    conflicts: firstOf(cdr.conflicts),
  };
}

export function buildSummary(report: ImportReport): ImportSummary {
  return {
    counts: [
      count('added', report.added),
      count('updated', report.updated),
      count('unchanged', report.unchanged),
      count('moved', report.moved),
      count('missing', report.missing, true),
      count('problems', report.problems.length, true),
      count('notAudio', report.notAudio),
    ],
    filesSeen: report.filesSeen,
    seconds: report.seconds,
    filesPerSecond: report.filesPerSecond,
    cancelled: report.cancelled,
    problemCount: report.problems.length,
    problems: firstOf(report.problems),
    passedOver: firstOf(report.passedOver),
    cdr: report.cdr ? buildCdrSummary(report.cdr) : null,
  };
}
