// One open call as the call page sees it: its recording and metrics (analysed on opening when
// needed), the player's state (25 snapshots a second while playing) and the commands sent to
// it. Settings changes (sliders) are shown at once and sent one at a time, latest wins.
import * as api from '../api';
import { toApiError, type ApiError } from '../api';
import type { CallDetail } from '../bindings/CallDetail';
import type { PlaybackSettings } from '../bindings/PlaybackSettings';
import type { PlayerCommand } from '../bindings/PlayerCommand';
import type { PlayerState } from '../bindings/PlayerState';
import { extrapolate, type PositionSample } from './time';

/**
 * The previous call's `close`: the next call opens once it has been answered (or after
 * CLOSE_WAIT_MS, so that a player that does not answer cannot keep every call shut).
 */
let closing: Promise<unknown> = Promise.resolve();
const CLOSE_WAIT_MS = 1500;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export class CallSession {
  readonly recordingId: number;
  detail = $state.raw<CallDetail | null>(null);
  detailError = $state<ApiError | null>(null);
  player = $state.raw<PlayerState | null>(null);
  /** The call could not be opened in the player. */
  openError = $state<ApiError | null>(null);
  /** Why the analysis of this call failed (the call still plays; metrics cannot be shown). */
  analysisError = $state<string | null>(null);
  /** The last command failed (the player itself may still be fine). */
  commandError = $state<ApiError | null>(null);
  private pending = $state.raw<PlaybackSettings | null>(null);

  private sample: PositionSample = { positionMs: 0, receivedAt: 0, playing: false, speed: 1, durationMs: 0 };
  private unlisteners: api.Unlisten[] = [];
  private disposed = false;
  private sent = 0;
  private applied = 0;
  private settingsInFlight = false;
  private settingsDirty = false;

  constructor(recordingId: number) {
    this.recordingId = recordingId;
  }

  get metrics() {
    return this.detail?.metrics ?? null;
  }

  /** Waiting for the backend's analysis of this call (shown as "Analysing…"). */
  get analysing(): boolean {
    return (
      this.detail !== null && this.detail.metrics === null && this.openError === null && this.analysisError === null
    );
  }

  get settings(): PlaybackSettings | null {
    return this.pending ?? this.player?.settings ?? null;
  }

  get durationMs(): number {
    return this.player?.durationMs || this.metrics?.durationMs || this.detail?.recording.durationMs || 0;
  }

  /** 1 for a mono call, 2 for agent and customer apart, 0 while not known. */
  get channels(): number {
    return this.player?.channels || this.metrics?.channelsAnalyzed || this.detail?.recording.channels || 0;
  }

  get mono(): boolean {
    return this.channels === 1;
  }

  get playing(): boolean {
    return this.player?.status === 'playing';
  }

  get ready(): boolean {
    return this.player !== null;
  }

  /** Listens to the player and the analysis, then loads the call and opens it in the player. */
  async start(): Promise<void> {
    try {
      const unlisteners = await Promise.all([
        api.onPlayerState((state) => {
          if (state.recordingId === this.recordingId) this.apply(state);
        }),
        api.onCallAnalyzed((detail) => {
          if (detail.recording.id === this.recordingId) this.detail = detail;
        }),
        api.onCallAnalysisFailed((failure) => {
          if (failure.recordingId === this.recordingId) this.analysisError = failure.message;
        }),
      ]);
      if (this.disposed) unlisteners.forEach((stop) => stop());
      else this.unlisteners = unlisteners;
    } catch {
      // Without events the page still shows what the commands answer.
    }
    if (this.disposed) return;
    await Promise.all([this.loadDetail(), this.open()]);
  }

  async loadDetail(): Promise<void> {
    this.detailError = null;
    try {
      const detail = await api.callDetail(this.recordingId);
      if (this.disposed) return;
      // `call-analyzed` may have come first: keep its metrics.
      const known = this.detail?.metrics ?? null;
      this.detail = detail.metrics === null && known !== null ? { ...detail, metrics: known } : detail;
    } catch (reason) {
      if (!this.disposed) this.detailError = toApiError(reason);
    }
  }

  async open(): Promise<void> {
    this.openError = null;
    try {
      await closing;
      const state = await api.playerOpen(this.recordingId);
      if (!this.disposed) this.apply(state);
    } catch (reason) {
      if (!this.disposed) this.openError = toApiError(reason);
    }
  }

  /** Sends a command; its answer is the new state (unless a later command answered first). */
  async command(command: PlayerCommand): Promise<void> {
    if (!this.player || this.disposed) return;
    const seq = ++this.sent;
    try {
      const state = await api.playerCommand(command);
      this.commandError = null;
      if (seq > this.applied) {
        this.applied = seq;
        this.apply(state);
      }
    } catch (reason) {
      if (!this.disposed) this.commandError = toApiError(reason);
    }
  }

  seek(ms: number): Promise<void> {
    const duration = this.durationMs;
    const target = Math.max(0, duration > 0 ? Math.min(ms, duration) : ms);
    return this.command({ type: 'seek', ms: Math.round(target) });
  }

  /** Changes some settings: shown at once, sent when the previous change has been answered. */
  updateSettings(patch: Partial<PlaybackSettings>): void {
    const base = this.settings;
    if (!base || this.disposed) return;
    this.pending = { ...base, ...patch };
    if (this.settingsInFlight) {
      this.settingsDirty = true;
      return;
    }
    void this.flushSettings();
  }

  /** Where the playhead is now, moved on smoothly between the player's snapshots. */
  positionAt(time: number = now()): number {
    return extrapolate(this.sample, time);
  }

  dismissCommandError(): void {
    this.commandError = null;
  }

  /** Stops listening and closes the call in the player. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unlisteners.forEach((stop) => stop());
    this.unlisteners = [];
    if (!this.player) return;
    const closed = api.playerCommand({ type: 'close' }).catch(() => undefined);
    closing = Promise.race([closed, new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS))]);
  }

  private async flushSettings(): Promise<void> {
    this.settingsInFlight = true;
    try {
      do {
        this.settingsDirty = false;
        const settings = this.pending;
        if (!settings) break;
        const state = await api.playerCommand({ type: 'settings', settings });
        if (this.disposed) return;
        if (!this.settingsDirty) this.pending = null;
        this.commandError = null;
        this.apply(state);
      } while (this.settingsDirty);
    } catch (reason) {
      this.pending = null;
      this.settingsDirty = false;
      if (!this.disposed) this.commandError = toApiError(reason);
    } finally {
      this.settingsInFlight = false;
    }
  }

  private apply(state: PlayerState): void {
    if (this.disposed) return;
    this.player = state;
    this.sample = {
      positionMs: state.positionMs,
      receivedAt: now(),
      playing: state.status === 'playing',
      speed: state.settings.speed,
      durationMs: state.durationMs,
    };
  }
}
