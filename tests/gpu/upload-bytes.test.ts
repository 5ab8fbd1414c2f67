import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import { CIFAR_IMAGE_BYTES } from '../../src/core/data/cifar-format';
import { batchTensors } from '../../src/engine/training/batch-tensors';
import { imagesFromBytes, uploadPath } from '../../src/engine/webgl/upload-bytes';

/** `count` pictures whose bytes run through every value 0…255, both ends included, in a scrambled order. */
function pictures(count: number, offset = 0): Uint8Array {
  const bytes = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7 + offset + (index >> 11)) & 255;
  bytes[0] = 0;
  if (bytes.length > 1) bytes[bytes.length - 1] = 255;
  return bytes;
}

/** The stock CPU-built floats: byte / 255 in float32. */
function stockFloats(bytes: Uint8Array): Float32Array {
  return Float32Array.from(bytes, (value) => value / 255);
}

/** Largest |a − b|. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < a.length; index++) largest = Math.max(largest, Math.abs((a[index] ?? Number.NaN) - (b[index] ?? Number.NaN)));
  return largest;
}

async function expectParity(count: number, maxTextureSize?: number): Promise<void> {
  const bytes = pictures(count, count);
  const before = tf.memory().numTensors;
  const options = maxTextureSize === undefined ? {} : { maxTextureSize };
  const images = imagesFromBytes(bytes, count, options);
  expect(images.shape).toEqual([count, 32, 32, 3]);
  expect(images.dtype).toBe('float32');
  const values = await images.data();
  images.dispose();
  expect(values.length).toBe(bytes.length);
  expect(maxDifference(values, stockFloats(bytes))).toBeLessThanOrEqual(1e-7);
  expect(tf.memory().numTensors).toBe(before);
}

describe('uint8 pictures uploaded as bytes on webgl', () => {
  beforeAll(async () => {
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    expect(await tf.setBackend('webgl')).toBe(true);
  });

  it('runs on webgl, not on a silent cpu fallback, and takes the byte path', () => {
    expect(tf.getBackend()).toBe('webgl');
    expect(uploadPath(512)).toBe('bytes');
    expect(uploadPath(0)).toBe('int32');
  });

  it.each([1, 3, 64, 511, 512, 513])('gives the stock floats for a batch of %i, one picture per texture row', async (count) => {
    expect(tf.getBackend()).toBe('webgl');
    await expectParity(count);
  });

  it('gives the stock floats with several pictures per row and a padded last row', async () => {
    // 1 536 texels: two pictures per row; 1 537 pictures need 769 rows, the last half empty.
    expect(uploadPath(1537, { maxTextureSize: 1536 })).toBe('bytes');
    await expectParity(1537, 1536);
    await expectParity(1538, 1536);
  });

  it('falls back to the 32-bit upload when the batch does not fit a texture, with the same values', async () => {
    // Three pictures per row would be 2 304 texels wide, over a limit of 1 536.
    expect(uploadPath(3073, { maxTextureSize: 1536 })).toBe('int32');
    await expectParity(3073, 1536);
  });

  it('reads only the first count pictures of a longer buffer (the trainer reuses one)', async () => {
    const bytes = pictures(8);
    const images = imagesFromBytes(bytes, 5);
    const values = await images.data();
    images.dispose();
    expect(maxDifference(values, stockFloats(bytes.subarray(0, 5 * CIFAR_IMAGE_BYTES)))).toBeLessThanOrEqual(1e-7);
  });

  it('batchTensors keeps its contract: the same images, labels and one-hot targets as the 32-bit path', async () => {
    const count = 6;
    const bytes = pictures(count);
    const labels = Uint8Array.from([0, 9, 3, 3, 7, 1]);
    const before = tf.memory().numTensors;
    const ours = tf.tidy(() => {
      const batch = batchTensors(bytes, labels);
      return [batch.images, batch.labels, batch.oneHot];
    });
    const [images, labelTensor, oneHot] = await Promise.all(ours.map((tensor) => tensor.data()));
    tf.dispose(ours);
    expect(maxDifference(images ?? [], stockFloats(bytes))).toBeLessThanOrEqual(1e-7);
    expect(Array.from(labelTensor ?? [])).toEqual(Array.from(labels));
    expect(Array.from(oneHot ?? []).filter((value) => value === 1).length).toBe(count);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a buffer shorter than the batch, naming both sizes', () => {
    expect(() => imagesFromBytes(new Uint8Array(100), 1)).toThrow('image bytes must hold at least 3072 bytes (1 × 3072), got 100');
  });
});
