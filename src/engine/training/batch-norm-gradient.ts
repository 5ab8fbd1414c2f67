/**
 * A leaner gradient for tfjs's `FusedBatchNorm` kernel (what a BatchNormalization layer runs), for
 * every backend. The stock gradient (tfjs-core 4.22) tiles 1/√(variance + ε) out to the whole
 * activation's shape before multiplying, and multiplies full-size tensors by per-channel values
 * where it could multiply the per-channel sums instead: fourteen passes over the activation. On
 * wasm the tile alone was a third of a Better-recipe training step (`Tile` 64×32×32×32 took
 * ~190 ms a micro-batch). This one makes five passes (x − mean, dy·(x − mean), two sums, dy·γ/σ)
 * and leaves the rest to per-channel vectors; broadcasting replaces the tile.
 *
 * The algebra, per channel c, with r = 1/√(variance + ε), S₁ = Σ dy and S₂ = Σ dy·(x − mean):
 *   ∂/∂x = dy·γ·r,  ∂/∂mean = −γ·r·S₁,  ∂/∂variance = −½·γ·r³·S₂,  ∂/∂scale = r·S₂,  ∂/∂offset = S₁
 * — the stock gradient's values, summed in another order.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * tfjs's own `FusedBatchNorm` gradient, read when this module loads — before anything here replaces it
 * (tfjs-core registers its gradients on import) — so the benchmark and tests compare against the stock
 * one even after `startBackend` has registered ours.
 */
export const stockBatchNormGradient: tf.GradConfig = tf.getGradient(tf.FusedBatchNorm);

/** Register the leaner `FusedBatchNorm` gradient in place of tfjs's (the registry is global, per thread). Idempotent. */
export function registerBatchNormGradient(): void {
  if (tf.getGradient(tf.FusedBatchNorm) !== batchNormGradient) tf.registerGradient(batchNormGradient);
}

/** The gradient config (exported for tests that compare it with tfjs's own). */
export const batchNormGradient: tf.GradConfig = {
  kernelName: tf.FusedBatchNorm,
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs?: tf.NamedAttrMap) => {
    const upstream = Array.isArray(dy) ? dy[0] : dy;
    const [x, mean, variance, scale] = saved;
    if (!upstream || !x || !mean || !variance) throw new Error('FusedBatchNorm gradient: a saved input is missing');
    const epsilon = Number(attrs?.['varianceEpsilon'] ?? 0.001);
    // Per-channel (or whatever shape the statistics have): broadcast against x by tfjs's rules.
    const gamma = scale ?? tf.scalar(1);
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (full: tf.Tensor): tf.Tensor => (axes.length > 0 ? tf.reshape(tf.sum(full, axes), mean.shape) : full);
    const r = tf.rsqrt(tf.add(variance, tf.scalar(epsilon)));
    // Computed here, not in the closures: tfjs runs each closure in its own tidy, so a sum one of
    // them made would be gone before the next could share it.
    const centred = tf.sub(x, mean);
    const s1 = reduce(upstream);
    const s2 = reduce(tf.mul(upstream, centred));
    const gammaR = tf.mul(gamma, r);
    return {
      x: () => tf.mul(upstream, gammaR),
      mean: () => tf.reshape(tf.neg(tf.mul(gammaR, s1)), mean.shape),
      variance: () => tf.reshape(tf.mul(tf.mul(tf.mul(gammaR, tf.square(r)), tf.scalar(-0.5)), s2), mean.shape),
      scale: () => tf.reshape(tf.mul(r, s2), mean.shape),
      offset: () => tf.reshape(s1, mean.shape),
    };
  },
};

