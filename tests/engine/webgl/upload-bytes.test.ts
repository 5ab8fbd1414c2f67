import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { imagesFromBytes, uploadPath } from '../../../src/engine/webgl/upload-bytes';

describe('imagesFromBytes on the cpu backend', () => {
  it('takes the 32-bit path and gives byte / 255 exactly', async () => {
    await tf.setBackend('cpu');
    expect(uploadPath(4)).toBe('int32');
    const bytes = Uint8Array.from({ length: 2 * 3072 }, (_, index) => index % 256);
    const before = tf.memory().numTensors;
    const images = imagesFromBytes(bytes, 2);
    expect(images.shape).toEqual([2, 32, 32, 3]);
    expect(Array.from(await images.data())).toEqual(Array.from(Float32Array.from(bytes, (value) => value / 255)));
    images.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the constraint a bad count breaks', () => {
    expect(() => imagesFromBytes(new Uint8Array(0), -1)).toThrow('picture count must be a whole number ≥ 0, got -1');
  });
});
