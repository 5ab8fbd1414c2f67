import * as tf from '@tensorflow/tfjs';

/** A tensor's values on the CPU side: structured-clone friendly, so it can go to IndexedDB or a file. */
export interface NamedArray {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly values: Float32Array | Int32Array;
}

/** Everything needed to put a model and its optimiser back exactly as they were. */
export interface TrainingWeights {
  /** The model's weights, in `model.weights` order, named by their Keras names (`conv2d/kernel`). */
  readonly model: readonly NamedArray[];
  /** The optimiser's `getWeights()`: its iteration count first, then its slots (momentum, m, v). */
  readonly optimizer: readonly NamedArray[];
}

/** Copy tensors to the CPU. Does not dispose them. */
export async function readArrays(tensors: readonly { name: string; tensor: tf.Tensor }[]): Promise<NamedArray[]> {
  return Promise.all(
    tensors.map(async ({ name, tensor }) => {
      const dtype = tensor.dtype === 'int32' ? 'int32' : 'float32';
      const values = await tensor.data();
      return { name, shape: [...tensor.shape], dtype, values: dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values) };
    }),
  );
}

/** The model's weights as named tensors (the live variables: do not dispose them). */
export function modelWeightTensors(model: tf.LayersModel): { name: string; tensor: tf.Tensor }[] {
  return model.weights.map((weight) => ({ name: weight.originalName, tensor: weight.read() }));
}

/**
 * Read a model's and an optimiser's state to the CPU.
 * Disposes the iteration scalar `getWeights()` creates; the slot variables stay the optimiser's.
 */
export async function readTrainingWeights(model: tf.LayersModel, optimizer: tf.Optimizer): Promise<TrainingWeights> {
  const modelArrays = await readArrays(modelWeightTensors(model));
  const optimizerTensors = await optimizer.getWeights();
  try {
    return { model: modelArrays, optimizer: await readArrays(optimizerTensors) };
  } finally {
    // Only the first entry ('iter') is a new tensor; the rest are the optimiser's own variables.
    optimizerTensors[0]?.tensor.dispose();
  }
}

/**
 * Put saved model weights into `model`.
 * @throws Error naming the first weight whose name or shape does not match (a checkpoint of another model).
 */
export function writeModelWeights(model: tf.LayersModel, arrays: readonly NamedArray[]): void {
  const weights = model.weights;
  if (weights.length !== arrays.length) {
    throw new Error(`the saved weights are for another model: it has ${arrays.length} weight tensors, this one ${weights.length}`);
  }
  const tensors = arrays.map((array, index) => {
    const weight = weights[index];
    if (!weight || weight.originalName !== array.name || weight.shape.join('×') !== array.shape.join('×')) {
      throw new Error(`saved weight ${array.name} [${array.shape.join('×')}] does not fit ${weight?.originalName ?? '?'} [${weight?.shape.join('×') ?? ''}]`);
    }
    return tf.tensor(array.values, [...array.shape], array.dtype);
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/**
 * Give a fresh optimiser (one that has not stepped yet) a saved state. Must not be used on an optimiser
 * that has stepped: tfjs' `setWeights` replaces its slot variables without freeing the old ones.
 */
export async function writeOptimizerWeights(optimizer: tf.Optimizer, arrays: readonly NamedArray[]): Promise<void> {
  const tensors = arrays.map((array) => ({ name: array.name, tensor: tf.tensor(array.values, [...array.shape], array.dtype) }));
  await optimizer.setWeights(tensors);
  // The optimiser made its own variables from these (sharing their data), so ours can go.
  tf.dispose(tensors.map((entry) => entry.tensor));
}

/**
 * A copy of a model's weights kept on the backend (no download): what early stopping restores and
 * what a diverged run falls back to. Owns its tensors until `dispose()`.
 */
export class WeightSnapshot {
  private constructor(private readonly tensors: readonly tf.Tensor[]) {}

  /** Copy `model`'s current weights. */
  static take(model: tf.LayersModel): WeightSnapshot {
    return new WeightSnapshot(tf.tidy(() => model.getWeights().map((weight) => tf.keep(weight.clone()))));
  }

  /** Upload saved weights as a snapshot (e.g. early stopping's best weights from a checkpoint). */
  static fromArrays(arrays: readonly NamedArray[]): WeightSnapshot {
    return new WeightSnapshot(arrays.map((array) => tf.tensor(array.values, [...array.shape], array.dtype)));
  }

  /** Write the copy into `model` (the copy stays valid). */
  restoreInto(model: tf.LayersModel): void {
    model.setWeights([...this.tensors]);
  }

  /** Read the copy to the CPU, named like `model`'s weights. */
  async read(model: tf.LayersModel): Promise<NamedArray[]> {
    return readArrays(model.weights.map((weight, index) => ({ name: weight.originalName, tensor: this.tensors[index] as tf.Tensor })));
  }

  dispose(): void {
    tf.dispose([...this.tensors]);
  }
}

/**
 * The L2 norm of all of `variables` together, √(Σ w²): how large the weights are, for the divergence
 * rule's "exploding weights". One reduction and one small read-back; frees its tensors.
 */
export async function weightNorm(variables: readonly tf.Variable[]): Promise<number> {
  if (variables.length === 0) return 0;
  const norm = tf.tidy(() => tf.sqrt(tf.addN(variables.map((variable) => tf.sum(tf.square(variable))))));
  const [value = Number.NaN] = await norm.data();
  norm.dispose();
  return value;
}
