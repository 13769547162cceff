// The coloured timeline under the waveform: its lanes (who talks, overtalk, dead air) and the
// rectangles its spans make at the current zoom and width. Pure, so tested.
import type { Metrics } from '../bindings/Metrics';
import type { SkippedSilence } from '../bindings/SkippedSilence';
import type { Span } from '../bindings/Span';
import { msToX, span, type View } from './geometry';

export type LaneId = 'agent' | 'customer' | 'overtalk' | 'deadAir' | 'talk';

export interface Lane {
  id: LaneId;
  spans: readonly Span[];
}

/** The lanes of a call with this many channels, before its spans are known. */
export function laneIds(channels: number): LaneId[] {
  return channels === 1 ? ['talk', 'deadAir'] : ['agent', 'customer', 'overtalk', 'deadAir'];
}

/**
 * Two-channel calls: agent, customer, overtalk and dead air; mono calls: talk and dead air.
 * Before the analysis, the lanes `channels` will have, empty (so that nothing moves later).
 */
export function timelineLanes(metrics: Metrics | null, channels = 0): Lane[] {
  if (!metrics) return channels > 0 ? laneIds(channels).map((id) => ({ id, spans: [] })) : [];
  const { timeline } = metrics;
  if (metrics.channelsAnalyzed >= 2 && timeline.agent && timeline.customer) {
    return [
      { id: 'agent', spans: timeline.agent },
      { id: 'customer', spans: timeline.customer },
      { id: 'overtalk', spans: timeline.overtalk ?? [] },
      { id: 'deadAir', spans: timeline.deadAir },
    ];
  }
  return [
    { id: 'talk', spans: timeline.talk },
    { id: 'deadAir', spans: timeline.deadAir },
  ];
}

/** The timeline's rows in CSS pixels: skipped-silence flags on top, then the lanes. */
export const MARKER_ROW = 12;
export const LANE_HEIGHT = 14;
export const LANE_GAP = 3;

/** Top of lane `index` (below the flags' row). */
export function laneTop(index: number): number {
  return MARKER_ROW + LANE_GAP + index * (LANE_HEIGHT + LANE_GAP);
}

/** Height of a timeline of `lanes` lanes. */
export function timelineHeight(lanes: number): number {
  return laneTop(lanes);
}

export interface Rect {
  x: number;
  width: number;
}

/**
 * The rectangles of `spans` (sorted by start) in view, clipped to 0…width, each at least
 * `minWidth` wide; spans closer than half a pixel merge into one rectangle, so a long call
 * seen whole draws a few hundred rectangles rather than thousands.
 */
export function spanRects(spans: readonly Span[], view: View, width: number, minWidth = 1): Rect[] {
  const rects: Rect[] = [];
  if (width <= 0) return rects;
  for (const s of spans) {
    if (s.endMs <= view.startMs || s.startMs >= view.endMs || s.endMs <= s.startMs) continue;
    const x0 = Math.max(0, msToX(s.startMs, view, width));
    const x1 = Math.min(width, msToX(s.endMs, view, width));
    let x = x0;
    let w = Math.max(minWidth, x1 - x0);
    if (x + w > width) x = Math.max(0, width - w);
    const last = rects[rects.length - 1];
    if (last && x <= last.x + last.width + 0.5) {
      last.width = Math.max(last.width, x + w - last.x);
      continue;
    }
    rects.push({ x, width: w });
  }
  return rects;
}

export interface Marker {
  x: number;
  fromMs: number;
  toMs: number;
}

/** Skip-silence jumps in view, placed where the jump started. */
export function skippedMarkers(skipped: readonly SkippedSilence[], view: View, width: number): Marker[] {
  if (width <= 0 || span(view) <= 0) return [];
  return skipped
    .filter((s) => s.fromMs >= view.startMs && s.fromMs <= view.endMs)
    .map((s) => ({ x: msToX(s.fromMs, view, width), fromMs: s.fromMs, toMs: s.toMs }));
}
