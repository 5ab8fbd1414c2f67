/**
 * Collects training points as they are produced and lets them out at most once per interval, so the
 * engine sends the main thread about ten small messages a second however fast it trains, and each
 * message carries only the points not sent before. Pure: the caller passes the clock.
 */

/** A buffer of pending points of type `T`, released by `take`. */
export interface ProgressThrottle<T> {
  /** Add a point. */
  push(point: T): void;
  /** Points waiting to be sent. */
  readonly pendingCount: number;
  /**
   * The pending points if `force` is set or `intervalMs` has passed since the last release, else null.
   * Releasing empties the buffer and restarts the interval.
   */
  take(nowMs: number, force?: boolean): T[] | null;
}

/** Default spacing between progress messages: at most 10 per second. */
export const PROGRESS_INTERVAL_MS = 100;

/** Make a throttle that releases at most once per `intervalMs` (unless forced). */
export function createProgressThrottle<T>(intervalMs: number = PROGRESS_INTERVAL_MS): ProgressThrottle<T> {
  let pending: T[] = [];
  let lastReleaseMs = -Infinity;
  return {
    push(point) {
      pending.push(point);
    },
    get pendingCount() {
      return pending.length;
    },
    take(nowMs, force = false) {
      if (!force && nowMs - lastReleaseMs < intervalMs) return null;
      lastReleaseMs = nowMs;
      const released = pending;
      pending = [];
      return released;
    },
  };
}
