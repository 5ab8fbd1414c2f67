/**
 * How many data-parallel workers a training run uses (issue 19): at most one per logical core, within
 * a memory budget, and — since more workers do not always help (a busy machine, slow memory) — only
 * as many as measurement shows to be faster. The measurement is free: the first full batches of a run
 * are trained with each candidate count in turn, and a step computes the same update whatever the
 * count, so the run itself is not changed by it. Pure.
 */
import type { LayerType, ModelSpec } from '../model/model-spec';
import { compareSpreads, formatSpread, spreadOf, type Spread } from '../charts/spread';

/**
 * The most workers a run starts, whatever the core count: tfjs's own wasm thread pool stops at 8 too,
 * and past that the gradient exchange (one model's size per worker and step) eats the gain.
 */
export const MAX_TRAINING_WORKERS = 8;

/**
 * WebAssembly memory one worker grows to while training the tutorial's model in micro-batches of 64
 * (251.5 MB measured by `npm run bench`), rounded up; it is never given back while the worker lives.
 */
export const WORKER_MEMORY_MIB = 300;

/** Full batches timed per candidate worker count, in interleaved rounds. */
export const TRIAL_ROUNDS = 3;

/** The most workers this machine should start, and why, in words. */
export interface WorkerLimit {
  readonly workers: number;
  readonly reason: string;
}

/**
 * One worker per logical core, at most `MAX_TRAINING_WORKERS`, and at most as many as half the
 * device's memory holds at `WORKER_MEMORY_MIB` each.
 *
 * @param logicalCores `navigator.hardwareConcurrency` (or Node's `availableParallelism()`); null when unknown.
 * @param deviceMemoryGiB `navigator.deviceMemory` (Chromium reports at most 8, rounded down); null when the browser does not say.
 */
export function trainingWorkerLimit(logicalCores: number | null, deviceMemoryGiB: number | null): WorkerLimit {
  if (logicalCores === null || !Number.isInteger(logicalCores) || logicalCores < 1) {
    return { workers: 1, reason: 'the browser does not say how many cores there are, so one worker trains' };
  }
  const byCores = Math.min(logicalCores, MAX_TRAINING_WORKERS);
  const byMemory = deviceMemoryGiB !== null && deviceMemoryGiB > 0 ? Math.max(1, Math.floor((deviceMemoryGiB * 1024) / 2 / WORKER_MEMORY_MIB)) : Number.POSITIVE_INFINITY;
  const cores = `${logicalCores} logical core${logicalCores === 1 ? '' : 's'}`;
  if (byMemory < byCores) {
    return { workers: byMemory, reason: `${cores}, but ${deviceMemoryGiB} GB of memory: at most ${byMemory} worker${byMemory === 1 ? '' : 's'} of about ${WORKER_MEMORY_MIB} MB each` };
  }
  if (logicalCores > MAX_TRAINING_WORKERS) return { workers: byCores, reason: `${cores}: at most ${MAX_TRAINING_WORKERS} workers (more would spend their gain exchanging gradients)` };
  return { workers: byCores, reason: `${cores}: one worker per core` };
}

/**
 * Layers whose update depends on how the batch is cut, or whose randomness is not drawn by an image's
 * place in the batch: a model with one trains on one worker, so that its update stays the one a
 * single worker computes (what data-parallel training promises). Each says why, in the badge's words.
 */
const ONE_WORKER_LAYERS: Partial<Record<LayerType, string>> = {
  BatchNormalization: 'BatchNormalization normalises each share by its own statistics (and only one worker would update its moving averages)',
  StochasticPooling2D: 'StochasticPooling2D draws its picks per pass, not by an image\'s place in the batch, so each share would draw its own',
  DropConnectDense: 'DropConnectDense draws one weight mask per pass, not by an image\'s place in the batch, so each share would draw its own',
};

/**
 * Why `spec` must train on one worker whatever the machine, or null when its update is the same
 * however many workers share the batch (the tutorial's layers: Conv2D, pooling, Dropout, Dense).
 */
export function modelWorkerRestriction(spec: ModelSpec): string | null {
  for (const layer of spec.layers) {
    const why = ONE_WORKER_LAYERS[layer.type];
    if (why !== undefined) return `this model trains on one worker: ${why}`;
  }
  return null;
}

/** The machine's `limit`, narrowed to one worker when `spec` must train on one (`modelWorkerRestriction`). */
export function modelWorkerLimit(limit: WorkerLimit, spec: ModelSpec): WorkerLimit {
  const restriction = modelWorkerRestriction(spec);
  return restriction === null ? limit : { workers: 1, reason: restriction };
}

/** The counts worth timing up to `limit`: 1, the powers of two below it, and `limit` itself. */
export function workerCandidates(limit: number): number[] {
  const counts: number[] = [];
  for (let count = 1; count < limit; count *= 2) counts.push(count);
  counts.push(Math.max(1, limit));
  return counts;
}

/** A count's measured speed over its timed steps. */
export interface WorkerMeasurement {
  readonly workers: number;
  /** Training images per second, one value per timed step. */
  readonly imagesPerSecond: Spread;
}

/** The count a run settled on, and why. */
export interface WorkerDecision {
  readonly workers: number;
  /** The most this run could use (`WorkerLimit`, and the batch's size). */
  readonly limit: number;
  /** Every candidate's speed (empty when there was nothing to measure). */
  readonly measured: readonly WorkerMeasurement[];
  /** One sentence: how many, and why. */
  readonly reason: string;
}

/**
 * The first full batches of a run, timed with each candidate count in turn: one untimed step with all
 * workers (each worker's first step sets up its kernels and grows its memory), then `rounds` rounds over
 * the candidates, alternating the order (1, 2, 4, then 4, 2, 1, …) so a slow spell of the machine does
 * not fall on one count only. Then the decision: the fewest workers, replaced by more only when all of
 * their steps were faster than all of the fewer's (spreads that overlap prove nothing).
 */
export class WorkerCountTrial {
  private readonly plan: readonly number[];
  private planIndex = 0;
  private readonly samples = new Map<number, number[]>();
  private made: WorkerDecision | null = null;

  /** @param limit the most workers the run may use (≥ 1); `limitReason` says why that many. */
  constructor(
    private readonly limit: number,
    private readonly limitReason: string,
    rounds: number = TRIAL_ROUNDS,
  ) {
    const candidates = workerCandidates(limit);
    if (candidates.length === 1) {
      this.plan = [];
      this.made = { workers: 1, limit, measured: [], reason: `1 worker: ${limitReason}` };
      return;
    }
    const plan = [limit];
    for (let round = 0; round < rounds; round++) plan.push(...(round % 2 === 0 ? candidates : [...candidates].reverse()));
    this.plan = plan;
  }

  /** Workers for the next full batch: the plan's next count while measuring, then the decision. */
  next(): number {
    return this.made?.workers ?? (this.plan[this.planIndex] as number);
  }

  /** True while the plan's steps are being taken. */
  get measuring(): boolean {
    return this.made === null;
  }

  /** The decision, once made. */
  get decision(): WorkerDecision | null {
    return this.made;
  }

  /**
   * Record a full batch of `images` trained with `workers` in `ms` milliseconds. Steps that do not
   * follow the plan (another count) are ignored; the plan's first step is the untimed warm-up.
   */
  record(workers: number, images: number, ms: number): void {
    if (this.made || workers !== this.plan[this.planIndex] || !(ms > 0)) return;
    if (this.planIndex > 0) this.samples.set(workers, [...(this.samples.get(workers) ?? []), (images * 1000) / ms]);
    this.planIndex += 1;
    if (this.planIndex >= this.plan.length) this.made = this.decide();
  }

  private decide(): WorkerDecision {
    const measured = [...this.samples.entries()].sort(([a], [b]) => a - b).map(([workers, values]) => ({ workers, imagesPerSecond: spreadOf(values) }));
    let best = measured[0] as WorkerMeasurement;
    for (const candidate of measured.slice(1)) {
      if (compareSpreads(candidate.imagesPerSecond, best.imagesPerSecond) === 'first') best = candidate;
    }
    return { workers: best.workers, limit: this.limit, measured, reason: describeChoice(best, measured, this.limitReason) };
  }
}

function describeChoice(best: WorkerMeasurement, measured: readonly WorkerMeasurement[], limitReason: string): string {
  const speed = (m: WorkerMeasurement): string => `${formatSpread(m.imagesPerSecond)} images/s with ${m.workers}`;
  const others = measured.filter((m) => m !== best).map(speed).join(', ');
  const count = `${best.workers} worker${best.workers === 1 ? '' : 's'}`;
  const most = measured[measured.length - 1] as WorkerMeasurement;
  if (best.workers === 1) {
    return `${count}: more workers measured no faster here (${speed(best)}; ${others}), so one trains — other work may be using the cores (${limitReason})`;
  }
  const tail = best !== most ? `; ${most.workers} were not faster than ${best.workers}` : '';
  return `${count}: ${speed(best)} against ${others}, measured on this run's first batches${tail} (${limitReason})`;
}
