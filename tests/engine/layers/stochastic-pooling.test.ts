import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../../src/core/common/seeded-random';
import { StochasticPooling2D } from '../../../src/engine/layers/stochastic-pooling-2d';
import { drawShape, stochasticPoolInference, stochasticPoolTraining, type StochasticPoolShape } from '../../../src/engine/layers/stochastic-pool-op';
import { useWasmWithKernels } from '../wasm/backend-parity';
import { autogradGradient, largestDifference, numericalGradient } from './gradient-check';

/**
 * Stochastic pooling on the two backends Node runs (cpu, and wasm with the engine's kernels); webgl is
 * checked against cpu in tests/gpu/regularisation-layers.test.ts.
 */

/** The hand-worked example: four 2×2 windows of a 4×4 map (one channel). */
const HAND_INPUT = [
  [1, 3, 0, 0],
  [0, 4, 0, 0],
  [2, 2, 5, 0],
  [2, 2, 0, 1],
];
const POOL_2: StochasticPoolShape = { poolSize: [2, 2], padding: 'valid' };

function handInput(): tf.Tensor4D {
  return tf.tensor4d(HAND_INPUT.flat(), [1, 4, 4, 1]);
}

async function use(backend: 'cpu' | 'wasm'): Promise<void> {
  if (backend === 'wasm') await useWasmWithKernels();
  else await tf.setBackend('cpu');
  expect(tf.getBackend()).toBe(backend);
}

/** Σ a² / Σ a of each window, by loops over the input (0 for a window of zeros): the reference. */
function referenceInference(values: Float32Array, shape: readonly number[], [poolRows, poolCols]: readonly [number, number], padding: 'same' | 'valid'): number[] {
  const [batch = 0, rows = 0, cols = 0, channels = 0] = shape;
  const outRows = padding === 'same' ? Math.ceil(rows / poolRows) : Math.floor(rows / poolRows);
  const outCols = padding === 'same' ? Math.ceil(cols / poolCols) : Math.floor(cols / poolCols);
  const top = padding === 'same' ? Math.floor((outRows * poolRows - rows) / 2) : 0;
  const left = padding === 'same' ? Math.floor((outCols * poolCols - cols) / 2) : 0;
  const out: number[] = [];
  for (let n = 0; n < batch; n++)
    for (let r = 0; r < outRows; r++)
      for (let c = 0; c < outCols; c++)
        for (let ch = 0; ch < channels; ch++) {
          let sum = 0;
          let squares = 0;
          for (let i = 0; i < poolRows; i++)
            for (let j = 0; j < poolCols; j++) {
              const row = r * poolRows + i - top;
              const col = c * poolCols + j - left;
              if (row < 0 || col < 0 || row >= rows || col >= cols) continue;
              const a = values[((n * rows + row) * cols + col) * channels + ch] ?? 0;
              sum += a;
              squares += a * a;
            }
          out.push(sum > 0 ? squares / sum : 0);
        }
  return out;
}

describe.each(['cpu', 'wasm'] as const)('stochastic pooling on %s', (backend) => {
  test('training, by hand: each window gives the cell where u · Σa falls among the running sums, and only that cell gets gradient', async () => {
    await use(backend);
    const before = tf.memory().numTensors;
    const x = handInput();
    // Windows in order (0,0) (0,1) (1,0) (1,1): sums 8, 0, 8, 6; running sums [1 4 4 8], [0 0 0 0], [2 4 6 8], [5 5 5 6].
    // u · Σa = 4 → first running sum above 4 is the 4th cell (value 4; the 0 cell between is never picked);
    // 5.92 → 3rd cell (2); 5.94 → 4th (1); the window of zeros gives 0.
    const uniform = tf.tensor([0.5, 0.3, 0.74, 0.99], [1, 2, 2, 1, 1]);
    const y = stochasticPoolTraining(x, POOL_2, uniform);
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(await y.data())).toEqual([4, 0, 2, 1]);
    const dy = new Float32Array([1, 2, 3, 4]);
    const gradient = await autogradGradient((input) => stochasticPoolTraining(input as tf.Tensor4D, POOL_2, uniform), x, dy);
    expect(Array.from(gradient)).toEqual([
      0, 0, 0, 0,
      0, 1, 0, 0,
      0, 0, 0, 0,
      3, 0, 0, 4,
    ]);
    // u = 0 picks the first non-zero cell; u just below 1 the last non-zero cell.
    const edgeDraws = tf.tensor([0, 0, 0, 0.9999], [1, 2, 2, 1, 1]);
    const edges = stochasticPoolTraining(x, POOL_2, edgeDraws);
    expect(Array.from(await edges.data())).toEqual([1, 0, 2, 1]);
    tf.dispose([x, uniform, y, edges, edgeDraws]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('inference, by hand: Σa² / Σa per window (0 for all zeros), and its gradient (2a − y) / Σa', async () => {
    await use(backend);
    const x = handInput();
    const y = stochasticPoolInference(x, POOL_2);
    const values = Array.from(await y.data());
    expect(values[0]).toBeCloseTo(26 / 8, 6); // (1 + 9 + 0 + 16) / 8
    expect(values[1]).toBe(0);
    expect(values[2]).toBeCloseTo(2, 6); // 16 / 8
    expect(values[3]).toBeCloseTo(26 / 6, 6); // (25 + 1) / 6
    const gradient = await autogradGradient((input) => stochasticPoolInference(input as tf.Tensor4D, POOL_2), x, new Float32Array([0, 0, 0, 1]));
    const y11 = 26 / 6;
    // Window (1,1) is rows 2–3, columns 2–3: cells 5, 0, 0, 1.
    expect(gradient[2 * 4 + 2]).toBeCloseTo((2 * 5 - y11) / 6, 5);
    expect(gradient[2 * 4 + 3]).toBeCloseTo((0 - y11) / 6, 5);
    expect(gradient[3 * 4 + 3]).toBeCloseTo((2 - y11) / 6, 5);
    expect(Math.abs(gradient[0] ?? 1)).toBe(0);
    tf.dispose([x, y]);
  });

  test.each([
    ['2×2 valid, a cut-off row and column', [2, 5, 5, 3], [2, 2], 'valid'],
    ['2×2 same, padded', [2, 5, 3, 2], [2, 2], 'same'],
    ['3×2 valid, rectangular', [1, 7, 6, 2], [3, 2], 'valid'],
    ['3×3 same', [1, 8, 8, 1], [3, 3], 'same'],
  ] as const)('inference equals the loop reference and its gradient the numerical one: %s', async (_name, shape, poolSize, padding) => {
    await use(backend);
    const size = shape.reduce<number>((a, b) => a * b, 1);
    const random = mulberry32(size);
    // No exact zeros: a window of zeros is a kink (Σa = 0) that central differences straddle.
    const values = Float32Array.from({ length: size }, () => 0.05 + random());
    const x = tf.tensor(values, [...shape]) as tf.Tensor4D;
    const poolShape = { poolSize, padding } as const;
    const y = stochasticPoolInference(x, poolShape);
    const expected = referenceInference(values, shape, poolSize, padding);
    expect(largestDifference(await y.data(), expected)).toBeLessThan(1e-5);
    const dy = Float32Array.from({ length: y.size }, () => random() * 2 - 1);
    const analytic = await autogradGradient((input) => stochasticPoolInference(input as tf.Tensor4D, poolShape), x, dy);
    const numerical = await numericalGradient((input) => stochasticPoolInference(input as tf.Tensor4D, poolShape), x, dy, 1e-3);
    expect(largestDifference(analytic, numerical)).toBeLessThan(2e-3);
    tf.dispose([x, y]);
  });

  test('training: the gradient equals the numerical one (draws fixed mid-interval, so a small nudge keeps every pick)', async () => {
    await use(backend);
    const shape = [2, 6, 5, 3] as const;
    const random = mulberry32(7);
    const values = Float32Array.from({ length: 2 * 6 * 5 * 3 }, () => 0.5 + random());
    const x = tf.tensor(values, [...shape]) as tf.Tensor4D;
    const poolShape: StochasticPoolShape = { poolSize: [2, 2], padding: 'same' };
    // Per window, choose a cell and put u · Σa in the middle of its interval of the running sums.
    const [, outRows, outCols, channels] = drawShape(x, poolShape);
    const draws: number[] = [];
    for (let n = 0; n < 2; n++)
      for (let r = 0; r < outRows; r++)
        for (let c = 0; c < outCols; c++)
          for (let ch = 0; ch < channels; ch++) {
            const cells: number[] = [];
            for (let i = 0; i < 2; i++)
              for (let j = 0; j < 2; j++) {
                const row = r * 2 + i;
                const col = c * 2 + j; // 'same' over 5 columns pads 1 on the right only (TensorFlow puts the smaller half first)
                cells.push(row < 6 && col < 5 ? (values[((n * 6 + row) * 5 + col) * 3 + ch] ?? 0) : 0);
              }
            const total = cells.reduce((a, b) => a + b, 0);
            const nonZero = cells.map((value, index) => (value > 0 ? index : -1)).filter((index) => index >= 0);
            const pick = nonZero[Math.floor(random() * nonZero.length)] ?? 0;
            const before = cells.slice(0, pick).reduce((a, b) => a + b, 0);
            draws.push((before + (cells[pick] ?? 0) / 2) / total);
          }
    const uniform = tf.tensor(draws, [2, outRows, outCols, channels, 1]);
    const dy = Float32Array.from({ length: 2 * outRows * outCols * channels }, () => random() * 2 - 1);
    const f = (input: tf.Tensor): tf.Tensor => stochasticPoolTraining(input as tf.Tensor4D, poolShape, uniform);
    const analytic = await autogradGradient(f, x, dy);
    const numerical = await numericalGradient(f, x, dy, 1e-3);
    expect(largestDifference(analytic, numerical)).toBeLessThan(2e-3);
    // Exactly one cell of each window gets its window's dy.
    const nonZero = analytic.filter((value) => value !== 0).length;
    expect(nonZero).toBe(dy.filter((value) => value !== 0).length);
    tf.dispose([x, uniform]);
  });

  test('over many draws each cell is picked with probability a / Σa (within 5 σ)', async () => {
    await use(backend);
    const copies = 20_000;
    const window = [1, 2, 3, 4];
    const x = tf.tile(tf.tensor4d(window, [1, 2, 2, 1]), [copies, 1, 1, 1]) as tf.Tensor4D;
    const y = stochasticPoolTraining(x, POOL_2, tf.randomUniform([copies, 1, 1, 1, 1], 0, 1, 'float32', 3));
    const picked = await y.data();
    for (const value of window) {
      const share = picked.filter((pick) => pick === value).length / copies;
      const p = value / 10;
      expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / copies));
    }
    tf.dispose([x, y]);
  });

  test('the layer: inference is deterministic and equal to the op; training draws anew at every call from its seed', async () => {
    await use(backend);
    const x = tf.randomUniform([3, 6, 6, 4], 0, 2, 'float32', 5) as tf.Tensor4D;
    const layer = new StochasticPooling2D({ poolSize: 2, drawSeed: 9 });
    const first = layer.apply(x) as tf.Tensor;
    const second = layer.apply(x, { training: false }) as tf.Tensor;
    const op = stochasticPoolInference(x, POOL_2);
    expect(Array.from(await first.data())).toEqual(Array.from(await second.data()));
    expect(Array.from(await first.data())).toEqual(Array.from(await op.data()));
    const again = new StochasticPooling2D({ poolSize: 2, drawSeed: 9 });
    const drawsA = layer.apply(x, { training: true }) as tf.Tensor;
    const drawsB = again.apply(x, { training: true }) as tf.Tensor;
    const drawsC = layer.apply(x, { training: true }) as tf.Tensor;
    expect(Array.from(await drawsA.data())).toEqual(Array.from(await drawsB.data()));
    expect(Array.from(await drawsA.data())).not.toEqual(Array.from(await drawsC.data()));
    expect(layer.computeOutputShape([null, 6, 6, 4])).toEqual([null, 3, 3, 4]);
    tf.dispose([x, first, second, op, drawsA, drawsB, drawsC]);
  });
});
