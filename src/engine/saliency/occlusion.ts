/**
 * The occlusion test (Zeiler & Fergus, 2014): lay a mid-grey square over the picture at every place
 * of `occlusionWindows`, and see how much the class's score drops. Unlike a gradient, this is what the
 * network answers for a changed picture, not a slope at this one.
 */
import * as tf from '@tensorflow/tfjs';
import type { OcclusionWindows } from '../../core/model/saliency-map';
import { scoresFrom, type SaliencyPlan } from './saliency-plan';

/** The grey laid over the picture, on the network's 0…1 input scale. */
export const OCCLUSION_GREY = 0.5;

/**
 * [squares]: the class's score for `input` ([1, H, W, 3], 0…1) minus its score with each square of
 * `windows` covered in grey — positive where covering the square lowers the score. Both scores come
 * from one batch (the picture itself is its first row), so an untouched part gives exactly 0. Call
 * inside `tf.tidy`, or dispose what it returns.
 */
export function occlusionDrops(plan: SaliencyPlan, input: tf.Tensor4D, classIndex: number, windows: OcclusionWindows): tf.Tensor1D {
  const { size, patch, rows, cols } = windows;
  const squares = rows.length;
  // Row 0 stays the picture; row i + 1 has square i.
  const mask = new Float32Array((squares + 1) * size * size);
  rows.forEach((top, index) => {
    const left = cols[index] ?? 0;
    const base = (index + 1) * size * size;
    for (let row = top; row < top + patch; row += 1) mask.fill(1, base + row * size + left, base + row * size + left + patch);
  });
  const covered = tf.tensor4d(mask, [squares + 1, size, size, 1]);
  const batch = tf.add(tf.mul(input, tf.sub(1, covered)), tf.mul(covered, OCCLUSION_GREY));
  const scores = tf.reshape(tf.slice(scoresFrom(plan, 0, batch), [0, classIndex], [squares + 1, 1]), [-1]);
  return tf.sub(tf.slice(scores, [0], [1]), tf.slice(scores, [1], [squares])) as tf.Tensor1D;
}
