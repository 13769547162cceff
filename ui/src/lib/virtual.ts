// Window maths for the virtualized library table: which rows to put in the DOM and which
// pages of rows to ask the backend for. Pure, so it is tested without a browser.

export interface WindowInput {
  /** The scroll offset of the row area, in pixels. */
  scrollTop: number;
  /** The visible height of the row area, in pixels. */
  viewportHeight: number;
  rowHeight: number;
  /** Number of rows in the whole result. */
  total: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
  /** Rows per backend page. */
  pageSize: number;
}

export interface VirtualWindow {
  /** Index of the first row to render (inclusive). */
  first: number;
  /** Index of the last row to render (inclusive); `first - 1` when there is nothing to render. */
  last: number;
  /** Vertical offset of the first rendered row, in pixels. */
  offsetY: number;
  /** Height of the spacer that stands for all rows. */
  totalHeight: number;
  /** Page numbers (offset = page × pageSize) covering first..last, ascending. */
  pages: number[];
}

export function computeWindow(input: WindowInput): VirtualWindow {
  const rowHeight = Math.max(1, input.rowHeight);
  const total = Math.max(0, Math.floor(input.total));
  const pageSize = Math.max(1, Math.floor(input.pageSize));
  const overscan = Math.max(0, Math.floor(input.overscan));
  const viewportHeight = Math.max(0, input.viewportHeight);
  const totalHeight = total * rowHeight;
  if (total === 0) return { first: 0, last: -1, offsetY: 0, totalHeight: 0, pages: [] };

  // The browser may report a stale scrollTop (e.g. just after the result shrank): clamp it.
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScroll);

  const firstVisible = Math.floor(scrollTop / rowHeight);
  const endVisible = Math.ceil((scrollTop + viewportHeight) / rowHeight); // exclusive
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(total - 1, Math.max(endVisible, firstVisible + 1) + overscan - 1);

  return { first, last, offsetY: first * rowHeight, totalHeight, pages: pagesFor(first, last, pageSize) };
}

/** Page numbers holding rows first..last (inclusive). */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) pages.push(page);
  return pages;
}
