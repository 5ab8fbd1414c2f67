import * as tf from '@tensorflow/tfjs';
import { MODEL_CLASS_COUNT, MODEL_INPUT_SHAPE, sizePair, type KernelRegularisation, type LayerSpec, type ModelSpec } from '../../core/model/model-spec';
import { kerasLayerNames } from '../../core/model/model-spec-edit';
import { assertValidModelSpec } from '../../core/model/model-spec-validate';
import { DropConnectDense } from '../layers/drop-connect-dense';
import { StochasticPooling2D } from '../layers/stochastic-pooling-2d';
import { gpuDropout } from './gpu-dropout-layer';

/**
 * Build the tfjs model a spec describes: a `tf.Sequential` taking [N, 32, 32, 3] float32 images in
 * [0, 1] and giving [N, 10] class probabilities.
 *
 * Weights start as Keras starts them (Glorot-uniform kernels, zero biases), drawn from `seed` so that
 * the same seed builds the same network; the dropout layers' masks are drawn from it too (on webgl and
 * wasm), so on wasm the same seed and data train the same network. Layers are named as Keras names
 * them (`kerasLayerNames`: `conv2d`, `conv2d_1`, `dropout`, ...), so weight names read like the
 * tutorial's `model.summary()` and match the architecture editor's.
 *
 * The caller owns the model and must `dispose()` it.
 * @param classCount the probabilities it must end in: 10 for CIFAR-10, a class set's own count otherwise.
 * @throws ModelSpecError when the spec is invalid (the message names the layer).
 */
export function buildModel(spec: ModelSpec, seed: number, classCount: number = MODEL_CLASS_COUNT): tf.Sequential {
  assertValidModelSpec(spec, { classCount });
  const model = tf.sequential();
  const names = kerasLayerNames(spec);
  spec.layers.forEach((layer, layerIndex) => {
    const name = names[layerIndex] ?? `layer_${layerIndex}`;
    const inputShape = layerIndex === 0 ? [...MODEL_INPUT_SHAPE] : undefined;
    model.add(makeLayer(layer, name, inputShape, (seed + layerIndex * 7919) >>> 0));
  });
  return model;
}


function makeLayer(layer: LayerSpec, name: string, inputShape: number[] | undefined, seed: number): tf.layers.Layer {
  const common = inputShape ? { name, inputShape } : { name };
  switch (layer.type) {
    case 'Conv2D':
      return tf.layers.conv2d({
        ...common,
        filters: layer.filters,
        kernelSize: [...sizePair(layer.kernelSize)],
        strides: [...sizePair(layer.strides)],
        padding: layer.padding,
        activation: layer.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        biasInitializer: 'zeros',
        ...kernelRegularisation(layer, [0, 1, 2]),
      });
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const config = {
        ...common,
        poolSize: [...sizePair(layer.poolSize)] as [number, number],
        strides: [...sizePair(layer.strides ?? layer.poolSize)] as [number, number],
        padding: layer.padding,
      };
      return layer.type === 'MaxPooling2D' ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
    }
    case 'StochasticPooling2D':
      return new StochasticPooling2D({ ...common, poolSize: [...sizePair(layer.poolSize)] as [number, number], padding: layer.padding, drawSeed: seed });
    case 'BatchNormalization':
      // Keras' defaults (momentum 0.99, epsilon 0.001, over the last axis), which tfjs shares.
      return tf.layers.batchNormalization(common);
    case 'Dropout':
      // No Keras seed (a seeded stock dropout layer draws the same mask at every step, and it would be
      // saved in model.json). The mask seed starts this layer's sequence of masks, different at each
      // step, drawn by our kernel on webgl and wasm: the same run seed draws the same masks there.
      return gpuDropout({ ...common, rate: layer.rate, maskSeed: seed });
    case 'Flatten':
      return tf.layers.flatten(common);
    case 'Dense':
      return tf.layers.dense({
        ...common,
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        biasInitializer: 'zeros',
        ...kernelRegularisation(layer, 0),
      });
    case 'DropConnectDense':
      return new DropConnectDense({
        ...common,
        units: layer.units,
        activation: layer.activation,
        rate: layer.rate,
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        maskSeed: seed,
        ...kernelRegularisation(layer, 0),
      });
  }
}

/**
 * The tfjs objects for a layer's weight decay and max-norm: Keras' `l2` (an `L1L2` with l1 = 0) and
 * `MaxNorm` over `normAxes` — the axes of one unit's incoming weights: [0, 1, 2] (rows, columns, input
 * channels) for a [kh, kw, in, out] conv kernel, as Keras advises, 0 for a [in, out] dense kernel.
 * tfjs types `axis` as one number but sums over whatever it is given, and saves the list as Keras does.
 * The training step adds the penalties to the loss and applies the constraints after each update
 * (`regularisation.ts`), since only `model.fit` would.
 */
function kernelRegularisation(layer: KernelRegularisation, normAxes: number | number[]): {
  kernelRegularizer?: ReturnType<typeof tf.regularizers.l2>;
  kernelConstraint?: ReturnType<typeof tf.constraints.maxNorm>;
} {
  return {
    ...(layer.kernelRegularizer ? { kernelRegularizer: tf.regularizers.l2({ l2: layer.kernelRegularizer.l2 }) } : {}),
    ...(layer.kernelConstraint ? { kernelConstraint: tf.constraints.maxNorm({ maxValue: layer.kernelConstraint.maxNorm, axis: normAxes as number }) } : {}),
  };
}
