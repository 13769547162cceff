// The library's background analysis as the Library sees it: how far it is ("120 of 800") and a
// tick, bumped at most every REFRESH_EVERY_MS while it runs and once at its end, on which the
// Library fetches its rows again so that the metric columns fill in.
import * as api from '../api';
import type { AnalysisProgress } from '../bindings/AnalysisProgress';
import type { AnalysisReport } from '../bindings/AnalysisReport';

export const REFRESH_EVERY_MS = 2000;

class AnalysisJob {
  /** The running analysis, or null when none runs. */
  progress = $state<AnalysisProgress | null>(null);
  /** The last run's report (kept to say how many calls could not be analysed). */
  report = $state<AnalysisReport | null>(null);
  tick = $state(0);

  private started = false;
  private lastTick = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  get running(): boolean {
    return this.progress !== null && this.progress.done < this.progress.total;
  }

  async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      await Promise.all([
        api.onAnalysisProgress((progress) => this.onProgress(progress)),
        api.onAnalysisFinished((report) => this.onFinished(report)),
      ]);
      const status = await api.analysisStatus();
      if (status && this.progress === null) this.progress = status;
    } catch {
      // No backend or no answer: nothing to show.
    }
  }

  dismissReport(): void {
    this.report = null;
  }

  private onProgress(progress: AnalysisProgress): void {
    this.progress = progress;
    this.report = null;
    this.scheduleTick();
  }

  private onFinished(report: AnalysisReport): void {
    this.progress = null;
    this.report = report;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.bump();
  }

  /** A tick now if the last was long enough ago, else one when it is due. */
  private scheduleTick(): void {
    if (this.timer) return;
    const wait = this.lastTick + REFRESH_EVERY_MS - Date.now();
    if (wait <= 0) {
      this.bump();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.bump();
    }, wait);
  }

  private bump(): void {
    this.lastTick = Date.now();
    this.tick++;
  }
}

export const analysisJob = new AnalysisJob();
