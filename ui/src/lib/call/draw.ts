// Draws waveform peaks on a 2D canvas: one lane per channel (agent above, customer below), a
// bar from min to max per bin, at the canvas's device-pixel size. Kept apart from the component
// so that the mapping is tested with a recording fake context.
import type { WaveformPeaks } from '../bindings/WaveformPeaks';
import { msToX, type View } from './geometry';

/** The part of CanvasRenderingContext2D used here. */
export interface Painter {
  fillStyle: string | CanvasGradient | CanvasPattern;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

export interface DrawOptions {
  /** Canvas size in device pixels. */
  width: number;
  height: number;
  /** Lanes drawn (1 for mono, else 2); peaks' channels beyond it are ignored. */
  lanes: number;
  /** One colour per lane. */
  colors: readonly string[];
  /** Colour of each lane's centre line. */
  axis: string;
  /** Gap between lanes, in device pixels. */
  gap?: number;
}

/** Top and height of each lane, in device pixels. */
export function laneBoxes(height: number, lanes: number, gap = 0): { top: number; height: number }[] {
  const count = Math.max(1, lanes);
  const laneHeight = (height - gap * (count - 1)) / count;
  return Array.from({ length: count }, (_, i) => ({ top: i * (laneHeight + gap), height: laneHeight }));
}

/**
 * Draws each set of peaks where its range falls in `view`, later sets over earlier ones (a coarse
 * whole-call set first, then the detailed set of the view, which may still be on its way).
 */
export function drawWaveform(ctx: Painter, layers: readonly WaveformPeaks[], view: View, options: DrawOptions): void {
  const { width, height, lanes, colors, axis, gap = 0 } = options;
  ctx.clearRect(0, 0, width, height);
  const boxes = laneBoxes(height, lanes, gap);
  ctx.fillStyle = axis;
  for (const box of boxes) ctx.fillRect(0, Math.round(box.top + box.height / 2), width, 1);
  for (const peaks of layers) {
    const bins = Math.min(peaks.bins, ...peaks.channels.map((c) => Math.min(c.min.length, c.max.length)));
    if (bins <= 0 || peaks.endMs <= peaks.startMs) continue;
    const binMs = (peaks.endMs - peaks.startMs) / bins;
    const left = Math.max(0, Math.floor(msToX(peaks.startMs, view, width)));
    const right = Math.min(width, Math.ceil(msToX(peaks.endMs, view, width)));
    if (right <= left) continue;
    boxes.forEach((box, lane) => {
      const channel = peaks.channels[Math.min(lane, peaks.channels.length - 1)];
      if (!channel) return;
      ctx.clearRect(left, box.top, right - left, box.height);
      ctx.fillStyle = axis;
      ctx.fillRect(left, Math.round(box.top + box.height / 2), right - left, 1);
      ctx.fillStyle = colors[lane] ?? colors[0];
      const mid = box.top + box.height / 2;
      const half = box.height / 2 - 1;
      for (let i = 0; i < bins; i++) {
        const x0 = msToX(peaks.startMs + i * binMs, view, width);
        const x1 = msToX(peaks.startMs + (i + 1) * binMs, view, width);
        if (x1 <= 0 || x0 >= width) continue;
        const max = clampSample(channel.max[i]);
        const min = clampSample(channel.min[i]);
        const top = mid - Math.max(max, min) * half;
        const bottom = mid - Math.min(max, min) * half;
        const x = Math.floor(x0);
        ctx.fillRect(x, top, Math.max(1, Math.ceil(x1) - x), Math.max(1, bottom - top));
      }
    });
  }
}

function clampSample(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(-1, value));
}
