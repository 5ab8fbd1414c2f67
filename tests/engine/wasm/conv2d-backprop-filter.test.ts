import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { makeConv2dBackpropFilter } from '../../../src/engine/wasm/conv2d-backprop-filter';
import { batchChunks, FILTER_GRADIENT_SCRATCH_BYTES, scratchBytesPerImage } from '../../../src/engine/wasm/filter-gradient-chunks';
import { expectClose, runOn, useWasmWithKernels, type Readback } from './backend-parity';
import { TUTORIAL_CASES, describeCase, outputShape, randomConvCases, type ConvCase } from './conv-cases';

/** The kernel called directly, as the conv2d gradient calls it: dW from x and dy. */
function filterGradient(convCase: ConvCase): tf.Tensor[] {
  const x = tf.randomUniform(convCase.xShape, -1, 1, 'float32', 11);
  const dy = tf.randomUniform(outputShape(convCase), -1, 1, 'float32', 12);
  const attrs = { strides: convCase.strides, pad: convCase.pad, dataFormat: 'NHWC', filterShape: convCase.filterShape };
  return [tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor];
}

/** The chunk sizes our kernel cuts `convCase`'s batch into under `scratchBytes`. */
function chunksOf(convCase: ConvCase, scratchBytes: number): number[] {
  const [batch, height, width, channels] = convCase.xShape;
  const [, outHeight, outWidth, outChannels] = outputShape(convCase);
  return batchChunks(batch, height * width * channels, outHeight * outWidth * outChannels, scratchBytes);
}

/** Run `filterGradient` on wasm with our kernel limited to `scratchBytes` of scratch, then put the registered one back. */
async function onWasmWithScratch(convCase: ConvCase, scratchBytes: number): Promise<Readback[]> {
  await useWasmWithKernels();
  const registered = tf.getKernel(tf.Conv2DBackpropFilter, 'wasm');
  tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
  tf.registerKernel({ ...registered, kernelFunc: makeConv2dBackpropFilter(scratchBytes) });
  try {
    return await runOn('wasm', () => filterGradient(convCase));
  } finally {
    tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
    tf.registerKernel(registered);
  }
}

/** A budget of exactly `images` images of `convCase` per chunk. */
function budgetFor(convCase: ConvCase, images: number): number {
  const [, height, width, channels] = convCase.xShape;
  const [, outHeight, outWidth, outChannels] = outputShape(convCase);
  return images * scratchBytesPerImage(height * width * channels, outHeight * outWidth * outChannels);
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

describe('the filter gradient in chunks of images equals the cpu backend', () => {
  const cases: readonly { readonly name: string; readonly convCase: ConvCase; readonly imagesPerChunk: number; readonly chunks: number[] }[] = [
    { name: '7 images in chunks of 3, 2, 2', convCase: { xShape: [7, 9, 9, 4], filterShape: [3, 3, 4, 5], strides: [1, 1], pad: 'same' }, imagesPerChunk: 3, chunks: [3, 2, 2] },
    { name: 'batch 1', convCase: { xShape: [1, 8, 8, 3], filterShape: [3, 3, 3, 8], strides: [1, 1], pad: 'valid' }, imagesPerChunk: 1, chunks: [1] },
    { name: 'a budget under one image: one image per chunk', convCase: { xShape: [5, 6, 7, 2], filterShape: [2, 3, 2, 3], strides: [1, 1], pad: 'valid' }, imagesPerChunk: 0.5, chunks: [1, 1, 1, 1, 1] },
    {
      name: 'strides 2 with a crop (the input rows a strided convolution never read), 6 images in chunks of 2',
      convCase: { xShape: [6, 10, 9, 3], filterShape: [3, 2, 3, 4], strides: [2, 2], pad: [[0, 0], [0, 0], [1, 0], [0, 0]] },
      imagesPerChunk: 2,
      chunks: [2, 2, 2],
    },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { convCase, imagesPerChunk, chunks }) => {
    const budget = budgetFor(convCase, imagesPerChunk);
    expect(chunksOf(convCase, budget)).toEqual(chunks);
    const expected = await runOn('cpu', () => filterGradient(convCase));
    const actual = await onWasmWithScratch(convCase, budget);
    expect(actual[0]?.shape).toEqual(convCase.filterShape);
    expectClose(actual, expected, describeCase(convCase));
  });

  test("the registered kernel chunks the tutorial's first layer at batch 48 (two chunks of 24)", async () => {
    const convCase: ConvCase = { xShape: [48, 32, 32, 3], filterShape: [3, 3, 3, 32], strides: [1, 1], pad: 'same' };
    expect(chunksOf(convCase, FILTER_GRADIENT_SCRATCH_BYTES)).toEqual([24, 24]);
    const expected = await runOn('cpu', () => filterGradient(convCase));
    const actual = await runOn('wasm', () => filterGradient(convCase));
    expectClose(actual, expected, describeCase(convCase));
  });

  test('an empty batch gives a zero gradient', async () => {
    const convCase: ConvCase = { xShape: [0, 5, 5, 2], filterShape: [3, 3, 2, 4], strides: [1, 1], pad: 'same' };
    const [actual] = await runOn('wasm', () => filterGradient(convCase));
    expect(actual?.shape).toEqual(convCase.filterShape);
    expect(Array.from(actual?.values ?? []).every((v) => v === 0)).toBe(true);
    expect(actual?.values.length).toBe(3 * 3 * 2 * 4);
  });
});
