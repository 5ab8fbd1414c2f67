/**
 * DropConnect (Wan, Zeiler, Zhang, LeCun & Fergus, "Regularization of Neural Networks using
 * DropConnect", 2013) as a tfjs layer: a fully connected layer whose weights are dropped while training.
 */
import * as tf from '@tensorflow/tfjs';
import { lowbias32 } from '../webgl/dropout-hash';
import { dropoutOnBackend } from '../webgl/dropout-op';
import { reviveKerasObject, serializeKerasObject, type Constraint, type Initializer, type Regularizer } from './keras-objects';
import { applyActivation, layerActivation, type LayerActivation } from './activation';

/** The configuration: Dense's (units, activation, initializers, regularizer, constraint) plus `rate`. */
export interface DropConnectDenseArgs {
  readonly units: number;
  readonly activation?: LayerActivation;
  /** Probability of dropping each weight of the kernel while training, in [0, 1). */
  readonly rate: number;
  readonly kernelInitializer?: Initializer | tf.serialization.ConfigDict;
  readonly biasInitializer?: Initializer | tf.serialization.ConfigDict;
  readonly kernelRegularizer?: Regularizer | tf.serialization.ConfigDict | null;
  readonly kernelConstraint?: Constraint | tf.serialization.ConfigDict | null;
  /**
   * Starts this layer's sequence of masks (a different mask at every training call), so a run can be
   * repeated; not saved in the model's config. Default: random.
   */
  readonly maskSeed?: number;
  readonly name?: string;
  readonly inputShape?: number[];
  readonly trainable?: boolean;
}

/**
 * y = activation(x · (K ⊙ M) / (1 − rate) + b) while training, with M a fresh 0/1 mask over the kernel
 * K (each weight kept with probability 1 − rate) at every call — one mask per batch (per micro-batch on
 * wasm and cpu), not the paper's one per example, which would need a kernel-sized mask per picture. At
 * inference y = activation(x · K + b), exactly a Dense layer: dividing by 1 − rate while training keeps
 * each weight's expected value, the same "inverted" scaling tfjs's dropout uses (the paper instead
 * samples a Gaussian at inference; the mean is the usual simplification).
 *
 * The mask is drawn by the engine's dropout kernel (`dropoutOnBackend`): on the GPU on webgl, in the
 * heap on wasm, by stock `tf.dropout` on cpu; its gradient flows through the product, so the kernel's
 * gradient is the Dense gradient times the same mask. Saved as class `DropConnectDense`, registered
 * with tfjs, so a saved model loads back wherever this module has been imported.
 */
export class DropConnectDense extends tf.layers.Layer {
  /** The serialised class name. */
  static readonly className = 'DropConnectDense';

  readonly units: number;
  readonly activation: LayerActivation;
  readonly rate: number;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private readonly kernelRegularizer: Regularizer | undefined;
  private readonly kernelConstraint: Constraint | undefined;
  private readonly seedStart: number;
  private calls = 0;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(args: DropConnectDenseArgs) {
    super(args);
    if (!Number.isInteger(args.units) || args.units < 1) throw new RangeError(`DropConnectDense units must be a whole number ≥ 1, got ${args.units}`);
    if (!(args.rate >= 0 && args.rate < 1)) throw new RangeError(`DropConnectDense rate must be in [0, 1), got ${args.rate}`);
    this.units = args.units;
    this.activation = layerActivation(args.activation ?? 'linear');
    this.rate = args.rate;
    this.kernelInitializer = reviveKerasObject<Initializer>(args.kernelInitializer) ?? tf.initializers.glorotUniform({});
    this.biasInitializer = reviveKerasObject<Initializer>(args.biasInitializer) ?? tf.initializers.zeros();
    this.kernelRegularizer = reviveKerasObject<Regularizer>(args.kernelRegularizer);
    this.kernelConstraint = reviveKerasObject<Constraint>(args.kernelConstraint);
    this.seedStart = args.maskSeed === undefined ? Math.floor(Math.random() * 2 ** 32) : lowbias32(args.maskSeed);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape.at(-1);
    if (typeof inputDim !== 'number') throw new Error(`DropConnectDense needs a known last input dimension, got [${shape.join(', ')}]`);
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32', this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
    this.bias = this.addWeight('bias', [this.units], 'float32', this.biasInitializer, undefined, true);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  /** The seed the next training call draws its mask with (so a test can reproduce it). */
  get nextMaskSeed(): number {
    return (this.seedStart + this.calls) >>> 0;
  }

  /**
   * [N, inputs] → [N, units]; with `kwargs.training` the kernel is masked as described above.
   * Returns a new tensor, owned as tfjs layers own outputs.
   */
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const input = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!input || !this.kernel || !this.bias) throw new Error('DropConnectDense was called before it was built');
      const kernel = this.kernel.read();
      const seed = kwargs['training'] && this.rate > 0 ? this.takeSeed() : null;
      // The seed goes to stock tf.dropout too (cpu), so there as well each call's mask is reproducible.
      const used = seed === null ? kernel : dropoutOnBackend(kernel, this.rate, seed, { stockSeed: seed });
      return applyActivation(tf.add(tf.matMul(input as tf.Tensor2D, used as tf.Tensor2D), this.bias.read()), this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      units: this.units,
      activation: this.activation,
      rate: this.rate,
      kernelInitializer: serializeKerasObject(this.kernelInitializer),
      biasInitializer: serializeKerasObject(this.biasInitializer),
      kernelRegularizer: serializeKerasObject(this.kernelRegularizer),
      kernelConstraint: serializeKerasObject(this.kernelConstraint),
    };
    return { ...config, ...super.getConfig() };
  }

  private takeSeed(): number {
    const seed = this.nextMaskSeed;
    this.calls += 1;
    return seed;
  }
}
tf.serialization.registerClass(DropConnectDense);
