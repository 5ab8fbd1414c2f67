import * as tf from '@tensorflow/tfjs';
import type { TrainingHyperparameters } from '../../core/training/hyperparameters';

/**
 * Adam whose learning rate can change between steps. tfjs' Adam reads `learningRate` on every update
 * but offers no setter (SGD and momentum have `setLearningRate`), so this adds one.
 */
class SchedulableAdam extends tf.AdamOptimizer {
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }
}

/**
 * SGD with momentum whose `dispose()` frees everything it made: tfjs' momentum optimiser overrides
 * `dispose()` without freeing the learning-rate scalar `c` its SGD base keeps, leaking one tensor per
 * optimiser.
 */
class DisposableMomentum extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}

/** An optimiser whose learning rate the training loop sets before every step (Keras' legacy decay). */
export interface TrainingOptimizer {
  readonly optimizer: tf.Optimizer;
  setLearningRate(learningRate: number): void;
}

/**
 * Make the optimiser the settings ask for: SGD with momentum (plain SGD when momentum is 0, as in
 * Keras) or Adam with Keras' defaults (β1 0.9, β2 0.999, ε 1e-7).
 * The caller owns it and must `dispose()` `optimizer` (that frees its momentum or moment variables).
 */
export function createOptimizer(settings: Pick<TrainingHyperparameters, 'optimizer' | 'learningRate' | 'momentum'>): TrainingOptimizer {
  if (settings.optimizer === 'adam') {
    const adam = new SchedulableAdam(settings.learningRate, 0.9, 0.999, 1e-7);
    return { optimizer: adam, setLearningRate: (rate) => adam.setLearningRate(rate) };
  }
  const sgd = settings.momentum > 0 ? new DisposableMomentum(settings.learningRate, settings.momentum) : tf.train.sgd(settings.learningRate);
  return { optimizer: sgd, setLearningRate: (rate) => sgd.setLearningRate(rate) };
}

/**
 * A copy of an optimiser's state (iteration count and slots) kept on the backend, so a diverged run
 * can go back to its last good epoch without a download. Owns its tensors until `dispose()`.
 */
export class OptimizerSnapshot {
  private constructor(private readonly entries: readonly { name: string; tensor: tf.Tensor }[]) {}

  /** Copy `optimizer`'s current state. */
  static async take(optimizer: tf.Optimizer): Promise<OptimizerSnapshot> {
    const live = await optimizer.getWeights();
    // The first entry ('iter') is a new scalar, ours to keep; the slots are live variables, so cloned.
    return new OptimizerSnapshot(live.map((entry, index) => ({ name: entry.name, tensor: index === 0 ? entry.tensor : tf.clone(entry.tensor) })));
  }

  /** A new optimiser made from `settings`, holding this state. The caller owns it. */
  async restore(settings: Pick<TrainingHyperparameters, 'optimizer' | 'learningRate' | 'momentum'>): Promise<TrainingOptimizer> {
    const fresh = createOptimizer(settings);
    const copies = this.entries.map((entry) => ({ name: entry.name, tensor: tf.clone(entry.tensor) }));
    await fresh.optimizer.setWeights(copies);
    tf.dispose(copies.map((entry) => entry.tensor));
    return fresh;
  }

  dispose(): void {
    tf.dispose(this.entries.map((entry) => entry.tensor));
  }
}
