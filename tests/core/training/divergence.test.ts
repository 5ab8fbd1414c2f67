import { describe, expect, test } from 'vitest';
import {
  batchDivergence,
  chanceWarning,
  CHANCE_LOSS,
  describeDivergence,
  DIVERGED_LOSS,
  DIVERGENCE_WINDOW,
  epochDivergence,
  isAtChance,
  suggestedLearningRate,
  worthMeasuringWeights,
} from '../../../src/core/training/divergence';
import type { BatchPoint, EpochSummary } from '../../../src/core/training/training-record';

const points = (losses: readonly number[]): BatchPoint[] => losses.map((loss, index) => ({ iteration: index, epoch: 0, batch: index, loss, accuracy: 0.1, learningRate: 10 }));
const epoch = (changes: Partial<EpochSummary> = {}): EpochSummary => ({ epoch: 0, loss: 2.2, accuracy: 0.2, valLoss: 2.1, valAccuracy: 0.25, seconds: 1, imagesPerSecond: 100, ...changes });
const SGD_AT_10 = { optimizer: 'sgd', learningRate: 10 } as const;

describe('the divergence rule (issue 16, case 3)', () => {
  test('ln 10 is the loss of guessing; far above is twice that', () => {
    expect(CHANCE_LOSS).toBeCloseTo(2.302585, 6);
    expect(DIVERGED_LOSS).toBeCloseTo(4.60517, 5);
  });

  test('a NaN or infinite loss has diverged at once', () => {
    expect(batchDivergence(points([2.3, Number.NaN]), null)?.cause).toBe('not-finite');
    expect(batchDivergence(points([Number.POSITIVE_INFINITY]), null)?.cause).toBe('not-finite');
  });

  test('a loss far above ln 10 for a window of batches, not coming down, has diverged', () => {
    // The run: SGD at learning rate 10, the loss pinned near 14.5 by probability clipping.
    expect(batchDivergence(points([2.3, 7.3, 11.7, 15.1, 15.1, 15.1, 13.1, 15.1, 13.1]), null)?.cause).toBe('loss-stays-high');
    // One batch short of the window: not yet.
    expect(batchDivergence(points(Array.from({ length: DIVERGENCE_WINDOW - 1 }, () => 14.5)), null)).toBeNull();
    // High but falling by more than 10 % over the window: a rough start that recovers.
    expect(batchDivergence(points([9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5]), null)).toBeNull();
    // One batch back near guessing breaks the run of high losses.
    expect(batchDivergence(points([14, 14, 14, 2.4, 14, 14, 14, 14]), null)).toBeNull();
  });

  test('for a network of N classes of your own the thresholds are ln N and twice ln N, and the message says so', () => {
    // Three classes guess at ln 3 ≈ 1.10: a loss pinned at 3 is far above that, though under CIFAR-10's 4.61.
    const pinned = points(Array.from({ length: DIVERGENCE_WINDOW }, () => 3));
    expect(batchDivergence(pinned, null)).toBeNull();
    const diverged = batchDivergence(pinned, null, 3);
    expect(diverged).toMatchObject({ cause: 'loss-stays-high', classCount: 3 });
    // Two classes: 1.2 is above ln 2 ≈ 0.69, so the weights are worth a look; for 10 classes it is not.
    expect(worthMeasuringWeights(points([1.2])[0] as BatchPoint, 2)).toBe(true);
    expect(worthMeasuringWeights(points([1.2])[0] as BatchPoint)).toBe(false);
    expect(describeDivergence(diverged ?? { cause: 'not-finite', point: pinned[0] as BatchPoint }, { optimizer: 'adam', learningRate: 1 }, 0)).toMatch(
      /^The loss stayed far above ln 3 ≈ 1\.10, the loss of guessing, for 8 batches in a row and did not come down \(3\.00 at epoch 1, batch 8\)/,
    );
    // After an epoch: 2.5 with 33 % of 12 held-out pictures is diverged for three classes, only high for ten.
    const last = pinned.at(-1) as BatchPoint;
    const atChance = epoch({ loss: 2.5, valAccuracy: 0.33 });
    expect(epochDivergence(atChance, 12, last)).toBeNull();
    const afterEpoch = epochDivergence(atChance, 12, last, 3);
    expect(afterEpoch).toMatchObject({ cause: 'chance-after-epoch', classCount: 3 });
    expect(describeDivergence(afterEpoch ?? { cause: 'not-finite', point: last }, { optimizer: 'adam', learningRate: 1 }, 0)).toMatch(
      /far above ln 3 ≈ 1\.10, and validation accuracy 33\.0 % is no better than guessing, which gets 33 % \(one of 3 classes\): the run diverged/,
    );
  });

  test('weights grown past 100 times their starting norm have diverged', () => {
    expect(batchDivergence(points([2.5]), 600)?.cause).toBe('weights-exploding');
    expect(batchDivergence(points([2.5]), Number.NaN)?.cause).toBe('weights-exploding');
    expect(batchDivergence(points([2.5]), 3)).toBeNull();
    // Measured only when the loss looks wrong.
    expect(worthMeasuringWeights(points([2.4])[0] as BatchPoint)).toBe(true);
    expect(worthMeasuringWeights(points([1.9])[0] as BatchPoint)).toBe(false);
  });

  test('chance accuracy after an epoch whose loss is far above ln 10 has diverged; near ln 10 it is only a warning', () => {
    const last = points([14])[0] as BatchPoint;
    expect(epochDivergence(epoch({ loss: 14.5, valAccuracy: 0.0938 }), 500, last)?.cause).toBe('chance-after-epoch');
    expect(epochDivergence(epoch({ loss: 2.31, valAccuracy: 0.0938 }), 500, last)).toBeNull();
    expect(epochDivergence(epoch({ loss: 14.5, valAccuracy: 0.4 }), 500, last)).toBeNull();
    expect(chanceWarning([epoch({ loss: 2.29, valAccuracy: 0.11 })], 500)).toMatch(/^After epoch 1 the network does no better than guessing: 11\.0 % on 500 validation images, where guessing gets 10 %, and its loss 2\.29 is still about ln 10/);
    expect(chanceWarning([epoch({ valAccuracy: 0.4 })], 500)).toBeNull();
    // A network of 3 classes of your own guesses 33 %: 40 % on 12 held-out pictures is still guessing, 90 % is not.
    expect(chanceWarning([epoch({ loss: 1.09, valAccuracy: 0.4 })], 12, 3)).toMatch(/where guessing gets 33 % \(one of 3 classes\), and its loss 1\.09 is still about ln 3 ≈ 1\.10/);
    expect(chanceWarning([epoch({ valAccuracy: 0.9 })], 12, 3)).toBeNull();
    expect(chanceWarning([], 500)).toBeNull();
  });

  test('chance is 10 % give or take two standard deviations of a guesser on that many images', () => {
    expect(isAtChance(0.137, 256)).toBe(true);
    expect(isAtChance(0.14, 256)).toBe(false);
    expect(isAtChance(0.106, 10_000)).toBe(true);
    expect(isAtChance(0.107, 10_000)).toBe(false);
  });

  test('the message says what happened, where the weights went, and the learning rate to try', () => {
    const last = points([15.1])[0] as BatchPoint;
    expect(describeDivergence({ cause: 'loss-stays-high', point: last }, SGD_AT_10, 0)).toBe(
      'The loss stayed far above ln 10 ≈ 2.30, the loss of guessing, for 8 batches in a row and did not come down (15.10 at epoch 1, batch 1): the run diverged, so training stopped and the weights were put back to their initial values: this run has no trained model to classify with. Lower the learning rate: SGD at 10 overshoots; try 0.01, or Adam at 0.001.',
    );
    expect(describeDivergence({ cause: 'weights-exploding', point: last, growth: 612.4 }, { optimizer: 'adam', learningRate: 10 }, 3)).toBe(
      'The weights grew to 612 times their size at the start of the run (at epoch 1, batch 1): the run diverged, so training stopped and the weights were put back to their values after epoch 3. Lower the learning rate: Adam at 10 overshoots; try 0.001.',
    );
    expect(suggestedLearningRate({ optimizer: 'sgd', learningRate: 0.05 })).toBeCloseTo(0.005, 12);
    expect(suggestedLearningRate({ optimizer: 'adam', learningRate: 0.003 })).toBeCloseTo(0.0003, 12);
  });
});
