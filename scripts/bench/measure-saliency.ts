/**
 * "Why this class" cost: `npx tsx scripts/bench/measure-saliency.ts [wasm|cpu] [runs]`. Starts the
 * backend as the engine does (wasm: SIMD, our training kernels) in Node, builds the tutorial's model,
 * and times the engine's own `saliencyMaps` (Grad-CAM on conv2d_1 and the gradient map, for one
 * 32 × 32 picture and one class, read back) against `predictProbabilities` (one forward pass), after
 * warm-up. Prints the first run and the median and 95th percentile of the timed runs. Chromium's
 * worker is measured by the e2e test instead (tests/e2e/why-this-class.test.ts prints the panel's time).
 */
import { startBackend } from '../../src/engine/backend';
import { predictProbabilities } from '../../src/engine/classify/predict';
import { saliencyMaps } from '../../src/engine/saliency/saliency-maps';
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
  const maps: number[] = [];
  const predict: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    maps.push(await time(() => saliencyMaps(model, pixels, i % 10, info2)));
    predict.push(await time(() => predictProbabilities(model, pixels)));
  }
  const stat = (values: number[]): string => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
  };
  process.stdout.write(
    `${info.backend} in Node (SIMD ${String(info.wasmSimd)}, threads ${String(info.wasmThreads)}), tutorial model, ${runs} timed runs after warm-up\n` +
      `  both maps (Grad-CAM + gradient): first ${firstMaps.toFixed(1)} ms; ${stat(maps)}\n` +
      `  one prediction, for scale:       first ${firstPredict.toFixed(1)} ms; ${stat(predict)}\n`,
  );
  model.dispose();
}

void main();
