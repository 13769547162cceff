// Filters and sort of the library, kept while the user visits other screens.
import type { LibrarySort } from '../bindings/LibrarySort';

export const libraryState = $state({
  search: '',
  agent: '',
  team: '',
  vendor: '',
  queue: '',
  sortBy: 'callStart' as LibrarySort,
  sortDesc: true,
});

export function clearFilters(): void {
  libraryState.search = '';
  libraryState.agent = '';
  libraryState.team = '';
  libraryState.vendor = '';
  libraryState.queue = '';
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
