import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { expectClose, runOn, useWasmWithKernels } from './backend-parity';
import { TUTORIAL_CASES, describeCase, outputShape, randomConvCases, type ConvCase } from './conv-cases';

/** The kernel called directly, as the conv2d gradient calls it: dW from x and dy. */
function filterGradient(convCase: ConvCase): tf.Tensor[] {
  const x = tf.randomUniform(convCase.xShape, -1, 1, 'float32', 11);
  const dy = tf.randomUniform(outputShape(convCase), -1, 1, 'float32', 12);
  const attrs = { strides: convCase.strides, pad: convCase.pad, dataFormat: 'NHWC', filterShape: convCase.filterShape };
  return [tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor];
}

describe('wasm Conv2DBackpropFilter equals the cpu backend', () => {
  test.each([...TUTORIAL_CASES, ...randomConvCases(2024, 14)].map((c) => [describeCase(c), c] as const))('%s', async (_, convCase) => {
    const expected = await runOn('cpu', () => filterGradient(convCase));
    const actual = await runOn('wasm', () => filterGradient(convCase));
    expect(actual[0]?.shape).toEqual(convCase.filterShape);
    expectClose(actual, expected, describeCase(convCase));
  });

  test('refuses NCHW with a message naming the constraint, like the stock wasm Conv2D', async () => {
    await useWasmWithKernels();
    const x = tf.zeros([1, 2, 4, 4]);
    const dy = tf.zeros([1, 2, 4, 4]);
    expect(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [1, 1, 2, 2] })).toThrow(
      'wasm Conv2DBackpropFilter needs dataFormat NHWC, got NCHW',
    );
    tf.dispose([x, dy]);
  });
});
