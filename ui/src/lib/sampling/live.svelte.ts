// A value asked of the backend again whenever its input changes (the live population count,
// the plan): debounced, and only the answer to the latest request is kept, whatever order the
// answers come back in.
import { toApiError, type ApiError } from '../api';

export const LIVE_DEBOUNCE_MS = 250;

export type LiveState = 'idle' | 'pending' | 'ready' | 'error';

export class LiveQuery<T> {
  /** The latest answer; kept while a newer request is pending, cleared by an error. */
  value = $state<T | null>(null);
  error = $state<ApiError | null>(null);
  state = $state<LiveState>('idle');

  #key: string | null = null;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #delayMs: number;

  constructor(delayMs = LIVE_DEBOUNCE_MS) {
    this.#delayMs = delayMs;
  }

  /**
   * Asks again after the debounce, unless `key` (what the answer depends on) is the one last
   * asked for. Any answer still on its way is dropped from now on.
   */
  update(key: string, fetch: () => Promise<T>): void {
    if (key === this.#key) return;
    this.#key = key;
    const seq = ++this.#seq;
    this.#clearTimer();
    this.state = 'pending';
    this.#timer = setTimeout(() => {
      this.#timer = null;
      fetch().then(
        (value) => {
          if (seq !== this.#seq) return;
          this.value = value;
          this.error = null;
          this.state = 'ready';
        },
        (reason: unknown) => {
          if (seq !== this.#seq) return;
          this.value = null;
          this.error = toApiError(reason);
          this.state = 'error';
        },
      );
    }, this.#delayMs);
  }

  /** Nothing to ask (e.g. the method is not complete): drops pending work and the value. */
  clear(): void {
    this.#key = null;
    this.#seq += 1;
    this.#clearTimer();
    this.value = null;
    this.error = null;
    this.state = 'idle';
  }

  /** Asks again for the same key (after a draw changed what is in an open sample). */
  invalidate(): void {
    this.#key = null;
  }

  dispose(): void {
    this.#seq += 1;
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
