import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { LIVE_DEBOUNCE_MS, LiveQuery } from './live.svelte';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LiveQuery', () => {
  it('asks once, after the debounce, for the last of quick changes', async () => {
    const live = new LiveQuery<number>();
    const fetch = vi.fn((text: string) => Promise.resolve(text.length));
    live.update('a', () => fetch('a'));
    vi.advanceTimersByTime(100);
    live.update('ab', () => fetch('ab'));
    vi.advanceTimersByTime(100);
    live.update('abc', () => fetch('abc'));
    expect(live.state).toBe('pending');
    vi.advanceTimersByTime(LIVE_DEBOUNCE_MS - 1);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('abc');
    expect(live.value).toBe(3);
    expect(live.state).toBe('ready');
  });

  it('does not ask again for the same key', async () => {
    const live = new LiveQuery<number>();
    const fetch = vi.fn(() => Promise.resolve(1));
    live.update('x', fetch);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    live.update('x', fetch);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    live.invalidate();
    live.update('x', fetch);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('drops an answer that comes back after a newer request was made', async () => {
    const live = new LiveQuery<number>();
    const slow = deferred<number>();
    const fast = deferred<number>();
    live.update('old', () => slow.promise);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    live.update('new', () => fast.promise);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    fast.resolve(2);
    await Promise.resolve();
    expect(live.value).toBe(2);
    slow.resolve(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(live.value).toBe(2);
    expect(live.state).toBe('ready');
  });

  it('drops an answer to a request superseded before it was answered, even while debouncing', async () => {
    const live = new LiveQuery<number>();
    const first = deferred<number>();
    live.update('first', () => first.promise);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    live.update('second', () => Promise.resolve(20)); // still in its debounce
    first.resolve(10);
    await Promise.resolve();
    await Promise.resolve();
    expect(live.value).toBeNull();
    expect(live.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(live.value).toBe(20);
  });

  it('keeps the error of the latest request, and clears it with the next answer', async () => {
    const live = new LiveQuery<number>();
    live.update('bad', () => Promise.reject({ code: 'criteria', message: 'criteria: line 1, column 3: nope' }));
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(live.state).toBe('error');
    expect(live.error).toBeInstanceOf(ApiError);
    expect(live.error?.code).toBe('criteria');
    expect(live.value).toBeNull();
    live.update('good', () => Promise.resolve(5));
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(live.error).toBeNull();
    expect(live.value).toBe(5);
  });

  it('forgets everything when cleared or disposed', async () => {
    const live = new LiveQuery<number>();
    const fetch = vi.fn(() => Promise.resolve(1));
    live.update('a', fetch);
    live.clear();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(fetch).not.toHaveBeenCalled();
    expect(live.state).toBe('idle');
    live.update('a', fetch);
    live.dispose();
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(fetch).not.toHaveBeenCalled();
  });
});
