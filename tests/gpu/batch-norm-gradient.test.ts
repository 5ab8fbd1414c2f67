/**
 * Our FusedBatchNorm gradient on real WebGL 2 (SwiftShader here) equals tfjs's own stock gradient on
 * the same backend, through a training-mode normalisation (statistics from the batch) of NHWC
 * activations: x, gamma and beta.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { batchNormGradient, stockBatchNormGradient } from '../../src/engine/training/batch-norm-gradient';

const stock = stockBatchNormGradient;

beforeAll(async () => {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  expect(await tf.setBackend('webgl')).toBe(true);
});
afterAll(() => {
  tf.registerGradient(stock);
});

/** The normalised output and its three gradients, read back, with `gradient` registered. */
async function normAndGradients(gradient: tf.GradConfig): Promise<Float32Array[]> {
  tf.registerGradient(gradient);
  expect(tf.getBackend()).toBe('webgl');
  const outputs = tf.tidy(() => {
    const x = tf.randomUniform([4, 6, 5, 8], -2, 3, 'float32', 1);
    const dy = tf.randomUniform([4, 6, 5, 8], -1, 1, 'float32', 2);
    const norm = (input: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor => {
      const { mean, variance } = tf.moments(input, [0, 1, 2]);
      return tf.batchNorm(input, mean, variance, beta, gamma, 0.001);
    };
    const { value, grads } = tf.valueAndGrads(norm)([x, tf.randomUniform([8], 0.5, 1.5, 'float32', 3), tf.randomUniform([8], -1, 1, 'float32', 4)], dy);
    return [value, ...grads];
  });
  const values = await Promise.all(outputs.map(async (tensor) => Float32Array.from(await tensor.data())));
  tf.dispose(outputs);
  return values;
}

it('the FusedBatchNorm gradient on webgl equals tfjs’s own (training, NHWC 4×6×5×8: x, gamma, beta)', async () => {
  const before = tf.memory().numTensors;
  const expected = await normAndGradients(stock);
  const actual = await normAndGradients(batchNormGradient);
  expect(tf.memory().numTensors).toBe(before);
  expect(actual).toHaveLength(4);
  expected.forEach((reference, index) => {
    const candidate = actual[index];
    expect(candidate?.length).toBe(reference.length);
    let scale = 1;
    let worst = 0;
    reference.forEach((value, i) => {
      scale = Math.max(scale, Math.abs(value));
      worst = Math.max(worst, Math.abs(value - (candidate?.[i] ?? Number.NaN)));
    });
    expect(worst / scale, `output ${index}`).toBeLessThan(1e-4);
  });
});
