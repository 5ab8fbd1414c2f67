import * as tf from '@tensorflow/tfjs';
import { describe, test } from 'vitest';
import { expectClose, runOn } from './backend-parity';
import { TUTORIAL_CASES, describeCase, outputShape, randomConvCases, type ConvCase } from './conv-cases';

/**
 * Output and both gradients of a conv layer as tfjs-layers runs it: fused conv2d + bias + relu, then
 * autodiff with a random upstream gradient. This drives our kernels through tfjs's real gradient code.
 */
function convLayerWithGradients(convCase: ConvCase): tf.Tensor[] {
  const x = tf.randomUniform(convCase.xShape, -1, 1, 'float32', 31);
  const filter = tf.randomUniform(convCase.filterShape, -1, 1, 'float32', 32);
  const bias = tf.randomUniform([convCase.filterShape[3]], -0.5, 0.5, 'float32', 33);
  const dy = tf.randomUniform(outputShape(convCase), -1, 1, 'float32', 34);
  const layer = (input: tf.Tensor, weights: tf.Tensor, offset: tf.Tensor): tf.Tensor =>
    tf.fused.conv2d({ x: input as tf.Tensor4D, filter: weights as tf.Tensor4D, strides: convCase.strides, pad: convCase.pad, bias: offset, activation: 'relu' });
  const { value, grads } = tf.valueAndGrads(layer)([x, filter, bias], dy);
  return [value, ...grads];
}

describe('a conv layer forward and backward on wasm equals the cpu backend', () => {
  test.each([...TUTORIAL_CASES, ...randomConvCases(99, 10)].map((c) => [describeCase(c), c] as const))('%s', async (_, convCase) => {
    const expected = await runOn('cpu', () => convLayerWithGradients(convCase));
    const actual = await runOn('wasm', () => convLayerWithGradients(convCase));
    expectClose(actual, expected, describeCase(convCase));
  });
});
