import { describe, expect, it } from 'vitest';
import {
  binCount,
  clampView,
  follow,
  fullView,
  MAX_BINS,
  MIN_SPAN_MS,
  msToX,
  panBy,
  ticks,
  xToMs,
  zoomAround,
  zoomLevel,
} from './geometry';

const DURATION = 60_000;

describe('x and time', () => {
  it('map the whole call across the width at zoom 1', () => {
    const view = fullView(DURATION);
    expect(zoomLevel(view, DURATION)).toBe(1);
    expect(msToX(0, view, 600)).toBe(0);
    expect(msToX(30_000, view, 600)).toBe(300);
    expect(msToX(60_000, view, 600)).toBe(600);
    expect(xToMs(150, view, 600)).toBe(15_000);
  });

  it('map a zoomed view with an offset', () => {
    const view = { startMs: 20_000, endMs: 30_000 };
    expect(zoomLevel(view, DURATION)).toBe(6);
    expect(msToX(25_000, view, 1000)).toBe(500);
    expect(msToX(10_000, view, 1000)).toBe(-1000); // out of view
    expect(xToMs(250, view, 1000)).toBe(22_500);
    expect(xToMs(-50, view, 1000)).toBe(20_000); // clamped to the view
    expect(xToMs(5000, view, 1000)).toBe(30_000);
  });

  it('are inverse of each other', () => {
    const view = { startMs: 1234, endMs: 5678 };
    for (const ms of [1234, 2000, 4321, 5678]) expect(xToMs(msToX(ms, view, 777), view, 777)).toBeCloseTo(ms, 6);
  });
});

describe('zoom', () => {
  it('keeps the time under the pointer where it was', () => {
    const view = fullView(DURATION);
    const anchor = 15_000; // a quarter of the way
    const zoomed = zoomAround(view, 2, anchor, DURATION);
    expect(zoomed.endMs - zoomed.startMs).toBe(30_000);
    expect(msToX(anchor, zoomed, 800)).toBeCloseTo(msToX(anchor, view, 800), 6);
  });

  it('stays within the call and stops at one second across', () => {
    const view = zoomAround(fullView(DURATION), 2, 59_000, DURATION);
    expect(view.endMs).toBeLessThanOrEqual(DURATION);
    expect(view.startMs).toBeGreaterThanOrEqual(0);
    const closest = zoomAround(fullView(DURATION), 1e6, 10_000, DURATION);
    expect(closest.endMs - closest.startMs).toBe(MIN_SPAN_MS);
    const out = zoomAround({ startMs: 10_000, endMs: 20_000 }, 1 / 100, 15_000, DURATION);
    expect(out).toEqual(fullView(DURATION));
  });

  it('pans within the call', () => {
    const view = { startMs: 10_000, endMs: 20_000 };
    expect(panBy(view, 5_000, DURATION)).toEqual({ startMs: 15_000, endMs: 25_000 });
    expect(panBy(view, -50_000, DURATION)).toEqual({ startMs: 0, endMs: 10_000 });
    expect(panBy(view, 90_000, DURATION)).toEqual({ startMs: 50_000, endMs: 60_000 });
  });

  it('clamps calls shorter than a second', () => {
    expect(clampView({ startMs: -10, endMs: 2000 }, 400)).toEqual({ startMs: 0, endMs: 400 });
  });

  it('follows the playhead a page at a time', () => {
    const view = { startMs: 10_000, endMs: 20_000 };
    expect(follow(view, 15_000, DURATION)).toBe(view);
    expect(follow(view, 20_500, DURATION)).toEqual({ startMs: 20_000, endMs: 30_000 });
    expect(follow(view, 59_000, DURATION)).toEqual({ startMs: 50_000, endMs: 60_000 });
    expect(follow(view, 1_000, DURATION)).toEqual({ startMs: 500, endMs: 10_500 });
  });
});

describe('bins', () => {
  it('ask for one bin per device pixel', () => {
    expect(binCount(800, 1)).toBe(800);
    expect(binCount(800, 2)).toBe(1600);
    expect(binCount(800.4, 1.5)).toBe(1201);
    expect(binCount(0, 2)).toBe(1);
    expect(binCount(100_000, 2)).toBe(MAX_BINS);
    expect(binCount(500, 0)).toBe(500);
  });
});

describe('ticks', () => {
  it('choose a step that leaves room for the labels', () => {
    const { stepMs, marks } = ticks(fullView(DURATION), 1000, 72);
    expect(stepMs).toBe(5000); // 5 s = 83 px
    expect(marks[0]).toEqual({ ms: 0, x: 0 });
    expect(marks.at(-1)).toEqual({ ms: 60_000, x: 1000 });
    const fine = ticks({ startMs: 1_050, endMs: 2_050 }, 1000, 72);
    expect(fine.stepMs).toBe(100);
    expect(fine.marks[0].ms).toBe(1_100);
  });
});
