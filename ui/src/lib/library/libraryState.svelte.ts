// Filters and sort of the library, kept while the user visits other screens.
import type { LibrarySort } from '../bindings/LibrarySort';

export const libraryState = $state({
  search: '',
  agent: '',
  team: '',
  vendor: '',
  queue: '',
  /** Only the files that could not be read (status "unreadable"). */
  problems: false,
  sortBy: 'callStart' as LibrarySort,
  sortDesc: true,
  /** Where the table was scrolled to, restored when coming back from a call. */
  scrollTop: 0,
});

export function clearFilters(): void {
  libraryState.search = '';
  libraryState.agent = '';
  libraryState.team = '';
  libraryState.vendor = '';
  libraryState.queue = '';
  libraryState.problems = false;
}

/** The Library's Problems filter alone: every file that could not be read. */
export function showProblems(): void {
  clearFilters();
  libraryState.problems = true;
}

/** A click on a column header: the same column flips the order, a new one starts ascending. */
export function toggleSort(sort: LibrarySort): void {
  if (libraryState.sortBy === sort) {
    libraryState.sortDesc = !libraryState.sortDesc;
  } else {
    libraryState.sortBy = sort;
    libraryState.sortDesc = false;
  }
}
