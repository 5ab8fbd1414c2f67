import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { expectClose, runOn } from './backend-parity';
import { TUTORIAL_CASES, describeCase, outputShape, randomConvCases, type ConvCase } from './conv-cases';

/** The kernel called directly, as the conv2d gradient calls it: dx from dy and the filter. */
function inputGradient(convCase: ConvCase): tf.Tensor[] {
  const filter = tf.randomUniform(convCase.filterShape, -1, 1, 'float32', 21);
  const dy = tf.randomUniform(outputShape(convCase), -1, 1, 'float32', 22);
  const attrs = { strides: convCase.strides, pad: convCase.pad, dataFormat: 'NHWC', inputShape: convCase.xShape };
  return [tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, attrs) as tf.Tensor];
}

describe('wasm Conv2DBackpropInput equals the cpu backend', () => {
  test.each([...TUTORIAL_CASES, ...randomConvCases(7, 14)].map((c) => [describeCase(c), c] as const))('%s', async (_, convCase) => {
    const expected = await runOn('cpu', () => inputGradient(convCase));
    const actual = await runOn('wasm', () => inputGradient(convCase));
    expect(actual[0]?.shape).toEqual(convCase.xShape);
    expectClose(actual, expected, describeCase(convCase));
  });

  test('conv2dTranspose, the public op built on this kernel, matches too (stride 2, same)', async () => {
    const compute = (): tf.Tensor[] => {
      const x = tf.randomUniform([2, 5, 5, 4], -1, 1, 'float32', 1);
      const filter = tf.randomUniform([3, 3, 6, 4], -1, 1, 'float32', 2);
      return [tf.conv2dTranspose(x as tf.Tensor4D, filter as tf.Tensor4D, [2, 10, 10, 6], 2, 'same')];
    };
    expectClose(await runOn('wasm', compute), await runOn('cpu', compute), 'conv2dTranspose');
  });
});
