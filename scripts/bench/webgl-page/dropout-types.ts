/** What the dropout part of the WebGL benchmark (dropout-page.ts) is asked and answers; shared with scripts/bench/measure-webgl.ts. */

/** One measurement request. */
export interface DropoutBenchConfig {
  /** Input shapes, NHWC. */
  readonly shapes: readonly (readonly number[])[];
  /** Dropout rate, in [0, 1). */
  readonly rate: number;
  /** Timed calls per shape and path (after one untimed warm-up call each). */
  readonly timedCalls: number;
}

/** Milliseconds of each timed call of one path on one shape. */
export interface DropoutBenchRow {
  readonly shape: readonly number[];
  /** `sum(tf.dropout(x, rate))` read back: stock tfjs (mask drawn in JavaScript and uploaded). */
  readonly stockMs: readonly number[];
  /** `sum(dropoutOnBackend(x, rate, seed))` read back: our mask drawn on the GPU. */
  readonly oursMs: readonly number[];
  /** `sum(x)` read back alone: the part of both that is not dropout. */
  readonly sumOnlyMs: readonly number[];
}

/** The page's answer. */
export type DropoutBenchOutcome =
  | { readonly status: 'ok'; readonly renderer: string; readonly webglVersion: number; readonly rows: readonly DropoutBenchRow[] }
  | { readonly status: 'failed'; readonly reason: string };

/** What the page puts on `window`. */
export interface DropoutBenchPageApi {
  benchDropout(config: DropoutBenchConfig): Promise<DropoutBenchOutcome>;
}
