import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisProgress } from '../bindings/AnalysisProgress';
import type { AnalysisReport } from '../bindings/AnalysisReport';

type Callback<T> = (payload: T) => void;

const handlers = vi.hoisted(() => ({
  progress: null as Callback<AnalysisProgress> | null,
  finished: null as Callback<AnalysisReport> | null,
}));
const analysisStatus = vi.hoisted(() => vi.fn());

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  analysisStatus,
  onAnalysisProgress: async (cb: Callback<AnalysisProgress>) => ((handlers.progress = cb), () => {}),
  onAnalysisFinished: async (cb: Callback<AnalysisReport>) => ((handlers.finished = cb), () => {}),
}));

import { analysisJob, REFRESH_EVERY_MS } from './analysisJob.svelte';

const progress = (done: number): AnalysisProgress => ({ done, total: 800, speed: 40, secondsLeft: 60 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('analysisJob', () => {
  it('shows a run already going, its progress, and ticks the Library at most every 2 s', async () => {
    analysisStatus.mockResolvedValue(progress(100));
    await analysisJob.init();
    expect(analysisJob.progress).toEqual(progress(100));
    expect(analysisJob.running).toBe(true);

    vi.advanceTimersByTime(REFRESH_EVERY_MS);
    const tick = analysisJob.tick;
    handlers.progress?.(progress(120));
    expect(analysisJob.progress?.done).toBe(120);
    expect(analysisJob.tick).toBe(tick + 1);
    handlers.progress?.(progress(121));
    handlers.progress?.(progress(122));
    expect(analysisJob.tick).toBe(tick + 1);
    vi.advanceTimersByTime(REFRESH_EVERY_MS);
    expect(analysisJob.tick).toBe(tick + 2); // one more for the burst, not two

    const report: AnalysisReport = { pending: 800, analyzed: 797, failed: [], audioMs: 1, seconds: 1, cancelled: false };
    handlers.finished?.(report);
    expect(analysisJob.progress).toBeNull();
    expect(analysisJob.running).toBe(false);
    expect(analysisJob.report).toEqual(report);
    expect(analysisJob.tick).toBe(tick + 3);
  });
});
