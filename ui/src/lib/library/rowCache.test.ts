import { describe, expect, it, vi } from 'vitest';
import type { LibraryPage } from '../bindings/LibraryPage';
import type { LibraryQuery } from '../bindings/LibraryQuery';
import type { LibraryRow } from '../bindings/LibraryRow';
import { RowCache, type LibraryFilter } from './rowCache';

const filter: LibraryFilter = {
  search: null,
  agent: null,
  team: null,
  vendor: null,
  queue: null,
  direction: null,
  status: null,
  sortBy: 'callStart',
  sortDesc: true,
};

function row(id: number): LibraryRow {
  return {
    id,
    path: `/calls/${id}.wav`,
    fileName: `${id}.wav`,
    callStart: null,
    durationMs: null,
    direction: null,
    agent: null,
    team: null,
    vendor: null,
    queue: null,
    disposition: null,
    callerNumber: null,
    calleeNumber: null,
    externalCallId: null,
    container: null,
    codec: null,
    sampleRate: null,
    channels: null,
    status: 'ok',
    problem: null,
    agentTalkShare: null,
    silenceShare: null,
    deadAirLongestMs: null,
    overtalkMs: null,
    loudnessLufs: null,
  };
}

/** A fetcher whose answers the test releases by hand. */
function manualFetcher(total: number) {
  const calls: { query: LibraryQuery; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetchPage = vi.fn(
    (query: LibraryQuery) =>
      new Promise<LibraryPage>((resolve, reject) => {
        const rows: LibraryRow[] = [];
        for (let i = query.offset; i < Math.min(total, query.offset + query.limit); i++) rows.push(row(i + 1));
        calls.push({ query, resolve: () => resolve({ total, offset: query.offset, rows }), reject });
      }),
  );
  return { fetchPage, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('RowCache', () => {
  it('fetches wanted pages with offset and limit and serves their rows', async () => {
    const { fetchPage, calls } = manualFetcher(1000);
    const onChange = vi.fn();
    const cache = new RowCache({ fetchPage, pageSize: 200, onChange });
    cache.setFilter(filter);
    cache.want([0, 1]);
    expect(calls.map((c) => [c.query.offset, c.query.limit])).toEqual([
      [0, 200],
      [200, 200],
    ]);
    expect(calls[0].query.sortBy).toBe('callStart');
    expect(cache.row(0)).toBeUndefined();
    calls[1].resolve();
    await settle();
    expect(cache.row(200)?.id).toBe(201);
    expect(cache.row(0)).toBeUndefined();
    expect(cache.total).toBe(1000);
    expect(onChange).toHaveBeenCalled();
  });

  it('does not fetch a page twice', async () => {
    const { fetchPage, calls } = manualFetcher(1000);
    const cache = new RowCache({ fetchPage });
    cache.setFilter(filter);
    cache.want([0]);
    cache.want([0]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    calls[0].resolve();
    await settle();
    cache.want([0]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('ignores answers to an earlier query', async () => {
    const { fetchPage, calls } = manualFetcher(1000);
    const cache = new RowCache({ fetchPage });
    cache.setFilter(filter);
    cache.want([0]);
    cache.setFilter({ ...filter, agent: 'Sara' });
    cache.want([0]);
    expect(calls[1].query.agent).toBe('Sara');
    calls[0].resolve(); // the stale answer arrives first
    await settle();
    expect(cache.row(0)).toBeUndefined();
    expect(cache.total).toBeNull();
    calls[1].resolve();
    await settle();
    expect(cache.row(0)?.id).toBe(1);
    expect(cache.total).toBe(1000);
  });

  it('limits requests in flight and skips pages scrolled past', async () => {
    const { fetchPage, calls } = manualFetcher(100_000);
    const cache = new RowCache({ fetchPage, maxInFlight: 2 });
    cache.setFilter(filter);
    cache.want([0]);
    cache.want([100]);
    cache.want([300, 301]); // the user dragged the scrollbar far down
    expect(calls.map((c) => c.query.offset / 200)).toEqual([0, 100]);
    calls[0].resolve();
    await settle();
    expect(calls.map((c) => c.query.offset / 200)).toEqual([0, 100, 300]);
    calls[1].resolve();
    await settle();
    expect(calls.map((c) => c.query.offset / 200)).toEqual([0, 100, 300, 301]);
  });

  it('reports errors and fetches again on retry', async () => {
    const { fetchPage, calls } = manualFetcher(10);
    const onError = vi.fn();
    const cache = new RowCache({ fetchPage, onError });
    cache.setFilter(filter);
    cache.want([0]);
    calls[0].reject(new Error('disk'));
    await settle();
    expect(onError).toHaveBeenCalledOnce();
    cache.want([0]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    cache.retry();
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('keeps a bounded number of pages', async () => {
    const { fetchPage, calls } = manualFetcher(100_000);
    const cache = new RowCache({ fetchPage, maxPages: 3, maxInFlight: 10 });
    cache.setFilter(filter);
    for (let page = 0; page < 5; page++) {
      cache.want([page]);
      calls[page].resolve();
      await settle();
    }
    expect([0, 1, 2, 3, 4].filter((p) => cache.hasPage(p))).toEqual([2, 3, 4]);
  });

  it('refreshes the pages in view, keeping their rows until the new ones arrive', async () => {
    let total = 3;
    const calls: { query: LibraryQuery; resolve: () => void }[] = [];
    const fetchPage = vi.fn(
      (query: LibraryQuery) =>
        new Promise<LibraryPage>((resolve) => {
          const size = total; // what the library holds when the request is made
          const rows = Array.from({ length: Math.max(0, Math.min(size - query.offset, query.limit)) }, (_, i) => row(query.offset + i + 1));
          calls.push({ query, resolve: () => resolve({ total: size, offset: query.offset, rows }) });
        }),
    );
    const cache = new RowCache({ fetchPage, pageSize: 200, maxInFlight: 4 });
    cache.setFilter(filter);
    cache.want([0, 1]);
    calls[0].resolve();
    calls[1].resolve();
    await settle();
    expect(cache.total).toBe(3);

    total = 250; // an import added rows
    cache.refresh();
    expect(calls.slice(2).map((c) => c.query.offset)).toEqual([0, 200]);
    expect(cache.row(0)?.id).toBe(1); // still shown meanwhile
    expect(cache.total).toBe(3);
    cache.want([0]); // page 1 scrolled out of view before its new rows came
    calls[2].resolve();
    await settle();
    expect(cache.total).toBe(250);
    expect(cache.row(199)?.id).toBe(200);
    expect(cache.hasPage(1)).toBe(false); // its old rows are not shown again later
  });

  it('ignores answers asked for before a refresh', async () => {
    const { fetchPage, calls } = manualFetcher(10);
    const cache = new RowCache({ fetchPage });
    cache.setFilter(filter);
    cache.want([0]);
    cache.refresh();
    expect(fetchPage).toHaveBeenCalledTimes(2);
    calls[0].resolve();
    await settle();
    expect(cache.total).toBeNull();
    calls[1].resolve();
    await settle();
    expect(cache.total).toBe(10);
  });

  it('asks for the first page on refresh when nothing was in view', () => {
    const { fetchPage } = manualFetcher(0);
    const cache = new RowCache({ fetchPage });
    cache.refresh(); // no query yet: nothing to do
    expect(fetchPage).not.toHaveBeenCalled();
    cache.setFilter(filter);
    cache.refresh();
    expect(fetchPage).toHaveBeenCalledOnce();
  });
});
