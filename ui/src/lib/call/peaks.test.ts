import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WaveformPeaks } from '../bindings/WaveformPeaks';
import { PeaksLoader } from './peaks';

const peaks = (startMs: number, endMs: number, bins: number): WaveformPeaks => ({ startMs, endMs, bins, channels: [], cached: false });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('PeaksLoader', () => {
  it('asks at once the first time, then after a pause, for the last view only', async () => {
    const resolvers: (() => void)[] = [];
    const fetch = vi.fn(
      (s: number, e: number, b: number) => new Promise<WaveformPeaks>((resolve) => resolvers.push(() => resolve(peaks(s, e, b)))),
    );
    const onPeaks = vi.fn();
    const loader = new PeaksLoader({ fetch, onPeaks, onError: vi.fn(), delayMs: 80 });
    loader.request({ startMs: 0, endMs: 60_000.4 }, 800);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenLastCalledWith(0, 60_001, 800);

    loader.request({ startMs: 0, endMs: 30_000 }, 800);
    loader.request({ startMs: 0, endMs: 15_000 }, 800);
    loader.request({ startMs: 0, endMs: 15_000 }, 800); // the same again: nothing new
    await vi.advanceTimersByTimeAsync(79);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith(0, 15_000, 800);

    resolvers[1]();
    resolvers[0](); // the answer to the first request comes late: dropped
    await vi.advanceTimersByTimeAsync(0);
    expect(onPeaks).toHaveBeenCalledTimes(1);
    expect(onPeaks.mock.calls[0][0]).toMatchObject({ endMs: 15_000 });
  });

  it('reports errors and asks again on retry; nothing after dispose', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('decode')).mockResolvedValue(peaks(0, 10, 5));
    const onPeaks = vi.fn();
    const onError = vi.fn();
    const loader = new PeaksLoader({ fetch, onPeaks, onError });
    loader.request({ startMs: 0, endMs: 10 }, 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledOnce();
    loader.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(onPeaks).toHaveBeenCalledOnce();
    loader.dispose();
    loader.request({ startMs: 0, endMs: 5 }, 5);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
