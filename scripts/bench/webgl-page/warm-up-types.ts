/** Shared by the warm-up part of the WebGL benchmark (scripts/bench/measure-webgl.ts) and its page. */

/** One variant to measure, in a fresh page (tfjs keeps compiled programs for the page's lifetime). */
export interface WarmUpBenchOptions {
  /** Run `Trainer.warmUp()` before the first step. */
  readonly warmUp: boolean;
  /** tfjs' `WEBGL_USE_SHAPES_UNIFORMS`: shapes as uniforms, so programs do not depend on the batch size. */
  readonly shapeUniforms: boolean;
  readonly batchSize: number;
  readonly trainImages: number;
  readonly validationImages: number;
}

/** A phase of the run: its wall time until its results were read back and the programs it compiled. */
export interface PhaseTiming {
  readonly name: string;
  readonly ms: number;
  readonly programsCompiled: number;
}

/** What one variant measured. */
export interface WarmUpBenchResult {
  readonly options: WarmUpBenchOptions;
  readonly renderer: string;
  readonly phases: PhaseTiming[];
}

/** What the page puts on `window`. */
export interface WarmUpBenchPageApi {
  benchWarmUp(options: WarmUpBenchOptions): Promise<WarmUpBenchResult>;
}
