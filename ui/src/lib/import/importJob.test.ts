import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportReport } from '../bindings/ImportReport';

type Callback<T> = (payload: T) => void;

const handlers = vi.hoisted(() => ({
  progress: null as Callback<ImportProgress> | null,
  finished: null as Callback<ImportReport> | null,
  failed: null as Callback<unknown> | null,
}));
const api = vi.hoisted(() => ({
  importStart: vi.fn(),
  importCancel: vi.fn(),
  importRunning: vi.fn(),
}));
const refresh = vi.hoisted(() => vi.fn());

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  ...api,
  onImportProgress: async (cb: Callback<ImportProgress>) => ((handlers.progress = cb), () => {}),
  onImportFinished: async (cb: Callback<ImportReport>) => ((handlers.finished = cb), () => {}),
  onImportFailed: async (cb: Callback<unknown>) => ((handlers.failed = cb), () => {}),
}));
vi.mock('../session.svelte', () => ({ session: { refresh } }));

import { ApiError } from '../api';
import { importJob } from './importJob.svelte';

const request = { paths: ['/calls'], vendor: null, team: null, pattern: null, cdr: null };
const report = { added: 3, problems: [], cancelled: false } as unknown as ImportReport;

beforeEach(async () => {
  vi.useFakeTimers();
  api.importRunning.mockResolvedValue(false);
  await importJob.init();
});

afterEach(() => {
  importJob.dismissResult();
  importJob.closePanel();
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('importJob', () => {
  it('runs from start to the finished event, refreshing the Library every second meanwhile', async () => {
    api.importStart.mockResolvedValue(undefined);
    importJob.openForm();
    await importJob.start(request);
    expect(api.importStart).toHaveBeenCalledWith(request);
    expect(importJob.running).toBe(true);

    const tick = importJob.tick;
    vi.advanceTimersByTime(2100);
    expect(importJob.tick).toBe(tick + 2);
    expect(refresh).toHaveBeenCalledTimes(2);

    const progress: ImportProgress = { phase: 'reading', done: 1, total: 4, filesPerSecond: 2, secondsLeft: 1.5 };
    handlers.progress?.(progress);
    expect(importJob.progress).toEqual(progress);

    const finished = importJob.finished;
    handlers.finished?.(report);
    expect(importJob.running).toBe(false);
    expect(importJob.report).toEqual(report);
    expect(importJob.finished).toBe(finished + 1);
    expect(importJob.panel).toBe('result'); // the open panel turns to the summary
    vi.advanceTimersByTime(5000);
    expect(refresh).toHaveBeenCalledTimes(3); // once more at the end, then no more
  });

  it('keeps the result when the import ends before the start command answers', async () => {
    let answer: () => void = () => {};
    api.importStart.mockReturnValue(new Promise<void>((resolve) => (answer = resolve)));
    const started = importJob.start(request);
    handlers.finished?.(report);
    answer();
    await started;
    expect(importJob.running).toBe(false);
    expect(importJob.report).toEqual(report);
  });

  it('is not running when the backend refuses to start', async () => {
    api.importStart.mockRejectedValue({ code: 'import', message: 'pattern "{x}": unknown field' });
    await expect(importJob.start(request)).rejects.toBeInstanceOf(ApiError);
    expect(importJob.running).toBe(false);
  });

  it('shows a failure and leaves the panel closed when it was closed', () => {
    handlers.progress?.({ phase: 'scanning', done: 0, total: 0, filesPerSecond: 0, secondsLeft: null });
    expect(importJob.running).toBe(true);
    handlers.failed?.({ code: 'no_such_path', message: '/x: no such file or folder' });
    expect(importJob.running).toBe(false);
    expect(importJob.failure).toMatchObject({ code: 'no_such_path' });
    expect(importJob.panel).toBe('closed');
  });
});
