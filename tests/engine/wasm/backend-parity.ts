/**
 * Test helpers: run the same tfjs computation on the cpu backend (the reference) and on wasm with
 * our kernels, and compare. Also a small seeded generator so "random shapes" are the same every run.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { registerWasmTrainingKernels } from '../../../src/engine/wasm/register-wasm-kernels';

/** Values and shape of one tensor, read back from a backend. */
export interface Readback {
  readonly shape: number[];
  readonly values: Float32Array;
}

/** Start the wasm backend with our kernels (idempotent). */
export async function useWasmWithKernels(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.ready();
  expect(tf.getBackend()).toBe('wasm');
}

/**
 * Run `compute` on `backend` and read every tensor it returns back; disposes them all. Fails the
 * test when the computation leaves a tensor behind, or (on wasm) a buffer on the wasm heap — the
 * composed kernels free their intermediates by hand, so a leak there would show only in the latter.
 */
export async function runOn(backend: 'cpu' | 'wasm', compute: () => tf.Tensor[]): Promise<Readback[]> {
  if (backend === 'wasm') await useWasmWithKernels();
  else await tf.setBackend('cpu');
  const tensorsBefore = tf.memory().numTensors;
  const buffersBefore = tf.engine().backend.numDataIds();
  const outputs = tf.tidy(compute);
  const readbacks = await Promise.all(outputs.map(async (t) => ({ shape: t.shape.slice(), values: Float32Array.from(await t.data()) })));
  tf.dispose(outputs);
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  return readbacks;
}

/**
 * Expect `actual` to equal `expected` within `tolerance` (default 1e-4) relative to the larger of 1
 * and the largest |expected| value — float32 sums taken in another order differ by about 1e-6 of
 * the magnitude of their terms, so a purely elementwise relative test would fail on values near 0.
 */
export function expectClose(actual: Readback[], expected: Readback[], label: string, tolerance = 1e-4): void {
  expect(actual.length, label).toBe(expected.length);
  expected.forEach((reference, index) => {
    const candidate = actual[index];
    expect(candidate?.shape, `${label}, output ${index} shape`).toEqual(reference.shape);
    if (!candidate) return;
    let scale = 1;
    for (const value of reference.values) scale = Math.max(scale, Math.abs(value));
    let worst = 0;
    reference.values.forEach((value, i) => {
      worst = Math.max(worst, Math.abs(value - (candidate.values[i] ?? Number.NaN)));
    });
    expect(worst / scale, `${label}, output ${index}: max |difference| ${worst} at scale ${scale}`).toBeLessThanOrEqual(tolerance);
  });
}

/** A deterministic pseudo-random generator (mulberry32): same seed, same sequence, every run. */
export function seededRandom(seed: number): { int(min: number, max: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick needs at least one item');
      return item;
    },
  };
}
