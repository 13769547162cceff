// What the waveform shows: the zoomed stretch of the call and the stretch selected by dragging
// (which "Loop selection" turns into the player's loop range).
import type { Span } from '../bindings/Span';
import { clampView, follow, fullView, panBy, span, xToMs, ZOOM_STEP, zoomAround, zoomLevel, type View } from './geometry';

/** Pointer travel (px) before a press on the waveform becomes a drag rather than a click. */
export const DRAG_THRESHOLD_PX = 4;

/** The stretch between two x positions (in either order), as times. */
export function rangeBetween(x0: number, x1: number, view: View, width: number): Span {
  const a = xToMs(x0, view, width);
  const b = xToMs(x1, view, width);
  return { startMs: Math.round(Math.min(a, b)), endMs: Math.round(Math.max(a, b)) };
}

export class WaveView {
  view = $state<View>({ startMs: 0, endMs: 1 });
  selection = $state<Span | null>(null);
  private durationMs = $state(0);

  get duration(): number {
    return this.durationMs;
  }

  get zoom(): number {
    return this.durationMs > 0 ? zoomLevel(this.view, this.durationMs) : 1;
  }

  /** The call's length, once known (or corrected by the player): the whole call stays in view. */
  setDuration(durationMs: number): void {
    if (durationMs <= 0 || durationMs === this.durationMs) return;
    const wasWhole = this.durationMs === 0 || this.zoom <= 1;
    this.durationMs = durationMs;
    this.view = wasWhole ? fullView(durationMs) : clampView(this.view, durationMs);
  }

  /** Zooms in (direction 1), out (-1) or back to the whole call (0), around `anchorMs`. */
  zoomStep(direction: 1 | -1 | 0, anchorMs?: number): void {
    if (this.durationMs <= 0) return;
    if (direction === 0) {
      this.view = fullView(this.durationMs);
      return;
    }
    const inView = anchorMs !== undefined && anchorMs >= this.view.startMs && anchorMs <= this.view.endMs;
    const anchor = inView ? anchorMs : this.view.startMs + span(this.view) / 2;
    this.zoomBy(direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, anchor);
  }

  zoomBy(factor: number, anchorMs: number): void {
    if (this.durationMs > 0) this.view = zoomAround(this.view, factor, anchorMs, this.durationMs);
  }

  pan(deltaMs: number): void {
    if (this.durationMs > 0) this.view = panBy(this.view, deltaMs, this.durationMs);
  }

  /** Keeps a moving playhead in view. */
  follow(positionMs: number): void {
    if (this.durationMs <= 0 || this.zoom <= 1) return;
    const next = follow(this.view, positionMs, this.durationMs);
    if (next !== this.view) this.view = next;
  }

  select(range: Span | null): void {
    this.selection = range && range.endMs > range.startMs ? range : null;
  }
}
