/**
 * Training speed and time left, from what the main thread sees of a run: when each progress update
 * arrived and how far the run was then. Pure: the caller passes the clock readings.
 *
 * Speed counts training steps only. The pause between an epoch's last batch and the next epoch is the
 * validation pass, so intervals that cross an epoch boundary are left out of the speed and counted
 * separately, through the validation time the engine measures.
 */
import type { EpochSummary } from '../training/training-record';

/** Where a run was when an update arrived. */
export interface ProgressSample {
  /** Clock reading in milliseconds (any origin; only differences matter). */
  readonly timeMs: number;
  /** 0-based epoch in progress. */
  readonly epoch: number;
  /** Training images stepped over since the run began (all epochs). */
  readonly imagesDone: number;
}

/** How far back the speed looks: long enough to average a few slow batches, short enough to follow a change. */
export const SPEED_WINDOW_MS = 20_000;

/**
 * Training images done at a position: whole epochs of `trainImages`, then `batch` batches of
 * `batchSize` (the last batch of an epoch may be smaller, as in Keras).
 */
export function trainingImagesDone(position: { readonly epoch: number; readonly batch: number }, trainImages: number, batchSize: number): number {
  return position.epoch * trainImages + Math.min(position.batch * batchSize, trainImages);
}

/**
 * Training images per second over the samples of the last `windowMs` (ending at the newest sample),
 * from consecutive pairs within one epoch; the newest such pair counts even when it alone is longer
 * than the window. Null until two such samples exist, or when no time passed.
 */
export function imagesPerSecond(samples: readonly ProgressSample[], windowMs: number = SPEED_WINDOW_MS): number | null {
  const newest = samples.at(-1);
  if (!newest) return null;
  let images = 0;
  let milliseconds = 0;
  for (let index = samples.length - 1; index > 0; index -= 1) {
    const later = samples[index];
    const earlier = samples[index - 1];
    if (!later || !earlier) break;
    // The newest interval counts however long it took (one slow batch can outlast the window).
    if (newest.timeMs - earlier.timeMs > windowMs && images > 0) break;
    if (later.epoch !== earlier.epoch || later.imagesDone <= earlier.imagesDone) continue;
    images += later.imagesDone - earlier.imagesDone;
    milliseconds += later.timeMs - earlier.timeMs;
  }
  return images > 0 && milliseconds > 0 ? (images * 1000) / milliseconds : null;
}

/**
 * A forward pass costs about a third of a training step (forward, then a backward pass of about twice
 * the work), so before the first validation has been timed, validating is estimated at three times
 * the training speed.
 */
export const FORWARD_SPEEDUP = 3;

/**
 * Seconds one validation pass takes: the mean of those the engine measured (an epoch's seconds minus
 * its training steps), or, before any, `validationImages` at `FORWARD_SPEEDUP` × the training speed.
 */
export function validationSeconds(epochs: readonly EpochSummary[], trainImages: number, validationImages: number, trainImagesPerSecond: number): number {
  const measured = epochs.map((epoch) => epoch.seconds - trainImages / epoch.imagesPerSecond).filter((seconds) => Number.isFinite(seconds) && seconds >= 0);
  if (measured.length > 0) return measured.reduce((sum, seconds) => sum + seconds, 0) / measured.length;
  return validationImages / (trainImagesPerSecond * FORWARD_SPEEDUP);
}

/** What the estimate of the time left needs. */
export interface TimeLeftInputs {
  readonly position: { readonly epoch: number; readonly batch: number; readonly epochs: number };
  readonly trainImages: number;
  readonly validationImages: number;
  readonly batchSize: number;
  /** Measured training speed. */
  readonly imagesPerSecond: number;
  /** The epochs finished so far (their timings). */
  readonly epochs: readonly EpochSummary[];
}

/**
 * Seconds until the last epoch is trained and validated at the measured speed: the training images
 * left, plus one validation per epoch not yet validated. Early stopping may end the run sooner.
 * Null when the speed is not a positive number.
 */
export function secondsLeft(inputs: TimeLeftInputs): number | null {
  if (!(inputs.imagesPerSecond > 0) || !Number.isFinite(inputs.imagesPerSecond)) return null;
  const { position, trainImages } = inputs;
  if (position.epoch >= position.epochs) return 0;
  const imagesLeft = position.epochs * trainImages - trainingImagesDone(position, trainImages, inputs.batchSize);
  const validationsLeft = position.epochs - position.epoch;
  const perValidation = validationSeconds(inputs.epochs, trainImages, inputs.validationImages, inputs.imagesPerSecond);
  return imagesLeft / inputs.imagesPerSecond + validationsLeft * perValidation;
}

/** A duration as a person says it, rounded to what matters: "45 s", "3 min 20 s", "2 h 05 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 1) return 'under 1 s';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, '0')} s`;
  }
  const totalMinutes = Math.round(whole / 60);
  const hours = Math.floor(totalMinutes / 60);
  return `${hours} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}
