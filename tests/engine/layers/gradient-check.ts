/**
 * Test helpers: numerical gradients by central differences (in float64 arithmetic on the outputs read
 * back, so the reference does not share the code under test), and a seeded input maker.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * ∂(Σ weights · f(x)) / ∂x by central differences, element by element: f is evaluated at x ± h·e_i.
 * `weights` turns the output into a scalar whose gradient is the one autograd gives with dy = weights.
 */
export async function numericalGradient(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, weights: Float32Array, step = 1e-2): Promise<Float64Array> {
  const base = Float32Array.from(await x.data());
  const gradient = new Float64Array(base.length);
  const objective = async (values: Float32Array): Promise<number> => {
    const output = tf.tidy(() => f(tf.tensor(values, x.shape)));
    const read = await output.data();
    output.dispose();
    let sum = 0;
    for (let index = 0; index < read.length; index++) sum += (read[index] ?? 0) * (weights[index] ?? 0);
    return sum;
  };
  for (let index = 0; index < base.length; index++) {
    const plus = base.slice();
    const minus = base.slice();
    plus[index] = (plus[index] ?? 0) + step;
    minus[index] = (minus[index] ?? 0) - step;
    gradient[index] = ((await objective(plus)) - (await objective(minus))) / (2 * step);
  }
  return gradient;
}

/** ∂(Σ weights · f(x)) / ∂x by tfjs autograd (the code under test's own gradient). */
export async function autogradGradient(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, weights: Float32Array): Promise<Float32Array> {
  const gradient = tf.tidy(() =>
    tf.grad((input: tf.Tensor) => {
      const output = f(input);
      return tf.sum(tf.mul(output, tf.tensor(weights, output.shape)));
    })(x),
  );
  const values = Float32Array.from(await gradient.data());
  gradient.dispose();
  return values;
}

/** The largest |a − b| over two arrays of equal length. */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < a.length; index++) largest = Math.max(largest, Math.abs((a[index] ?? 0) - (b[index] ?? 0)));
  return largest;
}
