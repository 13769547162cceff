import { describe, expect, it } from 'vitest';
import type { Metrics } from '../bindings/Metrics';
import { laneTop, skippedMarkers, spanRects, timelineHeight, timelineLanes } from './timeline';

const view = { startMs: 0, endMs: 10_000 };

describe('spanRects', () => {
  it('maps spans to rectangles at the width', () => {
    const rects = spanRects(
      [
        { startMs: 1_000, endMs: 2_000 },
        { startMs: 5_000, endMs: 7_500 },
      ],
      view,
      1000,
    );
    expect(rects).toEqual([
      { x: 100, width: 100 },
      { x: 500, width: 250 },
    ]);
  });

  it('clips spans at the edges of the view and leaves out those outside', () => {
    const zoomed = { startMs: 2_000, endMs: 4_000 };
    const rects = spanRects(
      [
        { startMs: 0, endMs: 1_000 },
        { startMs: 1_500, endMs: 2_500 },
        { startMs: 3_500, endMs: 6_000 },
        { startMs: 8_000, endMs: 9_000 },
      ],
      zoomed,
      400,
    );
    expect(rects).toEqual([
      { x: 0, width: 100 },
      { x: 300, width: 100 },
    ]);
  });

  it('keeps short spans visible and merges those closer than half a pixel', () => {
    const rects = spanRects(
      [
        { startMs: 1_000, endMs: 1_001 },
        { startMs: 5_000, endMs: 5_004 },
        { startMs: 5_006, endMs: 5_010 },
      ],
      view,
      100,
    );
    expect(rects).toHaveLength(2);
    expect(rects[0]).toEqual({ x: 10, width: 1 });
    expect(rects[1].x).toBe(50);
    expect(rects[1].width).toBeCloseTo(1.06, 6);
  });

  it('draws nothing at zero width or for empty spans', () => {
    expect(spanRects([{ startMs: 0, endMs: 5 }], view, 0)).toEqual([]);
    expect(spanRects([{ startMs: 5, endMs: 5 }], view, 100)).toEqual([]);
  });
});

describe('timelineLanes', () => {
  const base = {
    channelsAnalyzed: 2,
    timeline: {
      talk: [{ startMs: 0, endMs: 10 }],
      agent: [{ startMs: 0, endMs: 5 }],
      customer: [{ startMs: 4, endMs: 10 }],
      deadAir: [],
      overtalk: [{ startMs: 4, endMs: 5 }],
    },
  } as unknown as Metrics;

  it('has agent, customer, overtalk and dead air for two channels', () => {
    expect(timelineLanes(base).map((lane) => lane.id)).toEqual(['agent', 'customer', 'overtalk', 'deadAir']);
  });

  it('has talk and dead air for mono', () => {
    const mono = { ...base, channelsAnalyzed: 1, timeline: { ...base.timeline, agent: null, customer: null, overtalk: null } };
    expect(timelineLanes(mono).map((lane) => lane.id)).toEqual(['talk', 'deadAir']);
  });

  it('has empty lanes of the right kind before the analysis', () => {
    expect(timelineLanes(null)).toEqual([]);
    expect(timelineLanes(null, 2).map((lane) => [lane.id, lane.spans.length])).toEqual([
      ['agent', 0],
      ['customer', 0],
      ['overtalk', 0],
      ['deadAir', 0],
    ]);
    expect(timelineLanes(null, 1).map((lane) => lane.id)).toEqual(['talk', 'deadAir']);
  });

  it('stacks the lanes under the flags row', () => {
    expect(laneTop(0)).toBe(15);
    expect(laneTop(1)).toBe(32);
    expect(timelineHeight(4)).toBe(83);
  });
});

describe('skippedMarkers', () => {
  it('places jumps in view where they started', () => {
    const markers = skippedMarkers(
      [
        { fromMs: 2_000, toMs: 6_000 },
        { fromMs: 12_000, toMs: 15_000 },
      ],
      view,
      500,
    );
    expect(markers).toEqual([{ x: 100, fromMs: 2_000, toMs: 6_000 }]);
  });
});
