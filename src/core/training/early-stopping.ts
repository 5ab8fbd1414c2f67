/**
 * Early stopping as Keras' `EarlyStopping` callback does it (Keras 2.13, without `baseline` and
 * `start_from_epoch`), written as a pure state machine: the training loop feeds it each epoch's
 * validation metrics and carries out what it answers (keep a copy of the weights, stop, put the best
 * copy back). Keeping the weights is the loop's job; deciding when is this module's.
 *
 * The rules, in Keras' words:
 * - `monitor` is `val_loss` (lower is better) or `val_accuracy` (higher is better).
 * - An epoch improves when it beats the best so far by more than `min_delta`.
 * - Each epoch without improvement adds one to `wait`; an improvement resets it to 0.
 * - When `wait` reaches `patience` (and it is not the first epoch), training stops; with
 *   `restore_best_weights`, the weights of the best epoch are put back. If no epoch ever improved
 *   (every value NaN), the weights after the first epoch count as the best.
 */
import type { EarlyStoppingSettings, MonitoredMetric } from './hyperparameters';

/** The validation metrics of one epoch. */
export type ValidationMetrics = Readonly<Record<MonitoredMetric, number>>;

/** What the callback remembers between epochs. */
export interface EarlyStoppingState {
  /** Best monitored value so far (±Infinity before the first epoch). */
  readonly best: number;
  /** 0-based epoch of `best`, or null before any improvement. */
  readonly bestEpoch: number | null;
  /** Epochs since the last improvement. */
  readonly wait: number;
  /** Whether a copy of the weights is held as the best ones. */
  readonly holdsBestWeights: boolean;
  /** 0-based epoch at which training was stopped, or null. */
  readonly stoppedEpoch: number | null;
}

/** What the training loop must do after this epoch, in this order. */
export interface EarlyStoppingActions {
  /** Copy the current weights as the best ones (replacing any earlier copy). */
  readonly keepCurrentWeights: boolean;
  /** End training after this epoch. */
  readonly stop: boolean;
  /** Put the kept copy back into the model (only together with `stop`). */
  readonly restoreBestWeights: boolean;
}

/** Whether higher values of `monitor` are better (Keras' `mode='auto'`: accuracy is maximised). */
export function monitorIsMaximised(monitor: MonitoredMetric): boolean {
  return monitor === 'val_accuracy';
}

/** The state before the first epoch. */
export function initialEarlyStoppingState(settings: Pick<EarlyStoppingSettings, 'monitor'>): EarlyStoppingState {
  return {
    best: monitorIsMaximised(settings.monitor) ? -Infinity : Infinity,
    bestEpoch: null,
    wait: 0,
    holdsBestWeights: false,
    stoppedEpoch: null,
  };
}

/**
 * Whether `value` improves on `reference` by more than `minDelta` in the monitor's direction. NaN
 * never improves (every comparison with NaN is false, as in NumPy).
 */
export function isImprovement(monitor: MonitoredMetric, minDelta: number, value: number, reference: number): boolean {
  const delta = Math.abs(minDelta);
  return monitorIsMaximised(monitor) ? value - delta > reference : value + delta < reference;
}

/**
 * Keras' `on_epoch_end`: take epoch `epoch`'s (0-based) metrics, return the next state and what to do.
 * A disabled setting never asks for anything.
 */
export function earlyStoppingOnEpochEnd(
  settings: EarlyStoppingSettings,
  state: EarlyStoppingState,
  epoch: number,
  metrics: ValidationMetrics,
): { readonly state: EarlyStoppingState; readonly actions: EarlyStoppingActions } {
  const nothing: EarlyStoppingActions = { keepCurrentWeights: false, stop: false, restoreBestWeights: false };
  if (!settings.enabled) return { state, actions: nothing };
  const current = metrics[settings.monitor];
  // Keras keeps the first epoch's weights even without an improvement, so that a run that never
  // improves still has something to restore.
  const keepFirst = settings.restoreBestWeights && !state.holdsBestWeights;
  const wait = state.wait + 1;
  if (isImprovement(settings.monitor, settings.minDelta, current, state.best)) {
    return {
      state: { ...state, best: current, bestEpoch: epoch, wait: 0, holdsBestWeights: settings.restoreBestWeights || state.holdsBestWeights },
      actions: { keepCurrentWeights: settings.restoreBestWeights, stop: false, restoreBestWeights: false },
    };
  }
  const holdsBestWeights = state.holdsBestWeights || keepFirst;
  if (wait >= settings.patience && epoch > 0) {
    return {
      state: { ...state, wait, holdsBestWeights, stoppedEpoch: epoch },
      actions: { keepCurrentWeights: keepFirst, stop: true, restoreBestWeights: settings.restoreBestWeights && holdsBestWeights },
    };
  }
  return { state: { ...state, wait, holdsBestWeights }, actions: { ...nothing, keepCurrentWeights: keepFirst } };
}

/** "Stopped early at epoch 7: val_loss did not improve for 3 epochs; restored epoch 4's weights." */
export function describeEarlyStop(settings: EarlyStoppingSettings, state: EarlyStoppingState, restored: boolean): string {
  if (state.stoppedEpoch === null) return '';
  const base = `Stopped early after epoch ${state.stoppedEpoch + 1}: ${settings.monitor} did not improve by more than ${settings.minDelta} for ${state.wait} epoch${state.wait === 1 ? '' : 's'}`;
  if (!restored) return `${base}.`;
  return state.bestEpoch === null ? `${base}; restored the weights after epoch 1.` : `${base}; restored the weights of the best epoch, ${state.bestEpoch + 1}.`;
}
