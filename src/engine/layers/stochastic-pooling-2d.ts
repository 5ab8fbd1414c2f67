/**
 * Stochastic pooling as a tfjs layer (the op and its gradients: `stochastic-pool-op.ts`).
 */
import * as tf from '@tensorflow/tfjs';
import { lowbias32 } from '../webgl/dropout-hash';
import { drawShape, stochasticPoolInference, stochasticPoolTraining, type StochasticPoolShape } from './stochastic-pool-op';
import { windowLayout } from './pool-windows';

/** The configuration: Keras pooling's `poolSize` and `padding` (the stride is always the pool size). */
export interface StochasticPooling2DArgs {
  readonly poolSize: number | readonly [number, number];
  readonly padding?: 'same' | 'valid';
  /**
   * Starts this layer's sequence of draws (different at every training call), so a run can be
   * repeated; not saved in the model's config. Default: random.
   */
  readonly drawSeed?: number;
  readonly name?: string;
  readonly inputShape?: number[];
}

/**
 * [N, H, W, C] → [N, oR, oC, C] over non-overlapping windows: with `kwargs.training`, each window
 * gives one of its activations, drawn with probability proportional to its value; otherwise the
 * probability-weighted average Σ a² / Σ a — deterministic, the same answer for the same input.
 * The inputs must be ≥ 0 (the model check puts the layer after relu only).
 *
 * The uniform numbers behind the draws come from `tf.randomUniform` seeded from a per-layer start plus
 * a call counter, so a run with the same seed draws the same windows. Saved as class
 * `StochasticPooling2D` (registered with tfjs), with `strides` equal to `poolSize` for readers that
 * expect a pooling layer's config.
 */
export class StochasticPooling2D extends tf.layers.Layer {
  /** The serialised class name. */
  static readonly className = 'StochasticPooling2D';

  readonly poolSize: [number, number];
  readonly padding: 'same' | 'valid';
  private readonly seedStart: number;
  private calls = 0;

  constructor(args: StochasticPooling2DArgs) {
    super(args);
    const size = typeof args.poolSize === 'number' ? [args.poolSize, args.poolSize] : args.poolSize;
    if (!size.every((side) => Number.isInteger(side) && side >= 1)) throw new RangeError(`StochasticPooling2D poolSize must be whole numbers ≥ 1, got ${JSON.stringify(args.poolSize)}`);
    this.poolSize = [size[0] ?? 1, size[1] ?? 1];
    this.padding = args.padding ?? 'valid';
    this.seedStart = args.drawSeed === undefined ? Math.floor(Math.random() * 2 ** 32) : lowbias32(args.drawSeed);
  }

  private get shape(): StochasticPoolShape {
    return { poolSize: this.poolSize, padding: this.padding };
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [batch = null, rows, cols, channels = null] = shape;
    if (typeof rows !== 'number' || typeof cols !== 'number') return [batch, null, null, channels];
    const layout = windowLayout(rows, cols, this.poolSize, this.padding);
    return [batch, layout.outRows, layout.outCols, channels];
  }

  /** The seed of the next training call's draws. */
  get nextDrawSeed(): number {
    return (this.seedStart + this.calls) >>> 0;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const input = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D | undefined;
      if (!input || input.rank !== 4) throw new Error(`StochasticPooling2D expects one [N, H, W, C] input, got rank ${input?.rank ?? 'none'}`);
      if (!kwargs['training']) return stochasticPoolInference(input, this.shape);
      const seed = this.nextDrawSeed;
      this.calls += 1;
      return stochasticPoolTraining(input, this.shape, tf.randomUniform(drawShape(input, this.shape), 0, 1, 'float32', seed));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { poolSize: [...this.poolSize], strides: [...this.poolSize], padding: this.padding, ...super.getConfig() };
  }
}
tf.serialization.registerClass(StochasticPooling2D);
