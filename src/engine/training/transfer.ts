/**
 * Transfer learning in tfjs: a network built from `transferSpec` (core/lab/own-classes-lab.ts) gets
 * the trained CIFAR-10 network's weights in the layers it kept, and those layers are frozen if the
 * student chose so. Freezing works through `trainable`: the train step asks `model.trainableWeights`
 * for the variables it updates, so a frozen layer's kernels never move (and have no optimiser slots).
 */
import type * as tf from '@tensorflow/tfjs';

/**
 * Copy the weights of `source`'s first `keptLayers` layers into `target`'s, and freeze them when
 * `freeze` is true. `target` keeps its own (fresh) head.
 *
 * @throws Error naming the layer when a kept layer's weights do not match in count or shape (the two
 *   networks differ before the head).
 */
export function startFromSource(target: tf.LayersModel, source: tf.LayersModel, keptLayers: number, freeze: boolean): void {
  if (keptLayers > source.layers.length || keptLayers > target.layers.length) throw new Error(`cannot keep ${keptLayers} layers: the networks have ${source.layers.length} and ${target.layers.length}`);
  for (let index = 0; index < keptLayers; index++) {
    const from = source.layers[index];
    const to = target.layers[index];
    if (!from || !to) continue;
    // getWeights gives the layers' live variables (not copies): read them, never dispose them.
    const weights = from.getWeights();
    const own = to.getWeights();
    const mismatch = weights.length !== own.length || weights.some((weight, at) => weight.shape.join('×') !== own[at]?.shape.join('×'));
    if (mismatch) {
      throw new Error(`layer ${index + 1} (${to.getClassName()}) of the new network does not match the network it starts from: their convolution parts must be the same`);
    }
    // setWeights assigns the values to the target's own variables: the two networks share nothing after.
    to.setWeights(weights);
    to.trainable = !freeze;
  }
}
