// Fetches waveform peaks for the view in view, one request at a time: zooming and resizing
// ask again after a short pause, and answers to an earlier request are dropped.
import type { WaveformPeaks } from '../bindings/WaveformPeaks';
import type { View } from './geometry';

export type PeaksFetcher = (startMs: number, endMs: number, bins: number) => Promise<WaveformPeaks>;

export interface PeaksLoaderOptions {
  fetch: PeaksFetcher;
  onPeaks: (peaks: WaveformPeaks) => void;
  onError: (error: unknown) => void;
  /** Quiet time before asking, so that a burst of wheel events makes one request. */
  delayMs?: number;
}

export class PeaksLoader {
  private readonly options: PeaksLoaderOptions;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private lastKey = '';
  private first = true;
  private disposed = false;

  constructor(options: PeaksLoaderOptions) {
    this.options = options;
  }

  /** Asks for the peaks of `view` in `bins` bins (the first request goes at once). */
  request(view: View, bins: number): void {
    if (this.disposed) return;
    const startMs = Math.max(0, Math.floor(view.startMs));
    const endMs = Math.ceil(view.endMs);
    const key = `${startMs}|${endMs}|${bins}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.first ? 0 : (this.options.delayMs ?? 80);
    this.first = false;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.load(startMs, endMs, bins);
    }, delay);
  }

  /** Asks for the last view again (after an error). */
  retry(): void {
    const [startMs, endMs, bins] = this.lastKey.split('|').map(Number);
    if (this.lastKey) this.load(startMs, endMs, bins);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
  }

  private load(startMs: number, endMs: number, bins: number): void {
    const generation = ++this.generation;
    this.options.fetch(startMs, endMs, bins).then(
      (peaks) => {
        if (generation === this.generation && !this.disposed) this.options.onPeaks(peaks);
      },
      (error: unknown) => {
        if (generation === this.generation && !this.disposed) this.options.onError(error);
      },
    );
  }
}
