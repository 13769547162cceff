// Fetches library rows page by page as the table scrolls, keeps them per page and ignores
// answers that belong to an earlier query (each query gets a new generation number).
import type { LibraryPage } from '../bindings/LibraryPage';
import type { LibraryQuery } from '../bindings/LibraryQuery';
import type { LibraryRow } from '../bindings/LibraryRow';

/** A library query without its paging fields: what the filters and sort decide. */
export type LibraryFilter = Omit<LibraryQuery, 'offset' | 'limit'>;

export type PageFetcher = (query: LibraryQuery) => Promise<LibraryPage>;

export interface RowCacheOptions {
  fetchPage: PageFetcher;
  pageSize?: number;
  /** Requests in flight at once; pages scrolled past before their turn are never fetched. */
  maxInFlight?: number;
  /** Pages kept in memory; the least recently stored ones not in view are dropped. */
  maxPages?: number;
  /** Called after rows or the total changed. */
  onChange?: () => void;
  onError?: (error: unknown) => void;
}

export class RowCache {
  readonly pageSize: number;
  private readonly fetchPage: PageFetcher;
  private readonly maxInFlight: number;
  private readonly maxPages: number;
  private readonly onChange: () => void;
  private readonly onError: (error: unknown) => void;

  private filter: LibraryFilter | null = null;
  private generation = 0;
  private pages = new Map<number, LibraryRow[]>();
  /** Pages still shown but asked for again by `refresh` (their rows may have changed). */
  private stale = new Set<number>();
  private inFlight = new Set<number>();
  private failed = new Set<number>();
  private wanted: number[] = [];
  private totalRows: number | null = null;

  constructor(options: RowCacheOptions) {
    this.fetchPage = options.fetchPage;
    this.pageSize = options.pageSize ?? 200;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxPages = options.maxPages ?? 60;
    this.onChange = options.onChange ?? (() => {});
    this.onError = options.onError ?? (() => {});
  }

  /** Rows in the whole result, or null until the first page of the current query arrived. */
  get total(): number | null {
    return this.totalRows;
  }

  get currentGeneration(): number {
    return this.generation;
  }

  /** Starts over for a new query: drops every page and forgets requests still running. */
  setFilter(filter: LibraryFilter): void {
    this.filter = filter;
    this.generation++;
    this.pages.clear();
    this.stale.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.wanted = [];
    this.totalRows = null;
    this.onChange();
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  row(index: number): LibraryRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  hasPage(page: number): boolean {
    return this.pages.has(page);
  }

  /** Declares the pages now in view; missing ones are fetched in that order. */
  want(pages: number[]): void {
    this.wanted = [...pages];
    this.pump();
  }

  /**
   * Fetches the pages in view again for the same query (the library changed underneath, e.g.
   * during an import). Their current rows stay shown until the new ones arrive; other pages
   * are dropped then. With nothing in view yet it asks for the first page.
   */
  refresh(): void {
    if (!this.filter) return;
    this.generation++;
    this.inFlight.clear();
    this.failed.clear();
    for (const page of this.pages.keys()) this.stale.add(page);
    if (this.wanted.length === 0) this.wanted = [0];
    this.pump();
  }

  /** Fetches the pages in view again after an error. */
  retry(): void {
    this.failed.clear();
    this.pump();
  }

  private pump(): void {
    if (!this.filter) return;
    for (const page of this.wanted) {
      if (this.inFlight.size >= this.maxInFlight) break;
      if ((this.pages.has(page) && !this.stale.has(page)) || this.inFlight.has(page) || this.failed.has(page)) continue;
      this.load(page);
    }
  }

  private load(page: number): void {
    const generation = this.generation;
    const query: LibraryQuery = { ...(this.filter as LibraryFilter), offset: page * this.pageSize, limit: this.pageSize };
    this.inFlight.add(page);
    this.fetchPage(query).then(
      (result) => {
        if (generation !== this.generation) return; // an answer to an earlier query
        this.inFlight.delete(page);
        this.pages.set(page, result.rows);
        this.stale.delete(page);
        this.totalRows = result.total;
        this.dropStale();
        this.evict();
        this.onChange();
        this.pump();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.inFlight.delete(page);
        this.failed.add(page);
        this.onError(error);
        this.pump();
      },
    );
  }

  /** Stale pages out of view are dropped rather than shown again later. */
  private dropStale(): void {
    for (const page of this.stale) {
      if (!this.wanted.includes(page)) {
        this.pages.delete(page);
        this.stale.delete(page);
      }
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (!this.wanted.includes(page)) this.pages.delete(page);
    }
  }
}
