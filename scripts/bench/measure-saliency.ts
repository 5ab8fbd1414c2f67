/**
 * "Why this class" cost: `npx tsx scripts/bench/measure-saliency.ts [wasm|cpu] [runs]`. Starts the
 * backend as the engine does (wasm: SIMD, our training kernels) in Node, builds the tutorial's model,
 * and times the engine's own `saliencyMaps` (Grad-CAM on conv2d_1, the gradient map and the occlusion
 * map, for one 32 × 32 picture and one class, read back), and the occlusion batch alone, against `predictProbabilities` (one forward pass), after
 * warm-up. Prints the first run and the median and 95th percentile of the timed runs. Chromium's
 * worker is measured by the e2e test instead (tests/e2e/why-this-class.test.ts prints the panel's time).
 */
import { startBackend } from '../../src/engine/backend';
import { predictProbabilities } from '../../src/engine/classify/predict';
import * as tf from '@tensorflow/tfjs';
import { occlusionWindows } from '../../src/core/model/saliency-map';
import { occlusionDrops } from '../../src/engine/saliency/occlusion';
import { OCCLUSION_PATCH, OCCLUSION_STRIDE, planSaliency, saliencyMaps } from '../../src/engine/saliency/saliency-maps';
import { imagesFromBytes } from '../../src/engine/webgl/upload-bytes';
import { buildTutorialModel } from './tutorial-model';

async function main(): Promise<void> {
  const backend = process.argv[2] === 'cpu' ? 'cpu' : 'wasm';
  const runs = Number(process.argv[3] ?? 30);
  const info = await startBackend(backend, 'main-thread', 'saliency benchmark');
  const model = buildTutorialModel({ weightSeed: 1 });
  const pixels = Uint8Array.from({ length: 3072 }, (_, i) => (i * 37) % 256);
  const info2 = { kind: 'pretrained', label: 'tutorial model', name: null } as const;
  const time = async (work: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  const firstMaps = await time(() => saliencyMaps(model, pixels, 3, info2));
  const firstPredict = await time(() => predictProbabilities(model, pixels));
  for (let i = 0; i < 3; i += 1) await saliencyMaps(model, pixels, i, info2);
  const plan = planSaliency(model);
  const windows = occlusionWindows(32, OCCLUSION_PATCH, OCCLUSION_STRIDE);
  const occludeOnce = async (classIndex: number): Promise<void> => {
    const drops = tf.tidy(() => occlusionDrops(plan, imagesFromBytes(pixels, 1), classIndex, windows));
    await drops.data();
    drops.dispose();
  };
  await occludeOnce(0);
  const maps: number[] = [];
  const occlusion: number[] = [];
  const predict: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    maps.push(await time(() => saliencyMaps(model, pixels, i % 10, info2)));
    occlusion.push(await time(() => occludeOnce(i % 10)));
    predict.push(await time(() => predictProbabilities(model, pixels)));
  }
  const stat = (values: number[]): string => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
  };
  process.stdout.write(
    `${info.backend} in Node (SIMD ${String(info.wasmSimd)}, threads ${String(info.wasmThreads)}), tutorial model, ${runs} timed runs after warm-up\n` +
      `  all maps (Grad-CAM, gradient, occlusion): first ${firstMaps.toFixed(1)} ms; ${stat(maps)}\n` +
      `  of which the occlusion batch (${windows.rows.length + 1} pictures): ${stat(occlusion)}\n` +
      `  one prediction, for scale:       first ${firstPredict.toFixed(1)} ms; ${stat(predict)}\n`,
  );
  model.dispose();
}

void main();
