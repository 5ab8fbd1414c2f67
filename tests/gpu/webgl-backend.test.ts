import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { describe, expect, it } from 'vitest';

describe('the gpu test project', () => {
  it('runs tfjs on webgl in the browser, not on a silent cpu fallback', async () => {
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    expect(await tf.setBackend('webgl')).toBe(true);
    expect(tf.getBackend()).toBe('webgl');
    const y = tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'same');
    expect(Array.from(await y.data())).toEqual([4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4]);
    expect(tf.engine().backendName).toBe('webgl');
  });
});
