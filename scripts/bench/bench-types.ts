/** Shared vocabulary of the benchmark: what is measured, where, and what came out. */

/**
 * Where a configuration runs: Node (tsx), a Web Worker in headless Chromium, or the same on a
 * cross-origin isolated page (COOP/COEP headers), where tfjs's wasm backend runs threaded.
 */
export type BenchEnvironment = 'node' | 'chromium' | 'chromium-isolated';

/**
 * The training loop timed: `trainOnBatch`, stock tfjs-layers' own loop on one synthetic batch; or
 * `engine`, the app's `Trainer` (src/engine/training/trainer.ts) — the loop the worker and
 * `npm run train` drive: a shuffled uint8 batch gathered per step, uploaded and divided by 255 on the
 * backend, the tutorial's decayed SGD, loss and accuracy read back.
 */
export type TrainingLoop = 'trainOnBatch' | 'engine';

/** One training configuration: a loop on a backend, with or without our wasm kernels. */
export interface BenchConfig {
  readonly environment: BenchEnvironment;
  readonly backend: 'cpu' | 'wasm' | 'webgl';
  readonly loop: TrainingLoop;
  /**
   * `stock`: tfjs 4.22's kernels as installed; `ours`: with `registerWasmTrainingKernels` and
   * `registerWebGLTrainingKernels` (the engine always has them; the other parts of our loop — uint8
   * upload, dropout masks on the GPU, shader warm-up — come with `loop: 'engine'` either way).
   */
  readonly kernels: 'stock' | 'ours';
  readonly batchSize: number;
  /** Timed steps to run at least (after one untimed warm-up step), and at most. */
  readonly minTimedSteps: number;
  readonly maxTimedSteps: number;
  /** Keep timing steps until this much time was measured (bounded by maxTimedSteps). */
  readonly minTimedMs: number;
  /**
   * When the warm-up step alone took longer than this, no step is timed after it: the speed is
   * estimated from the warm-up step (an underestimate), which keeps a full run to minutes.
   */
  readonly warmUpOnlyAboveMs: number;
}

/** Speed of a configuration that trained. */
export interface TrainingSpeed {
  /** Images per second over the timed steps (warm-up excluded). */
  readonly imagesPerSecond: number;
  /** The first (warm-up) step: allocations, shader compilation, operator set-up. */
  readonly firstStepMs: number;
  /** Every timed step, in milliseconds; empty when the speed comes from the warm-up step. */
  readonly stepMs: readonly number[];
}

/** What running a configuration gave. */
export type BenchOutcome =
  | { readonly status: 'ok'; readonly speed: TrainingSpeed; readonly backendDetail: string }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'skipped'; readonly reason: string };

/** The bench page's interleaved measurement (measure-training.ts: runInterleavedConfigs), on `window`. */
export interface InterleavedBenchPageApi {
  benchInterleaved(configs: readonly BenchConfig[]): Promise<BenchOutcome[]>;
}

/** The bench page's API, on `window` (see browser/bench-page.ts). */
export interface BenchPageApi {
  /** Run one configuration in the page's Web Worker. Never rejects: failures are outcomes. */
  benchTrain(config: BenchConfig): Promise<BenchOutcome>;
}
