// The live population count as NewSample wires it: the builder's criteria, api.sampleCount
// behind a LiveQuery, and a criteria error read for its line and column.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ sampleCount: vi.fn() }));
vi.mock('../api', async (original) => ({ ...(await original<typeof import('../api')>()), ...api }));

import * as backend from '../api';
import { SampleBuilder } from './builder.svelte';
import { criteriaProblem } from './criteria';
import { LIVE_DEBOUNCE_MS, LiveQuery } from './live.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

function ask(count: LiveQuery<number>, criteria: string) {
  count.update(criteria, () => backend.sampleCount(criteria));
}

describe('the live population count', () => {
  it('asks for the criteria the builder has after typing stops', async () => {
    api.sampleCount.mockImplementation(async (criteria: string) => (criteria === '' ? 8 : 2));
    const builder = new SampleBuilder();
    const count = new LiveQuery<number>();
    ask(count, builder.criteria);
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(count.value).toBe(8);

    const row = builder.rows[0];
    for (const partial of ['E', 'Em', 'Emma Clarke']) {
      builder.setValue(row.id, 0, partial);
      ask(count, builder.criteria);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(api.sampleCount.mock.calls).toEqual([[''], ['agent = "Emma Clarke"']]);
    expect(count.value).toBe(2);
  });

  it('drops a slow answer for criteria already changed', async () => {
    let answerOld: (n: number) => void = () => {};
    api.sampleCount.mockImplementationOnce(() => new Promise<number>((resolve) => (answerOld = resolve)));
    api.sampleCount.mockResolvedValueOnce(3);
    const count = new LiveQuery<number>();
    ask(count, 'duration >= 1m');
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    ask(count, 'duration >= 2m');
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(count.value).toBe(3);
    answerOld(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(count.value).toBe(3);
  });

  it('shows a criteria error with its column', async () => {
    api.sampleCount.mockRejectedValue({ code: 'criteria', message: "criteria: line 1, column 12: 'soon' is not a date or time" });
    const count = new LiveQuery<number>();
    ask(count, 'start >= soon');
    await vi.advanceTimersByTimeAsync(LIVE_DEBOUNCE_MS);
    expect(count.state).toBe('error');
    expect(criteriaProblem(count.error)).toEqual({ line: 1, column: 12, message: "'soon' is not a date or time" });
  });
});
