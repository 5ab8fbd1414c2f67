/**
 * The tutorial's CIFAR-10 CNN built with stock tfjs-layers, compiled as the tutorial compiles it
 * (SGD with momentum 0.5, categorical cross-entropy). This is the "stock tfjs" baseline the
 * benchmark times with `model.trainOnBatch`, and the model the wasm parity test trains.
 */
import * as tf from '@tensorflow/tfjs';

/** Options for `buildTutorialModel`. */
export interface TutorialModelOptions {
  /**
   * Seed for both dropout layers' masks. Fixed, every step draws the same masks on every backend,
   * which is what a cross-backend comparison needs; leave undefined for fresh masks each step.
   */
  readonly dropoutSeed?: number;
  /** Seed for the initial weights (Glorot uniform, zero biases). */
  readonly weightSeed?: number;
  /** SGD learning rate (the tutorial's Keras default 0.01). */
  readonly learningRate?: number;
}

/**
 * Conv2D(32, 3×3, same, relu) → Dropout(0.2) → Conv2D(32, 3×3, valid, relu) → MaxPooling2D(2×2) →
 * Flatten → Dense(512, relu) → Dropout(0.3) → Dense(10, softmax), on [N, 32, 32, 3] inputs;
 * 3 702 186 parameters. The caller owns the model and disposes it (`model.dispose()`).
 */
export function buildTutorialModel(options: TutorialModelOptions = {}): tf.LayersModel {
  const { dropoutSeed, weightSeed, learningRate = 0.01 } = options;
  const init = (offset: number): ReturnType<typeof tf.initializers.glorotUniform> => tf.initializers.glorotUniform({ seed: weightSeed === undefined ? undefined : weightSeed + offset });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dropout({ rate: 0.2, seed: dropoutSeed }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'valid', activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 512, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.dropout({ rate: 0.3, seed: dropoutSeed === undefined ? undefined : dropoutSeed + 1 }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(4) }),
    ],
  });
  model.compile({ optimizer: tf.train.momentum(learningRate, 0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/**
 * A synthetic batch with CIFAR-10's shapes: images [batchSize, 32, 32, 3] in [0, 1] and one-hot labels
 * [batchSize, 10]. Seeded, so every backend sees the same numbers. Caller disposes both tensors.
 */
export function syntheticBatch(batchSize: number, seed: number): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  return tf.tidy(() => {
    const xs = tf.randomUniform([batchSize, 32, 32, 3], 0, 1, 'float32', seed) as tf.Tensor4D;
    const labels = tf.randomUniform([batchSize], 0, 10, 'float32', seed + 1).floor().toInt();
    return { xs, ys: tf.oneHot(labels, 10).toFloat() as tf.Tensor2D };
  });
}
