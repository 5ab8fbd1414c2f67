import * as tf from '@tensorflow/tfjs';
import { lowbias32 } from '../webgl/dropout-hash';
import { dropoutOnBackend } from '../webgl/dropout-op';

/**
 * The configuration of `tf.layers.dropout`: rate, noiseShape, seed, plus name, inputShape, ....
 * noiseShape may hold nulls (the input's size on that axis), as stock accepts at run time.
 */
export type GpuDropoutArgs = Omit<Parameters<typeof tf.layers.dropout>[0], 'noiseShape'> & {
  noiseShape?: (number | null)[];
  /**
   * Starts this layer's sequence of kernel masks (a different mask at every call), so a run can be
   * repeated; not saved in the model's config (Keras has no such field). Default: `seed` if given,
   * else random.
   */
  maskSeed?: number;
};

/**
 * A drop-in for `tf.layers.dropout` whose mask is drawn on the GPU on webgl (issue 8): same config,
 * same behaviour (identity unless called with `training: true`; a rate outside (0, 1) passes the
 * input through), same class name 'Dropout' and same `getConfig()`, so a model saved with it is the
 * model.json a stock Dropout layer gives, and stock tfjs loads it back as a stock Dropout.
 *
 * On webgl (WebGL 2) and wasm each call draws a fresh mask with the `CnnpDropoutMask` kernel, from a
 * seed that is a counter mixed with a per-layer start (random, or derived from `maskSeed` or `seed`
 * when given, so such a layer gives the same sequence of masks in every run). The counter is the
 * number of training calls so far, or, while the training step has set a position
 * (`setMaskPosition`), the step number, with each image's part of the mask taken by its place in the
 * step's batch. Elsewhere it calls stock
 * `tf.dropout` with the configured seed, exactly as `tf.layers.dropout` does (which, when a seed is
 * configured, reuses one mask at every call).
 *
 * Deliberately not registered with `tf.serialization`: loading a model must keep using stock Dropout.
 */
export class GpuDropout extends tf.layers.Layer {
  /** The serialised class name: that of stock Dropout, so saved models are identical. */
  static readonly className = 'Dropout';

  /** Probability of dropping an element, clamped to [0, 1] as stock Dropout clamps it. */
  readonly rate: number;
  /** Mask shape (null: the input's size on that axis), as configured. */
  readonly noiseShape: (number | null)[] | undefined;
  /** The configured seed, serialised as stock Dropout does. */
  readonly seed: number | undefined;
  /** First GPU seed of this layer; call k (or step k, see `setMaskPosition`) uses start + k (mod 2^32). */
  private readonly seedStart: number;
  private calls = 0;
  private position: DropoutMaskPosition | null = null;

  constructor(args: GpuDropoutArgs) {
    super(args);
    this.rate = Math.max(Math.min(args.rate, 1), 0);
    this.noiseShape = args.noiseShape;
    this.seed = args.seed;
    this.supportsMasking = true;
    const start = args.maskSeed ?? args.seed;
    this.seedStart = start === undefined ? Math.floor(Math.random() * 2 ** 32) : lowbias32(start);
  }

  /**
   * The GPU seed the next training call will draw its mask with (`gpuDropoutMask(shape, rate,
   * nextMaskSeed)` gives that mask), so a test or a debugging session can reproduce it.
   */
  get nextMaskSeed(): number {
    return (this.seedStart + (this.position?.step ?? this.calls)) >>> 0;
  }

  /**
   * Draw the masks of the next training calls for `position` — the mask of training step `step`, the
   * piece of it that belongs to images from `firstImage` on — instead of one new mask per call: the
   * training step sets it before each micro-batch, so an image's mask depends on the step and its
   * place in the batch, never on how the batch was cut into micro-batches or shared among workers.
   * `null` goes back to one new mask per call.
   */
  setMaskPosition(position: DropoutMaskPosition | null): void {
    this.position = position;
  }

  /**
   * Apply dropout when `kwargs.training` is true, otherwise return the input. Returns a new tensor
   * (or, when not training or the rate is 0 or 1, the input itself), owned as tfjs layers own outputs.
   * @throws ValueError from tfjs when given more than one input.
   */
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const input = oneTensor(inputs);
      // In stock's order: a rate outside (0, 1) gives back the inputs as passed, inference the tensor.
      if (!(this.rate > 0 && this.rate < 1)) return inputs;
      if (!kwargs['training']) return input;
      const seed = this.nextMaskSeed;
      if (!this.position) this.calls += 1;
      return dropoutOnBackend(input, this.rate, seed, { noiseShape: this.noiseShape, stockSeed: this.seed, firstImage: this.position?.firstImage ?? 0 });
    });
  }

  /**
   * Stock Dropout's config, key for key and in its order: rate, noiseShape, seed, then the base. Unset
   * noiseShape and seed stay as undefined keys, as stock leaves them (JSON drops them).
   */
  override getConfig(): tf.serialization.ConfigDict {
    const config: Record<string, tf.serialization.ConfigDictValue | undefined> = { rate: this.rate, noiseShape: this.noiseShape, seed: this.seed };
    Object.assign(config, super.getConfig());
    return config as tf.serialization.ConfigDict;
  }
}

/** Where in a run the masks of a training call belong: which step, and which images of its batch. */
export interface DropoutMaskPosition {
  /** The training step (update) number, 0-based over the run. */
  readonly step: number;
  /** Position of the call's first image in the step's whole batch. */
  readonly firstImage: number;
}

/** Set (or with `null`, clear) the mask position of every `GpuDropout` layer of `model`. */
export function setDropoutMaskPosition(model: tf.LayersModel, position: DropoutMaskPosition | null): void {
  for (const layer of model.layers) if (layer instanceof GpuDropout) layer.setMaskPosition(position);
}

/** The one input tensor of a layer call (tfjs passes one tensor or a one-element list). */
function oneTensor(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  const [only] = inputs;
  if (!only || inputs.length !== 1) throw new Error(`Dropout expects exactly one input tensor, got ${inputs.length}`);
  return only;
}

/** A `GpuDropout` layer: use it wherever `tf.layers.dropout(args)` would be used in a model. */
export function gpuDropout(args: GpuDropoutArgs): GpuDropout {
  return new GpuDropout(args);
}
