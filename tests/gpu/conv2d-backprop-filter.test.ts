/**
 * Our split-reduction WebGL Conv2DBackpropFilter (src/engine/webgl/conv2d-backprop-filter.ts) against
 * stock tfjs webgl and against tf.grad of tf.conv2d on the cpu backend, on real WebGL 2 (SwiftShader
 * here, so shapes stay small).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilterSplit, conv2dBackpropFilterWebGL, planFilterGradient, splitHandles } from '../../src/engine/webgl/conv2d-backprop-filter';
import type { FilterGradientSplit } from '../../src/engine/webgl/conv2d-filter-split';
import { registerWebGLTrainingKernels, restoreStockWebGLKernels } from '../../src/engine/webgl/register-webgl-kernels';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];

interface Case {
  readonly xShape: [number, number, number, number];
  readonly filterShape: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
  /** A forced split that need not divide the rows evenly (null when there is only one row). */
  readonly uneven: FilterGradientSplit | null;
  readonly seed: number;
}

/** mulberry32: a small seeded generator, so every run checks the same cases. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick needs a non-empty list');
  return item;
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function values(size: number, seed: number): Float32Array {
  const random = generator(seed);
  return Float32Array.from({ length: size }, () => random() * 2 - 1);
}

function dyShapeOf(c: Case): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, 1, c.pad);
  return info.outShape;
}

const KERNELS: readonly [number, number][] = [[1, 1], [3, 3], [2, 3], [5, 5]];
const STRIDES: readonly [number, number][] = [[1, 1], [2, 2], [2, 1]];

function randomCases(count: number, seed: number): Case[] {
  const random = generator(seed);
  return Array.from({ length: count }, (_, index) => {
    const [fh, fw] = pick(random, KERNELS);
    const xShape: [number, number, number, number] = [between(random, 1, 9), between(random, 5, 12), between(random, 5, 12), between(random, 1, 4)];
    const filterShape: [number, number, number, number] = [fh, fw, xShape[3], between(random, 1, 5)];
    const strides = pick(random, STRIDES);
    // Every fourth case uses explicit pads (a number, or per side), the rest 'same' / 'valid'.
    const pad: Pad = index % 4 === 3 ? pick<Pad>(random, [1, [[0, 0], [0, 2], [1, 0], [0, 0]]]) : pick<Pad>(random, ['same', 'valid']);
    const partial: Case = { xShape, filterShape, strides, pad, uneven: null, seed: 1000 + index };
    const rows = xShape[0] * dyShapeOf(partial)[1];
    const rowsPerGroup = rows < 2 ? 0 : between(random, 2, Math.max(2, rows - 1));
    const uneven = rowsPerGroup === 0 ? null : { groups: Math.ceil(rows / rowsPerGroup), rowsPerGroup };
    return { ...partial, uneven };
  });
}

function attrsOf(c: Case): tf.Conv2DBackpropFilterAttrs {
  return { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filterShape } as tf.Conv2DBackpropFilterAttrs;
}

function inputsOf(c: Case): { x: tf.Tensor4D; dy: tf.Tensor4D } {
  const dyShape = dyShapeOf(c);
  return {
    x: tf.tensor4d(values(c.xShape.reduce((a, b) => a * b), c.seed), c.xShape),
    dy: tf.tensor4d(values(dyShape.reduce((a, b) => a * b), c.seed + 7), dyShape),
  };
}

/** The registered kernel (ours or stock, whichever is installed) through tfjs's engine. */
async function viaKernel(c: Case): Promise<Float32Array> {
  const { x, dy } = inputsOf(c);
  const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrsOf(c) as unknown as tf.NamedAttrMap) as tf.Tensor;
  const data = (await dw.data()) as Float32Array;
  tf.dispose([x, dy, dw]);
  return data;
}

/** Our kernel with a forced split. */
async function viaSplit(c: Case, split: FilterGradientSplit): Promise<Float32Array> {
  const { x, dy } = inputsOf(c);
  const info = conv2dBackpropFilterSplit(tf.backend() as MathBackendWebGL, x, dy, attrsOf(c), split);
  const dw = tf.engine().makeTensorFromTensorInfo(info);
  const data = (await dw.data()) as Float32Array;
  tf.dispose([x, dy, dw]);
  return data;
}

/** The reference: tf.grad of Σ conv2d(x, w) · dy with respect to w, on whatever backend is active. */
async function viaGrad(c: Case): Promise<Float32Array> {
  const { x, dy } = inputsOf(c);
  const w = tf.zeros(c.filterShape);
  const dw = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, v as tf.Tensor4D, c.strides, c.pad), dy)))(w);
  const data = (await dw.data()) as Float32Array;
  tf.dispose([x, dy, w, dw]);
  return data;
}

/** Every element within 1e-4, relative to the reference where it exceeds 1 in magnitude. */
function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  expected.forEach((want, i) => {
    worst = Math.max(worst, Math.abs((actual[i] ?? NaN) - want) / Math.max(1, Math.abs(want)));
  });
  expect(worst, what).toBeLessThanOrEqual(1e-4);
}

function describeCase(c: Case): string {
  return `x [${c.xShape.join(',')}] filter [${c.filterShape.join(',')}] strides ${c.strides.join('×')} pad ${JSON.stringify(c.pad)}`;
}

function liveCounts(): { tensors: number; dataIds: number } {
  return { tensors: tf.memory().numTensors, dataIds: (tf.backend() as MathBackendWebGL).numDataIds() };
}

async function useWebGL(): Promise<void> {
  expect(await tf.setBackend('webgl')).toBe(true);
  expect(tf.getBackend()).toBe('webgl');
}

describe('our webgl Conv2DBackpropFilter', () => {
  beforeAll(async () => {
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    await useWebGL();
  });
  afterAll(() => registerWebGLTrainingKernels());

  it('equals stock webgl and tf.grad on cpu within 1e-4 over 32 seeded cases, at its own and forced splits', async () => {
    const cases = randomCases(32, 20240);
    const results: { c: Case; stock: Float32Array; ours: Float32Array; oneGroup: Float32Array; uneven: Float32Array | null }[] = [];
    await useWebGL();
    const before = liveCounts();
    for (const c of cases) {
      restoreStockWebGLKernels();
      const stock = await viaKernel(c);
      registerWebGLTrainingKernels();
      expect(tf.getKernel(tf.Conv2DBackpropFilter, 'webgl').kernelFunc).toBe(conv2dBackpropFilterWebGL);
      const ours = await viaKernel(c);
      const rows = c.xShape[0] * dyShapeOf(c)[1];
      const oneGroup = await viaSplit(c, { groups: 1, rowsPerGroup: rows });
      const uneven = c.uneven ? await viaSplit(c, c.uneven) : null;
      results.push({ c, stock, ours, oneGroup, uneven });
    }
    expect(tf.getBackend()).toBe('webgl');
    expect(liveCounts()).toEqual(before);

    expect(await tf.setBackend('cpu')).toBe(true);
    for (const { c, stock, ours, oneGroup, uneven } of results) {
      const reference = await viaGrad(c);
      const name = describeCase(c);
      expectClose(stock, reference, `stock webgl vs cpu, ${name}`);
      expectClose(ours, stock, `ours vs stock webgl, ${name}`);
      expectClose(ours, reference, `ours vs cpu, ${name}`);
      expectClose(oneGroup, reference, `ours with G = 1 vs cpu, ${name}`);
      if (uneven && c.uneven) expectClose(uneven, reference, `ours with ${c.uneven.groups} groups of ${c.uneven.rowsPerGroup} rows vs cpu, ${name}`);
    }
    await useWebGL();
    // Guards against a generator that never made the cases this test is about.
    expect(cases.some((c) => c.uneven !== null && (c.xShape[0] * dyShapeOf(c)[1]) % c.uneven.rowsPerGroup !== 0)).toBe(true);
    expect(new Set(cases.map((c) => `${c.filterShape[0]}x${c.filterShape[1]}`)).size).toBe(KERNELS.length);
    // Odd channel counts leave half of a 2×2 block unused; both parities of Cin and Cout must be seen.
    expect(new Set(cases.map((c) => `${c.filterShape[2] % 2}${c.filterShape[3] % 2}`)).size).toBe(4);
    // The kernel's own choice must split some cases too (the sum pass), not only the forced splits.
    const maxTextureSize = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    const defaultGroups = cases.map((c) => planFilterGradient(tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, 1, c.pad), maxTextureSize).split.groups);
    expect(Math.max(...defaultGroups)).toBeGreaterThan(1);
  });

  it('gives the same loss and variable gradients as stock for a small conv net (tf.variableGrads)', async () => {
    await useWebGL();
    const before = liveCounts();
    const run = async (): Promise<Float32Array[]> => {
      const seeded = (shape: number[], seed: number): tf.Tensor => tf.tensor(values(shape.reduce((a, b) => a * b), seed), shape);
      // tf.variable keeps its own reference to the data, so the initial tensors are disposed at once.
      const [w1, b1, w2] = tf.tidy(() => [tf.variable(seeded([3, 3, 3, 4], 1), true, 'w1'), tf.variable(seeded([4], 2), true, 'b1'), tf.variable(seeded([2, 3, 4, 5], 3), true, 'w2')]);
      if (!w1 || !b1 || !w2) throw new Error('three variables expected');
      const x = seeded([4, 8, 8, 3], 4) as tf.Tensor4D;
      const target = seeded([4, 4, 3, 5], 5);
      const { value, grads } = tf.variableGrads(() => {
        const hidden = tf.relu(tf.add(tf.conv2d(x, w1 as tf.Variable<tf.Rank.R4>, 1, 'same'), b1));
        const out = tf.conv2d(hidden as tf.Tensor4D, w2 as tf.Variable<tf.Rank.R4>, [2, 2], 'valid');
        return tf.mean(tf.square(tf.sub(out, target)));
      });
      const ordered = [value, grads['w1'], grads['b1'], grads['w2']].map((t) => {
        if (!t) throw new Error('tf.variableGrads left out a variable');
        return t;
      });
      const data = await Promise.all(ordered.map(async (t) => (await t.data()) as Float32Array));
      tf.dispose([...ordered, w1, b1, w2, x, target]);
      return data;
    };
    restoreStockWebGLKernels();
    const stock = await run();
    registerWebGLTrainingKernels();
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'webgl').kernelFunc).toBe(conv2dBackpropFilterWebGL);
    const ours = await run();
    expect(tf.getBackend()).toBe('webgl');
    ['loss', 'dw1', 'db1', 'dw2'].forEach((name, i) => expectClose(ours[i] ?? new Float32Array(), stock[i] ?? new Float32Array([NaN]), name));
    expect(liveCounts()).toEqual(before);
  });

  it('takes NHWC on float32 render targets only: NCHW, and GPUs that render to half floats, stay with stock', () => {
    expect(splitHandles('NHWC', true)).toBe(true);
    expect(splitHandles('NCHW', true)).toBe(false);
    // Half-float partial sums would each be rounded before they are added: stock rounds once.
    expect(splitHandles('NHWC', false)).toBe(false);
  });

  it('hands NCHW to the stock kernel, with the same result', async () => {
    await useWebGL();
    registerWebGLTrainingKernels();
    const before = liveCounts();
    const x = tf.tensor4d(values(2 * 3 * 6 * 6, 11), [2, 3, 6, 6]);
    const dy = tf.tensor4d(values(2 * 4 * 6 * 6, 12), [2, 4, 6, 6]);
    const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] };
    const ours = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor;
    restoreStockWebGLKernels();
    const stock = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor;
    registerWebGLTrainingKernels();
    expect(tf.getBackend()).toBe('webgl');
    expectClose((await ours.data()) as Float32Array, (await stock.data()) as Float32Array, 'NCHW');
    tf.dispose([x, dy, ours, stock]);
    expect(liveCounts()).toEqual(before);
  });
});
