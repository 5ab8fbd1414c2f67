/**
 * The parts of the benchmark report beyond the training table: evaluation speed, the app's first
 * view, size, memory and frames, and the targets with whether this run met them.
 */
import type { AppBenchResult } from './measure-app';
import { describeMemory } from './measure-app';
import { formatFirstUse } from './measure-first-use';
import type { ClassifyBenchRecord } from './measure-classify';
import type { EvaluationBenchConfig, EvaluationBenchOutcome } from './measure-engine';
import type { BenchRecord } from './report';
import { isSoftwareRenderer } from '../../src/core/backend/backend-probe-rules';
import { formatQuickDemo } from './measure-quick-demo';

/** One evaluation measurement and what it gave. */
export interface EvaluationBenchRecord {
  readonly config: EvaluationBenchConfig;
  readonly outcome: EvaluationBenchOutcome;
}

/** One line per evaluation measurement. */
export function formatEvaluation(record: EvaluationBenchRecord): string {
  const { config, outcome } = record;
  const where = `${config.environment === 'node' ? 'Node' : 'Chromium worker'} ${config.backend}, batch ${config.batchSize}`;
  if (outcome.status !== 'ok') return `  evaluate ${where}: failed: ${outcome.reason}`;
  return `  evaluate ${where}: ${outcome.imagesPerSecond.toFixed(1)} images/s over ${outcome.images} images (first batch ${(outcome.warmUpMs / 1000).toFixed(1)} s; ${outcome.backendDetail})`;
}

/** The app's lines: first view, first-load size, memory, the small run and its frames. */
export function formatApp(app: AppBenchResult): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  const worker = app.firstLoad.engineWorker;
  const { training } = app;
  return [
    formatFirstUse(app.firstUse),
    `  first visit: area links usable ${app.firstVisit.navUsableMs.toFixed(0)} ms after navigation; badge ready on ${app.firstVisit.backend} after ${(app.firstVisit.badgeReadyMs / 1000).toFixed(1)} s (measuring the backends)`,
    `  reload: area links usable after ${app.repeatVisit.navUsableMs.toFixed(0)} ms; badge ready on ${app.repeatVisit.backend} after ${(app.repeatVisit.badgeReadyMs / 1000).toFixed(1)} s (choice remembered)`,
    `  JavaScript loaded first: ${app.firstLoad.files.length} file(s), ${kb(app.firstLoad.totalBytes)}, gzip ${kb(app.firstLoad.totalGzipBytes)} (${app.firstLoad.files.map((f) => f.file).join(', ')})`,
    worker ? `  engine worker script, loaded next: ${kb(worker.bytes)}, gzip ${kb(worker.gzipBytes)}` : '  engine worker script: not found in the build',
    `  CIFAR-10 (184 MB) downloaded from the preview server, SHA-256-checked and ready in the worker ${(app.dataReadyMs / 1000).toFixed(1)} s after navigating to the Train area`,
    `  after loading the data: ${describeMemory(app.afterData)}`,
    `  after ${training.epochs} epochs: ${describeMemory(app.afterTraining)}`,
    `  run: ${training.epochs} epochs × ${training.trainImages} images (validation ${training.validationImages}), batch ${training.batchSize}, on ${training.backend}: ${training.seconds.toFixed(1)} s; images/s per epoch ${training.epochImagesPerSecond.map((v) => v.toFixed(0)).join(', ')}`,
    `  page frames while training: ${training.frames} frames, interval p50 ${training.frameP50Ms.toFixed(1)} ms, p95 ${training.frameP95Ms.toFixed(1)} ms, max ${training.frameMaxMs.toFixed(0)} ms`,
    formatQuickDemo(app.quickDemo),
  ].join('\n');
}

/** One of the targets and this run's number. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** null when this run could not measure it. */
  readonly met: boolean | null;
}

/**
 * The targets on this machine, from this run: our engine in Chromium at ≥ 100 images/s, ≥ 35×
 * stock tfjs's default path there (webgl, trainOnBatch, batch 64), classify median < 20 ms, and the
 * page's frame interval p95 < 50 ms while training, the Quick demo recipe at ≥ 45 % validation
 * accuracy within 60 s of Start (issue 17); and on a real GPU (not SwiftShader), our engine
 * on webgl at ≥ 2× stock tfjs's `trainOnBatch` on webgl at batch 512.
 */
export function checkTargets(records: readonly BenchRecord[], classify: readonly ClassifyBenchRecord[], app: AppBenchResult | null, webglRenderer: string | null): TargetCheck[] {
  // On SwiftShader the GPU target says nothing about GPUs: it stays "not measured".
  const softwareRenderer = webglRenderer === null || isSoftwareRenderer(webglRenderer);
  const speed = (loop: string, backend: string): number | null => {
    const record = records.find((r) => r.config.environment === 'chromium' && r.config.loop === loop && r.config.backend === backend && r.config.batchSize === 64);
    return record?.outcome.status === 'ok' ? record.outcome.speed.imagesPerSecond : null;
  };
  const ours = speed('engine', 'wasm');
  const stockDefault = speed('trainOnBatch', 'webgl');
  const classifyRecord = classify.find((r) => r.config.environment === 'chromium' && r.config.backend === 'wasm' && r.config.pictureWidth === 640);
  const classifyMs = classifyRecord?.outcome.status === 'ok' ? classifyRecord.outcome.latency.medianMs : null;
  const frameP95 = app?.training.frameP95Ms ?? null;
  const webgl512 = (loop: string, kernels: string): number | null => {
    const record = records.find((r) => r.config.environment === 'chromium' && r.config.loop === loop && r.config.backend === 'webgl' && r.config.kernels === kernels && r.config.batchSize === 512);
    return record?.outcome.status === 'ok' ? record.outcome.speed.imagesPerSecond : null;
  };
  const oursOnGpu = webgl512('engine', 'ours');
  const stockOnGpu = webgl512('trainOnBatch', 'stock');
  const check = (target: string, value: number | null, format: (v: number) => string, pass: (v: number) => boolean): TargetCheck =>
    value === null ? { target, measured: 'not measured in this run', met: null } : { target, measured: format(value), met: pass(value) };
  return [
    check('our engine trains ≥ 100 images/s in Chromium (wasm, batch 64)', ours, (v) => `${v.toFixed(1)} images/s`, (v) => v >= 100),
    check(
      '≥ 35× stock tfjs on its default path in Chromium (webgl, trainOnBatch, batch 64)',
      ours !== null && stockDefault !== null ? ours / stockDefault : null,
      (v) => `${v.toFixed(1)}× (${ours?.toFixed(1)} vs ${stockDefault?.toFixed(2)} images/s)`,
      (v) => v >= 35,
    ),
    check('classify median < 20 ms (Chromium wasm, 640×480 JPEG)', classifyMs, (v) => `${v.toFixed(1)} ms`, (v) => v < 20),
    check('frame-interval p95 < 50 ms on the page while training', frameP95, (v) => `${v.toFixed(1)} ms`, (v) => v < 50),
    check(
      'real GPU: our engine ≥ 2× stock tfjs webgl (trainOnBatch) at batch 512 (CHROMIUM_GPU=1 on a machine with a GPU)',
      oursOnGpu !== null && stockOnGpu !== null && !softwareRenderer ? oursOnGpu / stockOnGpu : null,
      (v) => `${v.toFixed(2)}× (${oursOnGpu?.toFixed(1)} vs ${stockOnGpu?.toFixed(1)} images/s)`,
      (v) => v >= 2,
    ),
    check(
      'Quick demo: ≥ 45 % validation accuracy (1 000 test images) within 60 s of Start, in the app on wasm',
      // A demo that finished no epoch within the minute reached nothing: 0, not "not measured".
      app ? (app.quickDemo.accuracyAtDeadline ?? 0) : null,
      (v) => `${(v * 100).toFixed(1)} %`,
      (v) => v >= 0.45,
    ),
  ];
}

/** The targets as lines: "met", "NOT met" or "not measured". */
export function formatTargets(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `  ${c.met === null ? 'not measured' : c.met ? 'met    ' : 'NOT met'}  ${c.target}: ${c.measured}`).join('\n');
}
