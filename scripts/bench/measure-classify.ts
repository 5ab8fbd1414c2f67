/**
 * Classify latency: how long one picture takes through the app's own path, after warm-up.
 *
 * In a Web Worker in headless Chromium (as the app's engine runs): a JPEG photo's bytes are read, its
 * header checked, decoded by the browser, its centre square area-averaged to 32 × 32 (src/core), and
 * the tutorial's model run on it — `decodePicture` and `predictProbabilities`, the engine's own
 * functions. In Node there is no picture decoder, so a run starts from RGBA pixels (crop + resample +
 * predict). The weights are freshly initialised: a trained model does exactly the same arithmetic.
 */
import type * as tf from '@tensorflow/tfjs';
import { areaResampleToRgb, centreSquareCrop } from '../../src/core/data/image-resample';
import { startBackend } from '../../src/engine/backend';
import { decodePicture } from '../../src/engine/classify/decode-picture';
import { predictProbabilities } from '../../src/engine/classify/predict';
import { buildTutorialModel } from './tutorial-model';

/** The target for the median, in milliseconds. */
export const CLASSIFY_TARGET_MEDIAN_MS = 50;

/** One classify-latency measurement. */
export interface ClassifyBenchConfig {
  readonly kind: 'classify';
  readonly environment: 'node' | 'chromium';
  readonly backend: 'wasm' | 'webgl' | 'cpu';
  /** The photo's size in pixels (a JPEG in Chromium, RGBA pixels in Node). */
  readonly pictureWidth: number;
  readonly pictureHeight: number;
  /** Untimed runs first (kernels compiled, buffers allocated), then timed ones. */
  readonly warmupRuns: number;
  readonly timedRuns: number;
}

/** Milliseconds per picture over the timed runs. */
export interface ClassifyLatency {
  readonly medianMs: number;
  readonly p95Ms: number;
  /** The prediction alone (the model on the 32 × 32 input, result read back). */
  readonly predictMedianMs: number;
  readonly predictP95Ms: number;
  /** The very first run, before any warm-up: what the first picture of a visit costs. */
  readonly firstMs: number;
  readonly timedRuns: number;
}

/** What a measurement gave. */
export type ClassifyBenchOutcome =
  | { readonly status: 'ok'; readonly latency: ClassifyLatency; readonly backendDetail: string }
  | { readonly status: 'failed'; readonly reason: string };

/** True for a message that asks for a classify measurement (the bench worker also takes training configs). */
export function isClassifyBenchConfig(value: unknown): value is ClassifyBenchConfig {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'classify';
}

/** The measurements `npm run bench` makes: a 640 × 480 photo (the target), and a 12-megapixel phone photo. */
export function classifyPlans(environment: ClassifyBenchConfig['environment'], backend: ClassifyBenchConfig['backend']): ClassifyBenchConfig[] {
  const slow = backend === 'webgl';
  return [
    { kind: 'classify', environment, backend, pictureWidth: 640, pictureHeight: 480, warmupRuns: 5, timedRuns: slow ? 10 : 50 },
    { kind: 'classify', environment, backend, pictureWidth: 4000, pictureHeight: 3000, warmupRuns: 2, timedRuns: slow ? 3 : 10 },
  ];
}

/**
 * Start `config.backend` as the engine does and time classifying one picture. Never throws: a backend
 * that cannot start or a run that fails is a `failed` outcome.
 */
export async function runClassifyConfig(config: ClassifyBenchConfig, host: 'worker' | 'main-thread'): Promise<ClassifyBenchOutcome> {
  let backendDetail: string;
  try {
    const info = await startBackend(config.backend, host, 'benchmark');
    backendDetail = info.renderer ?? (info.wasmSimd === null ? config.backend : `SIMD ${info.wasmSimd ? 'on' : 'off'}`);
  } catch (error) {
    return { status: 'failed', reason: `backend did not start: ${messageOf(error)}` };
  }
  const model = buildTutorialModel();
  try {
    const classifyOnce = config.environment === 'chromium' ? await jpegPipeline(config) : rgbaPipeline(config);
    const total: number[] = [];
    const predict: number[] = [];
    let firstMs = Number.NaN;
    for (let run = 0; run < config.warmupRuns + config.timedRuns; run += 1) {
      const timing = await classifyOnce(model);
      if (run === 0) firstMs = timing.totalMs;
      if (run < config.warmupRuns) continue;
      total.push(timing.totalMs);
      predict.push(timing.predictMs);
    }
    return {
      status: 'ok',
      backendDetail,
      latency: { medianMs: percentile(total, 50), p95Ms: percentile(total, 95), predictMedianMs: percentile(predict, 50), predictP95Ms: percentile(predict, 95), firstMs, timedRuns: total.length },
    };
  } catch (error) {
    return { status: 'failed', reason: messageOf(error) };
  } finally {
    model.dispose();
  }
}

type Pipeline = (model: tf.LayersModel) => Promise<{ totalMs: number; predictMs: number }>;

/** Chromium: a JPEG photo through the engine's decodePicture, then predict. */
async function jpegPipeline(config: ClassifyBenchConfig): Promise<Pipeline> {
  const canvas = new OffscreenCanvas(config.pictureWidth, config.pictureHeight);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2-D canvas context to draw the test photo');
  paintPhoto((x, y, width, height, colour) => {
    context.fillStyle = colour;
    context.fillRect(x, y, width, height);
  }, config.pictureWidth, config.pictureHeight);
  const photo = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return async (model) => {
    const startMs = performance.now();
    const { input } = await decodePicture({ name: 'bench.jpg', data: photo });
    const predictStartMs = performance.now();
    await predictProbabilities(model, input);
    const endMs = performance.now();
    return { totalMs: endMs - startMs, predictMs: endMs - predictStartMs };
  };
}

/** Node: RGBA pixels → centre crop → area-average resample → predict. */
function rgbaPipeline(config: ClassifyBenchConfig): Pipeline {
  const { pictureWidth: width, pictureHeight: height } = config;
  const rgba = new Uint8ClampedArray(width * height * 4);
  paintPhoto((x0, y0, w, h, colour) => {
    const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
    for (let y = y0; y < Math.min(height, y0 + h); y += 1) for (let x = x0; x < Math.min(width, x0 + w); x += 1) rgba.set([r ?? 0, g ?? 0, b ?? 0, 255], (y * width + x) * 4);
  }, width, height);
  return async (model) => {
    const startMs = performance.now();
    const crop = centreSquareCrop(width, height);
    const square = new Uint8ClampedArray(crop.size * crop.size * 4);
    for (let row = 0; row < crop.size; row += 1) {
      const from = ((crop.y + row) * width + crop.x) * 4;
      square.set(rgba.subarray(from, from + crop.size * 4), row * crop.size * 4);
    }
    const input = areaResampleToRgb(square, crop.size, crop.size);
    const predictStartMs = performance.now();
    await predictProbabilities(model, input);
    const endMs = performance.now();
    return { totalMs: endMs - startMs, predictMs: endMs - predictStartMs };
  };
}

/** A busy, photo-like picture (a few hundred coloured blocks), seeded, so JPEG has real work to do. */
function paintPhoto(fill: (x: number, y: number, width: number, height: number, colour: string) => void, width: number, height: number): void {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  fill(0, 0, width, height, 'rgb(120, 140, 160)');
  for (let block = 0; block < 400; block += 1) {
    const w = Math.ceil(random() * width * 0.2);
    const h = Math.ceil(random() * height * 0.2);
    fill(Math.floor(random() * width), Math.floor(random() * height), w, h, `rgb(${Math.floor(random() * 256)}, ${Math.floor(random() * 256)}, ${Math.floor(random() * 256)})`);
  }
}

/** The `percent`-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** One line of the report: where, backend, picture, median and p95, the prediction alone, and the target. */
export function formatClassifyLatency(config: ClassifyBenchConfig, outcome: ClassifyBenchOutcome): string {
  const where = `${config.environment === 'node' ? 'Node' : 'Chromium worker'} ${config.backend}, ${config.pictureWidth}×${config.pictureHeight} ${config.environment === 'node' ? 'RGBA' : 'JPEG'}`;
  if (outcome.status !== 'ok') return `  classify ${where}: failed: ${outcome.reason}`;
  const { latency } = outcome;
  const met = latency.medianMs < CLASSIFY_TARGET_MEDIAN_MS ? 'under' : 'OVER';
  return (
    `  classify ${where}: median ${latency.medianMs.toFixed(1)} ms, p95 ${latency.p95Ms.toFixed(1)} ms ` +
    `(predict alone ${latency.predictMedianMs.toFixed(1)} / ${latency.predictP95Ms.toFixed(1)} ms; first ${latency.firstMs.toFixed(0)} ms; ${latency.timedRuns} timed runs) — ${met} the ${CLASSIFY_TARGET_MEDIAN_MS} ms target`
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One classify row of bench/results.json. */
export interface ClassifyBenchRecord {
  readonly config: ClassifyBenchConfig;
  readonly outcome: ClassifyBenchOutcome;
}

/** The bench page's classify API, on `window` beside `benchTrain` (see browser/bench-page.ts). */
export interface ClassifyBenchPageApi {
  /** Run one classify measurement in the page's Web Worker. Never rejects: failures are outcomes. */
  benchClassify(config: ClassifyBenchConfig): Promise<ClassifyBenchOutcome>;
}
