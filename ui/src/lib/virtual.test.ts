import { describe, expect, it } from 'vitest';
import { computeWindow, pagesFor } from './virtual';

const base = { rowHeight: 36, overscan: 10, pageSize: 200, viewportHeight: 720 };

describe('computeWindow', () => {
  it('renders nothing for an empty result', () => {
    expect(computeWindow({ ...base, scrollTop: 0, total: 0 })).toEqual({
      first: 0,
      last: -1,
      offsetY: 0,
      totalHeight: 0,
      pages: [],
    });
  });

  it('renders the visible rows plus overscan below at the top', () => {
    const w = computeWindow({ ...base, scrollTop: 0, total: 100_000 });
    expect(w.first).toBe(0);
    expect(w.last).toBe(29); // 20 visible + 10 overscan
    expect(w.offsetY).toBe(0);
    expect(w.pages).toEqual([0]);
  });

  it('sizes the spacer for all 100,000 rows', () => {
    expect(computeWindow({ ...base, scrollTop: 0, total: 100_000 }).totalHeight).toBe(3_600_000);
  });

  it('keeps the DOM small in the middle of 100,000 rows', () => {
    const w = computeWindow({ ...base, scrollTop: 50_000 * 36 + 10, total: 100_000 });
    expect(w.first).toBe(49_990);
    expect(w.last).toBe(50_030);
    expect(w.last - w.first + 1).toBeLessThanOrEqual(41);
    expect(w.offsetY).toBe(49_990 * 36);
    expect(w.pages).toEqual([249, 250]);
  });

  it('stops at the last row when scrolled to the bottom', () => {
    const w = computeWindow({ ...base, scrollTop: 100_000 * 36 - 720, total: 100_000 });
    expect(w.last).toBe(99_999);
    expect(w.first).toBe(100_000 - 20 - 10);
    expect(w.pages).toEqual([499]);
  });

  it('clamps a scrollTop beyond the end (the result just shrank)', () => {
    const w = computeWindow({ ...base, scrollTop: 1_000_000, total: 8 });
    expect(w.first).toBe(0);
    expect(w.last).toBe(7);
    expect(w.pages).toEqual([0]);
  });

  it('clamps a negative scrollTop (elastic scrolling)', () => {
    expect(computeWindow({ ...base, scrollTop: -50, total: 100 }).first).toBe(0);
  });

  it('renders at least one row before the viewport is measured', () => {
    const w = computeWindow({ ...base, viewportHeight: 0, scrollTop: 0, total: 5 });
    expect(w.first).toBe(0);
    expect(w.last).toBe(4);
  });

  it('asks for two pages across a page boundary', () => {
    const w = computeWindow({ ...base, scrollTop: 195 * 36, total: 1000 });
    expect(w.first).toBe(185);
    expect(w.last).toBe(224);
    expect(w.pages).toEqual([0, 1]);
  });
});

describe('pagesFor', () => {
  it('lists the pages of a row range', () => {
    expect(pagesFor(0, 199, 200)).toEqual([0]);
    expect(pagesFor(199, 200, 200)).toEqual([0, 1]);
    expect(pagesFor(5, 4, 200)).toEqual([]);
  });
});
