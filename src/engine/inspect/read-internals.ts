/**
 * Run one image through a model layer by layer and read every layer's output back, with the first
 * convolution's weights: the numbers behind the Train view's internals panel and lesson 9.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import type { FirstConvLayer, InspectedModel, LayerActivations, NetworkInternals } from '../protocol-inspect';
import { imagesFromBytes } from '../webgl/upload-bytes';

/** Layers whose output is not worth a picture: the input, and the identity-at-inference and reshaping ones. */
const SKIPPED_LAYERS = new Set(['InputLayer', 'Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'GaussianDropout', 'AlphaDropout', 'GaussianNoise', 'Flatten', 'Reshape']);
/** Layers that are the identity when not training: a conv after only these still sees the image itself. */
const IDENTITY_AT_INFERENCE = new Set(['InputLayer', 'Dropout', 'SpatialDropout2D', 'GaussianDropout', 'AlphaDropout', 'GaussianNoise']);

/** Tensors made by one pass, read back and freed by `readInternals`. */
interface Pass {
  /** One output per shown layer, in `shown` order. */
  readonly outputs: tf.Tensor[];
  /**
   * Copies of the first conv layer's kernel and bias (when it has one), so a run replacing the model
   * meanwhile cannot free them under us; empty without a conv layer.
   */
  readonly convWeights: tf.Tensor[];
}

/**
 * Apply `model`'s layers one at a time to `pixels` (÷ 255, as in training; dropout off) and read back
 * every shown layer's output and the first Conv2D layer's weights.
 *
 * The model stays the caller's and is only read. Every tensor made here is freed before this resolves
 * (tests check `tf.memory().numTensors`); the returned arrays are fresh copies, each owning its buffer,
 * so they can be transferred to the page.
 *
 * @param pixels 32 × 32 × 3 uint8, row-major RGB.
 * @throws RangeError when `pixels` is not 3 072 bytes; whatever tfjs throws for a model that cannot run.
 */
export async function readInternals(model: tf.LayersModel, pixels: Uint8Array, which: InspectedModel): Promise<NetworkInternals> {
  if (pixels.length !== CIFAR_IMAGE_BYTES) throw new RangeError(`an image to inspect is ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3), got ${pixels.length}`);
  const layers = model.layers.map((layer, layerIndex) => ({ layer, layerIndex, className: layer.getClassName() }));
  const shown = layers.filter(({ className }) => !SKIPPED_LAYERS.has(className));
  const conv = layers.find(({ className }) => className === 'Conv2D') ?? null;
  const pass = runLayers(model, pixels, new Set(shown.map(({ layer }) => layer)), conv?.layer ?? null);
  try {
    const activations: LayerActivations[] = await Promise.all(
      shown.map(async ({ layer, layerIndex, className }, position) => {
        const tensor = pass.outputs[position];
        if (!tensor) throw new Error(`layer ${layer.name} gave no output`);
        return { layerIndex, name: layer.name, className, shape: tensor.shape.slice(1), values: new Float32Array(await tensor.data()) };
      }),
    );
    const [kernel, bias = null] = pass.convWeights;
    const firstConv = conv && kernel ? await readConv(model, conv.layer, conv.layerIndex, kernel, bias) : null;
    return { model: which, layers: activations, firstConv };
  } finally {
    tf.dispose([...pass.outputs, ...pass.convWeights]);
  }
}

function runLayers(model: tf.LayersModel, pixels: Uint8Array, shown: ReadonlySet<tf.layers.Layer>, conv: tf.layers.Layer | null): Pass {
  return tf.tidy(() => {
    let current: tf.Tensor = imagesFromBytes(pixels, 1);
    const outputs: tf.Tensor[] = [];
    for (const layer of model.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      current = layer.apply(current, { training: false }) as tf.Tensor;
      if (shown.has(layer)) outputs.push(current);
    }
    // tf.tidy keeps what it returns (the clones, not the model's own variables) and frees the rest.
    return { outputs, convWeights: (conv?.getWeights() ?? []).slice(0, 2).map((weight) => tf.clone(weight)) };
  });
}

async function readConv(model: tf.LayersModel, layer: tf.layers.Layer, layerIndex: number, kernel: tf.Tensor, bias: tf.Tensor | null): Promise<FirstConvLayer> {
  const config = layer.getConfig();
  const [height = 0, width = 0, inChannels = 0, filters = 0] = kernel.shape;
  return {
    layerIndex,
    name: layer.name,
    kernelShape: [height, width, inChannels, filters],
    kernel: new Float32Array(await kernel.data()),
    bias: bias ? new Float32Array(await bias.data()) : null,
    strides: pairOf(config.strides),
    padding: config.padding === 'same' ? 'same' : 'valid',
    activation: typeof config.activation === 'string' ? config.activation : 'linear',
    seesImage: model.layers.slice(0, layerIndex).every((before) => IDENTITY_AT_INFERENCE.has(before.getClassName())),
  };
}

/** A tfjs size setting (`3`, `[3, 3]`) as a pair. */
function pairOf(value: unknown): readonly [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && typeof value[0] === 'number') return [value[0], typeof value[1] === 'number' ? value[1] : value[0]];
  return [1, 1];
}
