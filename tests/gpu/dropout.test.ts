/**
 * Dropout masks drawn on the GPU (src/engine/webgl/dropout-mask.ts, dropout-op.ts and the GpuDropout
 * layer) on real WebGL 2 (SwiftShader here): the mask equals the CPU reference bit for bit, the layer
 * equals the stock formula x · M and its gradient is M, the masks have the statistics of independent
 * coin flips, and nothing leaks or recompiles per seed.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import { gpuDropout } from '../../src/engine/training/gpu-dropout-layer';
import { dropoutScale, referenceDropoutMask } from '../../src/engine/webgl/dropout-hash';
import { dropoutOnBackend, gpuDropoutAvailable, gpuDropoutMask } from '../../src/engine/webgl/dropout-op';
import { registerWebGLTrainingKernels } from '../../src/engine/webgl/register-webgl-kernels';

beforeAll(async () => {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  registerWebGLTrainingKernels();
  expect(await tf.setBackend('webgl')).toBe(true);
});

/** Download a mask drawn on the GPU and free it. */
async function drawMask(shape: number[], rate: number, seed: number): Promise<Float32Array> {
  const mask = gpuDropoutMask(shape, rate, seed);
  const values = (await mask.data()) as Float32Array;
  mask.dispose();
  return values;
}

/** Pearson correlation of the keep indicators of a[i] and b[i], i in `pairs`. */
function keepCorrelation(pairs: number, a: (i: number) => number, b: (i: number) => number): number {
  let sumA = 0;
  let sumB = 0;
  let sumAB = 0;
  for (let i = 0; i < pairs; i += 1) {
    const keepA = a(i) === 0 ? 0 : 1;
    const keepB = b(i) === 0 ? 0 : 1;
    sumA += keepA;
    sumB += keepB;
    sumAB += keepA * keepB;
  }
  const meanA = sumA / pairs;
  const meanB = sumB / pairs;
  const covariance = sumAB / pairs - meanA * meanB;
  return covariance / Math.sqrt(meanA * (1 - meanA) * meanB * (1 - meanB));
}

/** Kept count of each of `groups` groups, element i belonging to group `groupOf(i)`. */
function keptPerGroup(mask: Float32Array, groups: number, groupOf: (i: number) => number): number[] {
  const kept = new Array<number>(groups).fill(0);
  mask.forEach((value, i) => {
    if (value !== 0) kept[groupOf(i)] = (kept[groupOf(i)] ?? 0) + 1;
  });
  return kept;
}

/**
 * Checks that per-group keep counts look like binomial(n, keep) draws: none beyond 5.5σ, and their
 * chi-square (sum of squared z-scores, R degrees of freedom) within 5 standard deviations of R.
 */
function expectBinomialGroups(kept: readonly number[], n: number, keep: number, what: string): void {
  const sigma = Math.sqrt(n * keep * (1 - keep));
  const z = kept.map((count) => (count - n * keep) / sigma);
  expect(Math.max(...z.map(Math.abs)), `largest ${what} deviation (σ)`).toBeLessThan(5.5);
  const chiSquare = z.reduce((sum, value) => sum + value * value, 0);
  expect(Math.abs(chiSquare - kept.length), `${what} chi-square ${chiSquare.toFixed(1)} over ${kept.length}`).toBeLessThan(5 * Math.sqrt(2 * kept.length));
}

describe('GPU dropout masks', () => {
  it('runs on webgl (WebGL 2), not on a silent cpu fallback', () => {
    expect(tf.getBackend()).toBe('webgl');
    expect(tf.env().getNumber('WEBGL_VERSION')).toBe(2);
    expect(gpuDropoutAvailable()).toBe(true);
  });

  it('equals the CPU reference bit for bit, for a texture strip, a large square texture and a prime size', async () => {
    for (const [shape, rate, seed] of [
      [[7, 13], 0.2, 1],
      [[2, 5, 5, 3], 0.5, 0xfffffffe],
      [[316, 317], 0.1, 12345],
      [[100_003], 0.9, 7],
    ] as const) {
      const gpu = await drawMask([...shape], rate, seed);
      const reference = referenceDropoutMask(tf.util.sizeFromShape([...shape]), rate, seed);
      expect(gpu.length).toBe(reference.length);
      const firstDifference = gpu.findIndex((value, i) => value !== reference[i]);
      expect(firstDifference, `shape [${shape.join(', ')}]: first element that differs`).toBe(-1);
    }
  });

  it('with an offset, draws that piece of the larger mask: images 3… of a batch get the masks they get in the whole batch', async () => {
    const whole = referenceDropoutMask(8 * 6 * 6 * 4, 0.3, 99);
    for (const [firstImage, offset] of [[3, 3 * 144], [0, 0], [5, 0xfffffff0]] as const) {
      const piece = gpuDropoutMask([2, 6, 6, 4], 0.3, 99, offset);
      const values = (await piece.data()) as Float32Array;
      piece.dispose();
      const expected = offset === 0xfffffff0 ? referenceDropoutMask(288, 0.3, 99, offset) : whole.subarray(firstImage * 144, firstImage * 144 + 288);
      expect(Array.from(values), `offset ${offset}`).toEqual(Array.from(expected));
    }
    // Past 2^32 the index wraps, as the CPU reference's does.
    expect(Array.from(referenceDropoutMask(32, 0.3, 99, 0xfffffff0).subarray(16))).toEqual(Array.from(referenceDropoutMask(16, 0.3, 99)));
  });

  it('keeps 1 − rate of ≥ 100 000 elements within 5σ, and kept values are exactly 1 / (1 − rate)', async () => {
    const shape = [316, 317];
    const size = 316 * 317;
    for (const rate of [0.1, 0.2, 0.5, 0.9]) {
      const mask = await drawMask(shape, rate, 2024);
      const kept = mask.filter((value) => value !== 0);
      const sigma = Math.sqrt(size * rate * (1 - rate));
      expect(Math.abs(kept.length - size * (1 - rate)), `rate ${rate}: kept ${kept.length} of ${size}`).toBeLessThan(5 * sigma);
      expect(kept.every((value) => value === dropoutScale(rate)), `rate ${rate}: every kept value is ${dropoutScale(rate)}`).toBe(true);
    }
  });

  it('different seeds give uncorrelated masks, neighbours are uncorrelated, rows and columns show no pattern; a seed repeats its mask', async () => {
    const rows = 316;
    const columns = 317;
    const size = rows * columns;
    const bound = 5 / Math.sqrt(size);
    const a = await drawMask([rows, columns], 0.5, 77);
    const b = await drawMask([rows, columns], 0.5, 78);
    expect(await drawMask([rows, columns], 0.5, 77)).toEqual(a);
    expect(b).not.toEqual(a);
    const at = (mask: Float32Array) => (i: number) => mask[i] ?? Number.NaN;
    expect(Math.abs(keepCorrelation(size, at(a), at(b))), 'seed 77 vs 78').toBeLessThan(bound);
    expect(Math.abs(keepCorrelation(size - 1, at(a), (i) => a[i + 1] ?? Number.NaN)), 'element vs next').toBeLessThan(bound);
    expect(Math.abs(keepCorrelation(size - columns, at(a), (i) => a[i + columns] ?? Number.NaN)), 'element vs the one below').toBeLessThan(bound);
    expectBinomialGroups(keptPerGroup(a, rows, (i) => Math.floor(i / columns)), columns, 0.5, 'row');
    expectBinomialGroups(keptPerGroup(a, columns, (i) => i % columns), rows, 0.5, 'column');
  });

  it('draws a packed texture, so multiplying a packed activation needs no packing pass', () => {
    const backend = tf.backend() as MathBackendWebGL;
    const mask = gpuDropoutMask([4, 8, 8, 4], 0.2, 1);
    expect(backend.texData.get(mask.dataId)?.isPacked).toBe(true);
    mask.dispose();
  });

  it('one compiled program serves every seed and rate of a size', async () => {
    const backend = tf.backend() as MathBackendWebGL;
    const programs = () => Object.keys((backend as unknown as { binaryCache: Record<string, unknown> }).binaryCache).length;
    await drawMask([4, 8, 8, 3], 0.2, 1);
    const compiled = programs();
    for (const [rate, seed] of [[0.2, 2], [0.3, 3], [0.7, 99999]] as const) await drawMask([4, 8, 8, 3], rate, seed);
    expect(programs()).toBe(compiled);
  });
});

describe('GpuDropout on webgl', () => {
  const shape = [4, 8, 8, 3];
  const size = 4 * 8 * 8 * 3;

  function input(): tf.Tensor4D {
    return tf.tidy(() => tf.randomUniform(shape, -2, 2, 'float32', 5).add(0.01) as tf.Tensor4D);
  }

  it('outputs x · M for the mask M it drew, its gradient is M, and inference is the identity', async () => {
    const x = input();
    const xValues = await x.data();
    const layer = gpuDropout({ rate: 0.3 });

    const seed = layer.nextMaskSeed;
    const mask = await drawMask(shape, 0.3, seed);
    expect(mask.some((value) => value === 0) && mask.some((value) => value !== 0)).toBe(true);
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const yValues = await y.data();
    xValues.forEach((value, i) => expect(Math.abs((yValues[i] ?? Number.NaN) - value * (mask[i] ?? Number.NaN))).toBeLessThan(1e-6));

    const gradSeed = layer.nextMaskSeed;
    expect(gradSeed).not.toBe(seed);
    const gradMask = await drawMask(shape, 0.3, gradSeed);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t, { training: true }) as tf.Tensor))(x);
    const dxValues = await dx.data();
    dxValues.forEach((value, i) => expect(Math.abs(value - (gradMask[i] ?? Number.NaN))).toBeLessThan(1e-6));
    expect(gradMask).not.toEqual(mask);

    const inference = layer.apply(x) as tf.Tensor;
    expect(Array.from(await inference.data())).toEqual(Array.from(xValues));
    tf.dispose([x, y, dx, inference]);
  });

  it('matches stock dropout where both are deterministic: rate 0 copies x, and the expected value is x', async () => {
    const x = input();
    const copy = dropoutOnBackend(x, 0, 1);
    expect(Array.from(await copy.data())).toEqual(Array.from(await x.data()));
    // Averaged over 64 masks, x · M is x within 5σ of the mean of 64 scaled coin flips per element.
    const mean = tf.tidy(() => tf.addN(Array.from({ length: 64 }, (_, k) => dropoutOnBackend(tf.onesLike(x), 0.5, 1000 + k))).div(64));
    const meanValues = Array.from(await mean.data());
    expect(meanValues.length).toBe(size);
    const sigma = 1 / Math.sqrt(64);
    const average = meanValues.reduce((sum, value) => sum + value, 0) / size;
    expect(Math.abs(average - 1)).toBeLessThan((5 * sigma) / Math.sqrt(size));
    tf.dispose([x, copy, mean]);
  });

  it('leaks no tensor over training calls, gradients and inference', async () => {
    const x = input();
    const layer = gpuDropout({ rate: 0.2, noiseShape: [null, 1, 1, null] });
    const step = () => {
      const dx = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t, { training: true }) as tf.Tensor))(x);
      const y = layer.apply(x, { training: true }) as tf.Tensor;
      tf.dispose([dx, y]);
    };
    step();
    const before = tf.memory().numTensors;
    for (let call = 0; call < 5; call += 1) step();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('noiseShape [N, 1, 1, C] drops whole feature maps', async () => {
    const layer = gpuDropout({ rate: 0.5, noiseShape: [4, 1, 1, 3] });
    const y = layer.apply(tf.ones(shape), { training: true }) as tf.Tensor4D;
    const values = await y.array();
    for (const image of values) {
      const first = image[0]?.[0] ?? [];
      for (const row of image) for (const pixel of row) expect(pixel).toEqual(first);
    }
    y.dispose();
  });

  it('trains a small model on webgl: the loss is finite and falls, and nothing leaks', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 3], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        gpuDropout({ rate: 0.2, seed: 9 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    const images = tf.randomUniform([4, 8, 8, 3], 0, 1, 'float32', 3);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3);
    const optimizer = tf.train.adam(0.01);
    const step = async (): Promise<number> => {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, model.apply(images, { training: true }) as tf.Tensor), true);
      const value = (await loss?.data())?.[0] ?? Number.NaN;
      loss?.dispose();
      return value;
    };
    const first = await step();
    const before = tf.memory().numTensors;
    let last = first;
    for (let k = 0; k < 20; k += 1) last = await step();
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isFinite(last)).toBe(true);
    expect(last).toBeLessThan(first);
    tf.dispose([images, labels]);
    optimizer.dispose();
    model.dispose();
  });
});
