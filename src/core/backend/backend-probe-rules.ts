/**
 * How the engine measures which backend trains fastest on this machine, as pure rules: what each
 * probe runs, how long each phase may take before the probe is stopped, and what a stopped probe
 * still proves. The engine runs the steps (src/engine/backend-probe.ts); the page times them and
 * stops a probe by terminating its worker (src/engine/client/probe-runner.ts).
 *
 * Why a small batch: one training step of the tutorial model at batch 64 takes 20–37 s on software
 * WebGL (SwiftShader) and about 0.3 s on WebAssembly. At 16 images the fast backends need a fraction
 * of a second and the slow ones a few seconds, and the ranking stays the same: the backends differ
 * by 10–100×, far more than the small batch distorts any one of them.
 */

/** The compute backends the engine can train on (the same names as tfjs's). */
export type ComputeBackend = 'webgl' | 'wasm' | 'cpu';

/** Every backend, in the order they are probed: the likely winner without a GPU first, so its speed bounds the others. */
export const PROBE_ORDER: readonly ComputeBackend[] = ['wasm', 'webgl', 'cpu'];

/** A probe's phases: start the backend (worker, binaries, self-test), one untimed step, timed steps. */
export type ProbePhase = 'starting' | 'warm-up' | 'timed';

/** The knobs of a probe. */
export interface ProbeSettings {
  /** Images per step (the tutorial model, synthetic uint8 images). */
  readonly batchSize: number;
  /** Stop timing once this many milliseconds were timed (and at least one step was)… */
  readonly minTimedMs: number;
  /** …or this many steps ran. */
  readonly maxTimedSteps: number;
  /**
   * A backend is "far slower" once one of its timed steps runs this many times longer than the
   * fastest backend's mean step: it is stopped, and it is known to be at least this much slower.
   */
  readonly farSlowerFactor: number;
  /** Limit on starting a backend (loading the worker and binaries, the self-test), milliseconds. */
  readonly startLimitMs: number;
  /**
   * Extra time the untimed first step may take on each backend, for its one-time work: shader
   * compilation on WebGL (seconds on software WebGL), operator set-up elsewhere. Milliseconds.
   */
  readonly warmUpAllowanceMs: Readonly<Record<ComputeBackend, number>>;
  /** Limit on any one step when no backend has been measured yet, milliseconds. */
  readonly loneStepLimitMs: number;
}

/** The settings the app probes with. */
export const PROBE_SETTINGS: ProbeSettings = {
  batchSize: 16,
  minTimedMs: 400,
  maxTimedSteps: 5,
  farSlowerFactor: 10,
  startLimitMs: 15_000,
  warmUpAllowanceMs: { webgl: 6_000, wasm: 1_500, cpu: 1_000 },
  loneStepLimitMs: 30_000,
};

/** What probing one backend gave. */
export type ProbeOutcome =
  | {
      readonly status: 'measured';
      /** Images per second over the timed steps. */
      readonly imagesPerSecond: number;
      /** The untimed first step, milliseconds. */
      readonly firstStepMs: number;
      /** Every timed step, milliseconds. */
      readonly stepMs: readonly number[];
    }
  | {
      /** Stopped by the page: the phase outran its limit. */
      readonly status: 'stopped';
      readonly phase: ProbePhase;
      /** How long the phase had run when it was stopped, milliseconds. */
      readonly afterMs: number;
      /** Upper bound on its speed, images per second, when a timed step was cut short; otherwise null. */
      readonly atMostImagesPerSecond: number | null;
    }
  | { readonly status: 'unavailable'; readonly reason: string };

/** One backend's probe. */
export interface ProbeRecord {
  readonly backend: ComputeBackend;
  /** WebGL's renderer string when the probe got that far on webgl; null otherwise. */
  readonly renderer: string | null;
  /** True when `renderer` is a software rasteriser. */
  readonly softwareRenderer: boolean;
  /** Images per step. */
  readonly batchSize: number;
  readonly outcome: ProbeOutcome;
}

/** Where probing stands, for the badge. */
export interface ProbeProgress {
  /** Backends done so far, in probe order. */
  readonly records: readonly ProbeRecord[];
  /** The backend being measured and its phase, or null between probes and when done. */
  readonly current: { readonly backend: ComputeBackend; readonly phase: ProbePhase } | null;
}

/** Renderer names of software rasterisers: WebGL works there, but on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a WebGL renderer string names a software rasteriser (SwiftShader, llvmpipe, Microsoft Basic Render, …). */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** The fastest measured record so far, or null when none was measured. */
export function fastestMeasured(records: readonly ProbeRecord[]): ProbeRecord | null {
  let best: ProbeRecord | null = null;
  for (const record of records) {
    if (record.outcome.status !== 'measured') continue;
    if (best?.outcome.status !== 'measured' || record.outcome.imagesPerSecond > best.outcome.imagesPerSecond) best = record;
  }
  return best;
}

/**
 * How long `phase` of `backend`'s probe may run before the page stops it, given the records so far.
 * Once a backend was measured, a timed step may take `farSlowerFactor` times its mean step (a
 * step that runs longer proves the backend at least that much slower), and the untimed first step as
 * long plus the backend's one-time allowance; before that, only generous absolute limits apply.
 */
export function phaseLimitMs(backend: ComputeBackend, phase: ProbePhase, records: readonly ProbeRecord[], settings: ProbeSettings = PROBE_SETTINGS): number {
  if (phase === 'starting') return settings.startLimitMs;
  const best = fastestMeasured(records);
  const allowance = phase === 'warm-up' ? settings.warmUpAllowanceMs[backend] : 0;
  if (best?.outcome.status !== 'measured') return settings.loneStepLimitMs + allowance;
  // The best's mean step (from its images per second), so a step cut short at this limit proves the
  // backend at least `farSlowerFactor` times slower than the speed the badge quotes for the best.
  const bestStepMs = (best.batchSize * 1000) / best.outcome.imagesPerSecond;
  return settings.farSlowerFactor * bestStepMs + allowance;
}

/** Whether to time another step after `stepMs`. */
export function wantsAnotherStep(stepMs: readonly number[], settings: Pick<ProbeSettings, 'minTimedMs' | 'maxTimedSteps'> = PROBE_SETTINGS): boolean {
  const timedMs = stepMs.reduce((sum, ms) => sum + ms, 0);
  return stepMs.length < settings.maxTimedSteps && (stepMs.length === 0 || timedMs < settings.minTimedMs);
}

/** Images per second over `stepMs` of `batchSize` images each. @throws RangeError when no step was timed. */
export function imagesPerSecond(stepMs: readonly number[], batchSize: number): number {
  const timedMs = stepMs.reduce((sum, ms) => sum + ms, 0);
  if (stepMs.length === 0 || timedMs <= 0) throw new RangeError(`images per second needs at least one timed step, got ${stepMs.length}`);
  return (batchSize * stepMs.length * 1000) / timedMs;
}

/**
 * The outcome of a probe the page stopped in `phase` after `afterMs`: a timed step cut short bounds the
 * speed from above (it had not finished `batchSize` images in `afterMs`); other phases bound nothing.
 */
export function stoppedOutcome(phase: ProbePhase, afterMs: number, batchSize: number): ProbeOutcome {
  return { status: 'stopped', phase, afterMs, atMostImagesPerSecond: phase === 'timed' && afterMs > 0 ? (batchSize * 1000) / afterMs : null };
}
