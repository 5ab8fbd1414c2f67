/**
 * Which images of each split a run uses: all of them, or a class-balanced subset fixed by the seed.
 * One place for the rule, so a run's epochs and a later "evaluate now" with the same settings validate
 * on exactly the same test images.
 */
import { CIFAR10_CLASSES, type CifarArrays } from '../data/cifar-format';
import { stratifiedSubset } from '../data/dataset-indices';
import type { TrainingHyperparameters } from './hyperparameters';
import { allIndices } from './training-batches';

/** The training images of a run: `trainSubset` of them drawn with `seed`, or all. */
export function trainingPool(train: CifarArrays, settings: Pick<TrainingHyperparameters, 'trainSubset' | 'seed'>): Uint32Array {
  return pickPool(train, settings.trainSubset, settings.seed);
}

/**
 * The validation images of a run: `validationSubset` test images drawn with `seed + 1` (so they are not
 * the same draw as the training subset's), or all.
 */
export function validationPool(test: CifarArrays, settings: Pick<TrainingHyperparameters, 'validationSubset' | 'seed'>): Uint32Array {
  return pickPool(test, settings.validationSubset, settings.seed + 1);
}

/** @throws RangeError for a subset size that is not a whole number ≥ 1 (stratifiedQuotas names it). */
function pickPool(split: CifarArrays, subset: number | null, seed: number): Uint32Array {
  if (subset === null || subset >= split.count) return allIndices(split.count);
  return stratifiedSubset(split.labels, subset, seed, CIFAR10_CLASSES.length);
}
