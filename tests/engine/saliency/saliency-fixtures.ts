/**
 * Networks and pictures for the "Why this class" tests (tests/engine on cpu and wasm, tests/gpu on webgl).
 */
import * as tf from '@tensorflow/tfjs';

/** Side of the pictures. */
export const SIZE = 32;

/** A picture whose top-left quadrant is bright (230) and the rest dark (20). */
export function topLeftPicture(): Uint8Array {
  const pixels = new Uint8Array(SIZE * SIZE * 3);
  for (let row = 0; row < SIZE; row += 1) for (let col = 0; col < SIZE; col += 1) pixels.fill(row < 16 && col < 16 ? 230 : 20, (row * SIZE + col) * 3, (row * SIZE + col) * 3 + 3);
  return pixels;
}

/**
 * A network whose class-0 score reads the top-left quadrant only: one 3 × 3 conv filter that averages
 * brightness (ReLU after a bias of −0.3, so dark pixels give 0), then a dense layer whose class-0
 * weights are 1 on the top-left quadrant's cells and 0 elsewhere. Class 1's weights are all 0.
 */
export function quadrantNetwork(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 1, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  const denseKernel = new Float32Array(SIZE * SIZE * 2);
  for (let row = 0; row < 16; row += 1) for (let col = 0; col < 16; col += 1) denseKernel[(row * SIZE + col) * 2] = 1;
  const weights = [tf.fill([3, 3, 3, 1], 1 / 27), tf.tensor1d([-0.3]), tf.tensor2d(denseKernel, [SIZE * SIZE, 2]), tf.zeros([2])];
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/** A 32 × 32 × 3 picture of pseudo-random bytes, the same for the same seed. */
export function randomPicture(seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: SIZE * SIZE * 3 }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % 256;
  });
}

/** Mean of `values` over the cells of a `width`-wide map where `inside(row, col)`. */
export function meanWhere(values: Float32Array, width: number, inside: (row: number, col: number) => boolean): number {
  let sum = 0;
  let count = 0;
  values.forEach((value, index) => {
    if (!inside(Math.floor(index / width), index % width)) return;
    sum += value;
    count += 1;
  });
  return sum / count;
}
