import { createProgressThrottle, PROGRESS_INTERVAL_MS, type ProgressThrottle } from '../../core/charts/progress-throttle';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { RunId, TrainEvent, TrainingPositionInfo } from '../protocol-train';

type Point = { readonly batch: BatchPoint } | { readonly epoch: EpochSummary };

/**
 * Sends a run's new points as `train-progress` events, at most one per `intervalMs`: points that
 * arrive sooner wait, and a timer sends them when the interval is up, so none waits for the next
 * (possibly slow) batch. Each event carries only points not sent before.
 */
export class ProgressEmitter {
  private readonly throttle: ProgressThrottle<Point>;
  private position: TrainingPositionInfo | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly runId: RunId,
    private readonly emit: (event: TrainEvent) => void,
    private readonly nowMs: () => number,
    private readonly intervalMs: number = PROGRESS_INTERVAL_MS,
  ) {
    this.throttle = createProgressThrottle<Point>(intervalMs);
  }

  /** Queue a batch point (and the epoch summary it completed, if any) with the position after it. */
  add(position: TrainingPositionInfo, batch: BatchPoint | null, epoch: EpochSummary | null = null): void {
    this.position = position;
    if (batch) this.throttle.push({ batch });
    if (epoch) this.throttle.push({ epoch });
    this.send(false);
  }

  /** Send whatever waits now (before a status change, so the status follows its points). */
  flush(): void {
    this.send(true);
  }

  /** Stop the timer; pending points are dropped. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(force: boolean): void {
    if (this.throttle.pendingCount === 0 || this.position === null) return;
    const points = this.throttle.take(this.nowMs(), force);
    if (points === null) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.send(true);
      }, this.intervalMs);
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.emit({
      type: 'train-progress',
      runId: this.runId,
      batches: points.flatMap((point) => ('batch' in point ? [point.batch] : [])),
      epochs: points.flatMap((point) => ('epoch' in point ? [point.epoch] : [])),
      position: this.position,
    });
  }
}
