// The waveform's geometry: which stretch of the call is in view (the zoom), and x ↔ time at a
// given width. Time always runs left to right, whatever the page's direction. Pure, so tested.

/** The stretch of the call in view, in milliseconds of source time. */
export interface View {
  startMs: number;
  endMs: number;
}

/** The closest zoom: one second across the whole width. */
export const MIN_SPAN_MS = 1000;
/** The most bins asked for at once (a very wide, high-density screen). */
export const MAX_BINS = 8192;
/** Zoom buttons and keys multiply or divide the zoom by this. */
export const ZOOM_STEP = 2;

export function fullView(durationMs: number): View {
  return { startMs: 0, endMs: Math.max(1, durationMs) };
}

export function span(view: View): number {
  return Math.max(1, view.endMs - view.startMs);
}

/** How many times the view is magnified: 1 shows the whole call. */
export function zoomLevel(view: View, durationMs: number): number {
  return Math.max(1, durationMs) / span(view);
}

/** The x (0…width) of a time; outside 0…width when the time is out of view. */
export function msToX(ms: number, view: View, width: number): number {
  return ((ms - view.startMs) / span(view)) * width;
}

/** The time at x, kept within the view. */
export function xToMs(x: number, view: View, width: number): number {
  if (width <= 0) return view.startMs;
  const clamped = Math.min(Math.max(0, x), width);
  return view.startMs + (clamped / width) * span(view);
}

/** The view moved and narrowed as needed to lie within 0…duration and span at least MIN_SPAN_MS. */
export function clampView(view: View, durationMs: number): View {
  const duration = Math.max(1, durationMs);
  const width = Math.min(duration, Math.max(Math.min(MIN_SPAN_MS, duration), view.endMs - view.startMs));
  const start = Math.min(Math.max(0, view.startMs), duration - width);
  return { startMs: start, endMs: start + width };
}

/**
 * Zooms by `factor` (above 1 closer, below 1 farther) keeping `anchorMs` where it is on screen,
 * as Ctrl+wheel does around the pointer.
 */
export function zoomAround(view: View, factor: number, anchorMs: number, durationMs: number): View {
  const width = span(view) / factor;
  const ratio = (anchorMs - view.startMs) / span(view);
  const start = anchorMs - ratio * width;
  return clampView({ startMs: start, endMs: start + width }, durationMs);
}

/** The view moved by `deltaMs` (negative: earlier), stopping at the ends. */
export function panBy(view: View, deltaMs: number, durationMs: number): View {
  return clampView({ startMs: view.startMs + deltaMs, endMs: view.endMs + deltaMs }, durationMs);
}

/**
 * Keeps the playhead in view while playing: when it leaves the view, the next page of the same
 * width starts just before it. Unchanged otherwise (or when the whole call is in view).
 */
export function follow(view: View, positionMs: number, durationMs: number): View {
  if (positionMs >= view.startMs && positionMs <= view.endMs) return view;
  const width = span(view);
  return clampView({ startMs: positionMs - width * 0.05, endMs: positionMs + width * 0.95 }, durationMs);
}

/** Bins to ask for: one per device pixel of the canvas. */
export function binCount(cssWidth: number, devicePixelRatio = 1): number {
  const pixels = Math.round(Math.max(0, cssWidth) * (devicePixelRatio > 0 ? devicePixelRatio : 1));
  return Math.min(MAX_BINS, Math.max(1, pixels));
}

const TICK_STEPS_MS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000,
];

/** Ruler ticks: the finest step that leaves `minSpacing` pixels between labels, and their places. */
export function ticks(view: View, width: number, minSpacing = 72): { stepMs: number; marks: { ms: number; x: number }[] } {
  if (width <= 0) return { stepMs: 0, marks: [] };
  const msPerPx = span(view) / width;
  const stepMs = TICK_STEPS_MS.find((step) => step / msPerPx >= minSpacing) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
  const marks: { ms: number; x: number }[] = [];
  for (let ms = Math.ceil(view.startMs / stepMs) * stepMs; ms <= view.endMs; ms += stepMs) {
    marks.push({ ms, x: msToX(ms, view, width) });
  }
  return { stepMs, marks };
}
