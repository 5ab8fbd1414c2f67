/**
 * Stochastic pooling (Zeiler & Fergus, "Stochastic Pooling for Regularization of Deep Convolutional
 * Neural Networks", 2013) over non-overlapping windows, as two tfjs ops with their own gradients:
 *
 * - training: in each window of non-negative activations a₁ … a_K, pick cell j with probability
 *   p_j = a_j / Σ a and output a_j. The gradient goes to the picked cell only (like max pooling's to
 *   the largest). A window of zeros gives 0 and no gradient.
 * - inference: the expected value of that pick, Σ p_j a_j = Σ a² / Σ a (0 for a window of zeros), whose
 *   gradient is ∂/∂a_j = (2 a_j − y) / Σ a.
 *
 * Built from slice, pad, reshape, transpose, matrix products, comparisons and arithmetic, which every backend the
 * engine uses (webgl, wasm, cpu) has; `tf.customGrad` gives each op its gradient, so no comparison op
 * is ever differentiated.
 */
import * as tf from '@tensorflow/tfjs';
import type { Padding } from '../../core/model/model-spec';
import { fromWindows, toWindows, windowLayout, type WindowLayout } from './pool-windows';

/** Stochastic pooling's window: size (stride = size) and TensorFlow padding. */
export interface StochasticPoolShape {
  readonly poolSize: readonly [number, number];
  readonly padding: Padding;
}

function layoutOf(x: tf.Tensor4D, shape: StochasticPoolShape): WindowLayout {
  const [, rows = 0, cols = 0] = x.shape;
  return windowLayout(rows, cols, shape.poolSize, shape.padding);
}

/**
 * Which cell each window picks, as a one-hot [N, oR, oC, C, K] float32 mask: the first cell whose
 * running sum exceeds u · Σ a, for u uniform in [0, 1) — cell j wins exactly when u · Σ a falls in
 * [a₁ + … + a_{j−1}, a₁ + … + a_j), which happens with probability a_j / Σ a. All zeros when Σ a = 0.
 * Exported for tests; not tidied.
 *
 * @param uniform [N, oR, oC, C, 1] numbers in [0, 1).
 */
export function pickMask(windows: tf.Tensor5D, uniform: tf.Tensor): tf.Tensor5D {
  const cellCount = windows.shape[4] ?? 1;
  // Running sums along the window as a product with an upper-triangular matrix of ones: webgl's
  // cumsum stops at rank 4, while a [rows, K] × [K, K] product runs on every backend.
  const running = tf.reshape(tf.matMul(tf.reshape(windows, [-1, cellCount]), upperTriangleOfOnes(cellCount)), windows.shape);
  const threshold = tf.mul(uniform, tf.sum(windows, 4, true));
  const past = tf.cast(tf.greater(running, threshold), 'float32') as tf.Tensor5D;
  if (cellCount === 1) return past;
  // `past` is 0…0 1…1 along the window (running sums only grow), so its steps are the first 1.
  const shifted = tf.concat([tf.zerosLike(tf.slice(past, [0, 0, 0, 0, 0], [-1, -1, -1, -1, 1])), tf.slice(past, [0, 0, 0, 0, 0], [-1, -1, -1, -1, cellCount - 1])], 4);
  return tf.sub(past, shifted);
}

/** The [K, K] matrix with ones on and above the diagonal: x · U gives x's running sums. */
function upperTriangleOfOnes(size: number): tf.Tensor2D {
  const values = new Float32Array(size * size);
  for (let row = 0; row < size; row++) for (let column = row; column < size; column++) values[row * size + column] = 1;
  return tf.tensor2d(values, [size, size]);
}

/**
 * Stochastic pooling while training: one activation per window, drawn in proportion to the activations.
 * `uniform` ([N, oR, oC, C, 1], in [0, 1)) decides the draws, so the same numbers give the same picks.
 *
 * @param x [N, H, W, C] float32, ≥ 0 (negative values would make the probabilities meaningless; they
 *   are not checked here — the model check only allows the layer after a non-negative activation).
 * @returns [N, oR, oC, C], a new tensor the caller owns.
 */
export function stochasticPoolTraining(x: tf.Tensor4D, shape: StochasticPoolShape, uniform: tf.Tensor): tf.Tensor4D {
  const layout = layoutOf(x, shape);
  const [, rows = 0, cols = 0] = x.shape;
  const pool = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, draws, save] = args as [tf.Tensor4D, tf.Tensor, tf.GradSaveFunc];
    const windows = toWindows(input, layout);
    const mask = pickMask(windows, draws);
    save([mask]);
    return {
      value: tf.sum(tf.mul(windows, mask), 4) as tf.Tensor4D,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [picked] = saved as [tf.Tensor5D];
        // The draws are not learned: their gradient is 0.
        return [fromWindows(tf.mul(tf.expandDims(dy, 4), picked) as tf.Tensor5D, layout, rows, cols), tf.zerosLike(draws)];
      },
    };
  });
  return pool(x, uniform) as tf.Tensor4D;
}

/**
 * Stochastic pooling at inference: the probability-weighted average Σ a² / Σ a of each window (0 where
 * the window is all zeros). Deterministic. [N, H, W, C] → [N, oR, oC, C], a new tensor the caller owns.
 */
export function stochasticPoolInference(x: tf.Tensor4D, shape: StochasticPoolShape): tf.Tensor4D {
  const layout = layoutOf(x, shape);
  const [, rows = 0, cols = 0] = x.shape;
  const pool = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, save] = args as [tf.Tensor4D, tf.GradSaveFunc];
    const windows = toWindows(input, layout);
    const total = tf.sum(windows, 4);
    // Where Σ a = 0 every a is 0 (inputs are ≥ 0), so Σ a² is 0 too: dividing by 1 there gives 0.
    const empty = tf.lessEqual(total, 0);
    const safeTotal = tf.where(empty, tf.onesLike(total), total);
    const value = tf.div(tf.sum(tf.square(windows), 4), safeTotal) as tf.Tensor4D;
    save([windows, value, safeTotal, empty]);
    return {
      value,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [savedWindows, savedValue, savedTotal, savedEmpty] = saved as [tf.Tensor5D, tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        // ∂y/∂a_j = (2 a_j − y) / Σ a, times dy; 0 for an empty window (no cell has any weight there).
        const scale = tf.where(savedEmpty, tf.zerosLike(dy), tf.div(dy, savedTotal));
        const perCell = tf.mul(tf.sub(tf.mul(savedWindows, 2), tf.expandDims(savedValue, 4)), tf.expandDims(scale, 4)) as tf.Tensor5D;
        return fromWindows(perCell, layout, rows, cols);
      },
    };
  });
  return pool(x) as tf.Tensor4D;
}

/** The [N, oR, oC, C, 1] shape of the uniform draws `stochasticPoolTraining` needs for `x`. */
export function drawShape(x: tf.Tensor4D, shape: StochasticPoolShape): [number, number, number, number, number] {
  const layout = layoutOf(x, shape);
  const [batch = 0, , , channels = 0] = x.shape;
  return [batch, layout.outRows, layout.outCols, channels, 1];
}
