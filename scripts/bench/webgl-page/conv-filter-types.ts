/** What the filter-gradient part of the WebGL benchmark (scripts/bench/measure-webgl.ts) and its page exchange. */

/** One filter-gradient shape to time: x [N, H, W, Cin] (NHWC), filter [FH, FW, Cin, Cout], stride 1. */
export interface ConvFilterBenchCase {
  /** e.g. "layer 1, batch 8". */
  readonly name: string;
  readonly xShape: [number, number, number, number];
  readonly filterShape: [number, number, number, number];
  readonly pad: 'same' | 'valid';
}

/** How long to sample each case. */
export interface ConvFilterBenchOptions {
  /** Timed calls of each kernel at least. */
  readonly minSamples: number;
  /** Keep sampling until both kernels together took this long (milliseconds)... */
  readonly minTotalMs: number;
  /** ...or each kernel has this many samples. */
  readonly maxSamples: number;
}

/** Wall time of one kernel's calls, each until its result was read back, milliseconds. */
export interface KernelTiming {
  /** The first call: shader compilation plus one run. */
  readonly firstCallMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
}

/** Stock against ours on one case. */
export interface ConvFilterBenchResult {
  readonly benchCase: ConvFilterBenchCase;
  readonly stock: KernelTiming;
  readonly ours: KernelTiming;
  /** max |ours − stock| / max |stock| over the gradient (a parity check of this very run). */
  readonly largestRelativeDifference: number;
  /** The split ours chose on this context. */
  readonly split: { readonly groups: number; readonly rowsPerGroup: number };
  /** Shader threads of stock's one pass (one per weight) and of our first pass. */
  readonly stockThreads: number;
  readonly ourThreads: number;
}

/** Training-step wall time of the tutorial model, stock webgl kernels against ours, milliseconds. */
export interface StepBenchResult {
  readonly batchSize: number;
  readonly stock: { readonly firstStepMs: number; readonly medianMs: number; readonly samplesMs: readonly number[] };
  readonly ours: { readonly firstStepMs: number; readonly medianMs: number; readonly samplesMs: readonly number[] };
}

/** What the page exposes on `window`. */
export interface ConvFilterBenchPageApi {
  benchConvFilter(cases: readonly ConvFilterBenchCase[], options: ConvFilterBenchOptions): Promise<{ renderer: string; results: ConvFilterBenchResult[] }>;
  /** Steps of the tutorial model at each batch size (after benchConvFilter started webgl). */
  benchTutorialStep(batchSizes: readonly number[], steps: number): Promise<StepBenchResult[]>;
}
