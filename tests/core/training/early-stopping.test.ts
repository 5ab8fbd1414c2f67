import { describe, expect, test } from 'vitest';
import { describeEarlyStop, earlyStoppingOnEpochEnd, initialEarlyStoppingState, isImprovement } from '../../../src/core/training/early-stopping';
import type { EarlyStoppingSettings, MonitoredMetric } from '../../../src/core/training/hyperparameters';

const SETTINGS: EarlyStoppingSettings = { enabled: true, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true };

interface Replay {
  /** 0-based epoch after which training stopped, or null if it ran through. */
  stoppedEpoch: number | null;
  /** The weights the model ends with: "after epoch k" as the loop would hold them. */
  finalWeights: string;
  /** Epochs whose weights were copied, in order. */
  kept: number[];
  message: string;
}

/**
 * Drive the state machine like the training loop does, on a scripted stream of validation values,
 * with a fake model whose "weights" are the name of the epoch that produced them.
 */
function replay(settings: EarlyStoppingSettings, values: readonly number[]): Replay {
  let state = initialEarlyStoppingState(settings);
  let weights = 'initial';
  let bestCopy: string | null = null;
  let restored = false;
  const kept: number[] = [];
  for (const [epoch, value] of values.entries()) {
    weights = `after epoch ${epoch}`;
    const other: MonitoredMetric = settings.monitor === 'val_loss' ? 'val_accuracy' : 'val_loss';
    const outcome = earlyStoppingOnEpochEnd(settings, state, epoch, { [settings.monitor]: value, [other]: 0 } as Record<MonitoredMetric, number>);
    state = outcome.state;
    if (outcome.actions.keepCurrentWeights) {
      bestCopy = weights;
      kept.push(epoch);
    }
    if (outcome.actions.restoreBestWeights) {
      if (bestCopy === null) throw new Error('asked to restore weights it never asked to keep');
      weights = bestCopy;
      restored = true;
    }
    if (outcome.actions.stop) break;
  }
  return { stoppedEpoch: state.stoppedEpoch, finalWeights: weights, kept, message: describeEarlyStop(settings, state, restored) };
}

describe("early stopping with Keras' semantics", () => {
  test('stops once val_loss has not improved for `patience` epochs, and restores the best epoch', () => {
    const outcome = replay(SETTINGS, [1.0, 0.8, 0.85, 0.9, 0.95, 0.7]);
    expect(outcome.stoppedEpoch).toBe(4);
    expect(outcome.finalWeights).toBe('after epoch 1');
    expect(outcome.kept).toEqual([0, 1]);
    expect(outcome.message).toBe('Stopped early after epoch 5: val_loss did not improve by more than 0 for 3 epochs; restored the weights of the best epoch, 2.');
  });

  test('an improvement resets the wait', () => {
    const outcome = replay(SETTINGS, [1, 1.1, 1.2, 0.9, 1.0, 1.1, 1.2, 0.1]);
    expect(outcome.stoppedEpoch).toBe(6);
    expect(outcome.finalWeights).toBe('after epoch 3');
  });

  test('min_delta: smaller changes do not count as improvements', () => {
    const outcome = replay({ ...SETTINGS, minDelta: 0.05, patience: 2 }, [1.0, 0.99, 0.985, 0.5]);
    expect(outcome.stoppedEpoch).toBe(2);
    expect(outcome.finalWeights).toBe('after epoch 0');
    expect(isImprovement('val_loss', 0.05, 0.94, 1)).toBe(true);
    expect(isImprovement('val_loss', 0.05, 0.95, 1)).toBe(false);
    expect(isImprovement('val_accuracy', 0.05, 0.56, 0.5)).toBe(true);
    expect(isImprovement('val_accuracy', 0.05, 0.55, 0.5)).toBe(false);
  });

  test('val_accuracy is maximised', () => {
    const outcome = replay({ ...SETTINGS, monitor: 'val_accuracy', patience: 2 }, [0.3, 0.5, 0.5, 0.49, 0.9]);
    expect(outcome.stoppedEpoch).toBe(3);
    expect(outcome.finalWeights).toBe('after epoch 1');
  });

  test('runs through when it keeps improving; the weights are then the last ones', () => {
    const outcome = replay(SETTINGS, [5, 4, 3, 2, 1]);
    expect(outcome.stoppedEpoch).toBeNull();
    expect(outcome.finalWeights).toBe('after epoch 4');
    expect(outcome.message).toBe('');
  });

  test('patience 0 stops at the first epoch without improvement, but never after the first epoch', () => {
    expect(replay({ ...SETTINGS, patience: 0 }, [1, 2, 0]).stoppedEpoch).toBe(1);
    expect(replay({ ...SETTINGS, patience: 0 }, [Number.NaN]).stoppedEpoch).toBeNull();
    expect(replay({ ...SETTINGS, patience: 0 }, [Number.NaN, Number.NaN]).stoppedEpoch).toBe(1);
  });

  test('a run that never improves (NaN) restores the weights after the first epoch', () => {
    const outcome = replay({ ...SETTINGS, patience: 1 }, [Number.NaN, Number.NaN, Number.NaN]);
    expect(outcome.stoppedEpoch).toBe(1);
    expect(outcome.kept).toEqual([0]);
    expect(outcome.finalWeights).toBe('after epoch 0');
    expect(outcome.message).toMatch(/restored the weights after epoch 1\.$/);
  });

  test('without restore_best_weights it stops but keeps the last weights and copies nothing', () => {
    const outcome = replay({ ...SETTINGS, restoreBestWeights: false, patience: 1 }, [1, 2, 3]);
    expect(outcome.stoppedEpoch).toBe(1);
    expect(outcome.kept).toEqual([]);
    expect(outcome.finalWeights).toBe('after epoch 1');
    expect(outcome.message).toBe('Stopped early after epoch 2: val_loss did not improve by more than 0 for 1 epoch.');
  });

  test('disabled, it never acts', () => {
    const outcome = replay({ ...SETTINGS, enabled: false, patience: 0 }, [1, 2, 3, 4]);
    expect(outcome.stoppedEpoch).toBeNull();
    expect(outcome.kept).toEqual([]);
  });
});
