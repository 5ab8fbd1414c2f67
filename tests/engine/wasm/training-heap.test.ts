/**
 * The wasm heap (WebAssembly memory, which grows to its peak and never shrinks) stays within bounds
 * worked out from what a step must hold. Memory, unlike time, does not depend on the machine's load:
 * the same tfjs, kernels and shapes allocate the same bytes. Each Vitest file runs in a fresh
 * process, so the heap starts at the module's initial 16 MiB; the tests check that, rather than
 * pass vacuously on a heap another test already grew.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import type { ModelSpec } from '../../../src/core/model/model-spec';
import { buildModel } from '../../../src/engine/training/build-model';
import { createOptimizer } from '../../../src/engine/training/optimizer';
import { trainableVariables, trainStep } from '../../../src/engine/training/train-step';
import { FILTER_GRADIENT_SCRATCH_BYTES } from '../../../src/engine/wasm/filter-gradient-chunks';
import { useWasmWithKernels } from './backend-parity';

const MIB = 2 ** 20;
/** Emscripten grows the heap to at least 1.2 × its old size, so it can end up 20 % above what was needed. */
const GROWTH_SLACK = 1.2;
/** The wasm module's own memory before any tensor: its initial heap. */
const INITIAL_HEAP = 16 * MIB;

function heapBytes(): number {
  return (tf.engine().backend as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
}

const mib = (bytes: number): string => `${(bytes / MIB).toFixed(1)} MiB`;

describe('the wasm heap while training', () => {
  test('one filter gradient of a wide layer at batch 256 adds about its scratch budget, not a copy of its whole batch', async () => {
    await useWasmWithKernels();
    // A first layer with 64 masks: dy is 64 MiB, x 3 MiB. Done whole, the kernel took 248 MiB of
    // scratch here (dy transposed, and XNNPACK's copies of it), ending at a 315 MiB heap.
    const x = tf.randomUniform([256, 32, 32, 3], -1, 1, 'float32', 1);
    const dy = tf.randomUniform([256, 32, 32, 64], -1, 1, 'float32', 2);
    const inputs = (x.size + dy.size) * 4;
    const before = heapBytes();
    expect(before, `the heap must start near its inputs (${mib(inputs)}) for this test to measure anything`).toBeLessThanOrEqual(GROWTH_SLACK * (INITIAL_HEAP + inputs));
    const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 3, 64] }) as tf.Tensor;
    await dw.data();
    // The budget covers our own buffers; as much again is allowed for what XNNPACK and the allocator
    // add on top (indirection buffers, alignment, freed chunks the next allocation cannot reuse).
    const bound = GROWTH_SLACK * (before + 2 * FILTER_GRADIENT_SCRATCH_BYTES);
    expect(heapBytes(), `heap ${mib(heapBytes())} after the call, bound ${mib(bound)}`).toBeLessThanOrEqual(bound);
    tf.dispose([x, dy, dw]);
  });

  test('a few steps of a one-convolution model at batch 256 keep the heap under what its tensors need, plus scratch and growth', async () => {
    await useWasmWithKernels();
    const batch = 256;
    const spec: ModelSpec = {
      layers: [
        { type: 'Conv2D', filters: 64, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
        { type: 'MaxPooling2D', poolSize: 4, strides: null, padding: 'valid' },
        { type: 'Flatten' },
        { type: 'Dense', units: 10, activation: 'softmax' },
      ],
    };
    // One [256, 32, 32, 64] float32 tensor: the convolution's output size.
    const full = batch * 32 * 32 * 64 * 4;
    // tfjs keeps every tensor a gradient needs until the step ends, and every gradient too. At this
    // model's peak that is six full-size tensors — the convolution's output, its biased copy and the
    // ReLU's output (forward); the pooling gradient, the ReLU mask and the ReLU gradient (backward) —
    // and about 11 MiB of small ones (the batch, pooled maps, dense activations; 16 allowed). Shared
    // clones and the chunked filter gradient add no full-size copy. Measured: 417.6 MiB. With stock
    // Identity and Cast (copying every saved tensor) and the filter gradient in one piece it was
    // 780–810 MiB; with only the copying Identity and Cast, about 600; only the whole-batch filter
    // gradient, about 680.
    const bound = GROWTH_SLACK * (INITIAL_HEAP + 6 * full + 16 * MIB + FILTER_GRADIENT_SCRATCH_BYTES);
    expect(bound / MIB).toBeCloseTo(518.4, 1);

    const model = buildModel(spec, 1);
    const { optimizer } = createOptimizer({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.5 });
    const variables = trainableVariables(model);
    const images = Uint8Array.from({ length: batch * 32 * 32 * 3 }, (_, i) => (i * 7919) % 256);
    const labels = Uint8Array.from({ length: batch }, (_, i) => i % 10);
    const losses: number[] = [];
    for (let step = 0; step < 3; step++) losses.push((await trainStep(model, optimizer, variables, images, labels)).loss);
    // It trained: finite losses that went down on the repeated batch.
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[2]).toBeLessThan(losses[0] ?? Number.NaN);
    expect(heapBytes(), `heap ${mib(heapBytes())} after 3 steps, bound ${mib(bound)}`).toBeLessThanOrEqual(bound);
    optimizer.dispose();
    model.dispose();
  });
});
