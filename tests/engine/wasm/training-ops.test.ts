import * as tf from '@tensorflow/tfjs';
import { describe, test } from 'vitest';
import { expectClose, runOn } from './backend-parity';

/**
 * The rest of what training the tutorial's CNN (and its variants in the app) asks of a backend, each
 * with its gradient, on wasm against cpu: max and average pooling, relu, dropout (its mask is drawn
 * in JavaScript, so seeded masks match), softmax with a clipped log loss, and optimizer updates.
 * Stock wasm has all of these kernels; this proves it rather than assuming it.
 */
describe('other training ops on wasm equal the cpu backend', () => {
  test('pooling, relu, dropout and softmax cross-entropy, forward and backward', async () => {
    const compute = (): tf.Tensor[] => {
      const x = tf.randomUniform([3, 10, 10, 4], -1, 1, 'float32', 61);
      const w = tf.randomUniform([100, 10], -0.3, 0.3, 'float32', 62);
      const labels = tf.oneHot(tf.tensor1d([1, 7, 3], 'int32'), 10);
      const network = (input: tf.Tensor, weights: tf.Tensor): tf.Scalar => {
        const maxPooled = tf.maxPool(tf.relu(input) as tf.Tensor4D, 2, 2, 'valid');
        const avgPooled = tf.avgPool(input as tf.Tensor4D, [3, 3], 2, 'same');
        const features = tf.dropout(tf.concat([maxPooled, avgPooled.slice([0, 0, 0, 0], [3, 5, 5, 4])], 3), 0.3, undefined, 5).reshape([3, 200]);
        const probabilities = tf.softmax(features.slice([0, 0], [3, 100]).matMul(weights));
        return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.log(tf.clipByValue(probabilities, 1e-7, 1))), -1))) as tf.Scalar;
      };
      const { value, grads } = tf.valueAndGrads(network)([x, w]);
      return [value, ...grads];
    };
    expectClose(await runOn('wasm', compute), await runOn('cpu', compute), 'pool/relu/dropout/softmax');
  });

  test.each(['momentum', 'adam'] as const)('a %s update of a variable', async (name) => {
    const compute = (): tf.Tensor[] => {
      const weights = tf.variable(tf.randomUniform([6, 5], -1, 1, 'float32', 71));
      const target = tf.randomUniform([6, 5], -1, 1, 'float32', 72);
      const optimizer = name === 'adam' ? tf.train.adam(0.01) : tf.train.momentum(0.01, 0.5);
      for (let step = 0; step < 3; step++) optimizer.minimize(() => tf.sum(tf.square(tf.sub(weights, target))));
      const result = weights.clone();
      optimizer.dispose();
      // tfjs 4.22's MomentumOptimizer.dispose() skips SGDOptimizer's learning-rate scalar `c` (a leak
      // of one tensor per optimizer, on every backend); free it so the leak check sees only ours.
      if (name === 'momentum') (optimizer as unknown as { c: tf.Tensor }).c.dispose();
      weights.dispose();
      return [result];
    };
    expectClose(await runOn('wasm', compute), await runOn('cpu', compute), name);
  });
});
