/**
 * The data-parallel part of the benchmark report (issue 19): one worker against all workers side by
 * side, with spreads and the load average; where one worker's step goes, kernel by kernel; where a
 * data-parallel step's time goes, worker by worker; what it projects for 4 and 8 cores; the targets.
 */
import { projectedImagesPerSecond, stepCostModel, type StepCostModel } from '../../src/core/charts/scaling-projection';
import { compareSpreads, formatSpread, spreadOf, type Spread } from '../../src/core/charts/spread';
import type { ParallelStepTimings } from '../../src/engine/parallel/data-parallel-step';
import type { ParallelBenchConfig, ParallelBenchOutcome } from './measure-parallel';
import type { TargetCheck } from './report-extra';
import type { StepPhase, StepProfile } from './step-profile';

/** One side-by-side measurement, with the 1-minute load average around it. */
export interface ParallelBenchRecord {
  readonly config: ParallelBenchConfig;
  readonly outcome: ParallelBenchOutcome;
  readonly loadAverageBefore: number | null;
  readonly loadAverageAfter: number | null;
}

/** The data-parallel speed-up the issue asks for at batch 512. */
export const PARALLEL_TARGET_RATIO = 1.7;
/** The core counts the projection is made for. */
export const PROJECTED_CORES: readonly number[] = [4, 8];

type Measured = Extract<ParallelBenchOutcome, { status: 'ok' }>;

/** Images per second of each step. */
function speeds(batchSize: number, stepMs: readonly number[]): Spread {
  return spreadOf(stepMs.map((ms) => (batchSize * 1000) / ms));
}

function where(config: ParallelBenchConfig): string {
  return config.environment === 'node' ? 'Node (npm run train)' : config.environment === 'chromium-isolated' ? 'Chromium worker, COOP/COEP (as the app)' : 'Chromium worker, plain page';
}

const load = (value: number | null): string => value?.toFixed(1) ?? '?';

/** "Chromium worker, batch 512: 1 worker 263 (255–270) images/s, 2 workers 480 (…) → 1.83× …". */
export function formatParallelComparison(record: ParallelBenchRecord): string {
  const { config, outcome } = record;
  const head = `  ${where(config)}, batch ${config.batchSize}`;
  if (outcome.status !== 'ok') return `${head}: failed: ${outcome.reason}`;
  const one = speeds(config.batchSize, outcome.oneStepMs);
  const all = speeds(config.batchSize, outcome.allStepMs);
  const ratio = all.median / one.median;
  const verdict = compareSpreads(all, one);
  const judged = verdict === 'first' ? 'the spreads do not overlap' : verdict === 'second' ? 'one worker was faster, the spreads apart' : 'the spreads overlap: no difference is shown';
  return `${head}: 1 worker ${formatSpread(one)} images/s, ${outcome.workers} workers ${formatSpread(all)} images/s (${outcome.exchange ?? 'no'} exchange) → ${ratio.toFixed(2)}× by the medians; ${judged}; ${one.count} steps each, interleaved; load average ${load(record.loadAverageBefore)} before, ${load(record.loadAverageAfter)} after`;
}

const PHASE_WORDS: Record<StepPhase, string> = {
  gather: 'gather the batch (JS)',
  upload: 'upload + /255',
  forward: 'forward',
  loss: 'loss + accuracy',
  backward: 'backward',
  sum: 'add micro-batch gradients',
  update: 'optimiser update',
};

/** Milliseconds per phase: the kernels' time, and the gathering (no kernel). */
export function phaseTotals(profile: StepProfile): Map<StepPhase, number> {
  const totals = new Map<StepPhase, number>([['gather', profile.gatherMs]]);
  for (const kernel of profile.kernels) totals.set(kernel.phase, (totals.get(kernel.phase) ?? 0) + kernel.ms);
  return totals;
}

/** The profile as lines: each phase's share, then its kernels by time (those under 0.5 % folded). */
export function formatProfile(profile: StepProfile, environment: string): string[] {
  const totals = phaseTotals(profile);
  const kernelMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const percent = (ms: number): string => `${((100 * ms) / profile.wallMs).toFixed(1)} %`;
  const lines = [`One step of one worker, ${environment}, batch ${profile.batchSize} (micro-batches of ${profile.microBatchSize}), tf.profile: ${profile.wallMs.toFixed(0)} ms in all`];
  for (const [phase, words] of Object.entries(PHASE_WORDS) as [StepPhase, string][]) {
    const ms = totals.get(phase) ?? 0;
    lines.push(`  ${words.padEnd(26)} ${ms.toFixed(1).padStart(8)} ms  ${percent(ms).padStart(7)}`);
    const kernels = profile.kernels.filter((k) => k.phase === phase).sort((a, b) => b.ms - a.ms);
    const shown = kernels.filter((k) => k.ms >= profile.wallMs * 0.005);
    for (const k of shown) lines.push(`    ${`${k.kernel} → ${k.shape}`.padEnd(44)} ${k.ms.toFixed(1).padStart(8)} ms  ${percent(k.ms).padStart(7)}  (${k.calls} calls)`);
    const rest = kernels.length - shown.length;
    if (rest > 0) lines.push(`    ${`${rest} smaller kernel${rest === 1 ? '' : 's'}`.padEnd(44)} ${kernels.slice(shown.length).reduce((sum, k) => sum + k.ms, 0).toFixed(1).padStart(8)} ms`);
  }
  const outside = profile.wallMs - kernelMs;
  lines.push(`  ${'outside kernels (tfjs, JS)'.padEnd(26)} ${outside.toFixed(1).padStart(8)} ms  ${percent(outside).padStart(7)}`);
  return lines;
}

function medianOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : spreadOf(values).median;
}

/** Median of each part of the data-parallel steps, coordinator and (all) workers. */
export interface ParallelParts {
  readonly publishMs: number;
  readonly ownShareMs: number;
  readonly waitMs: number;
  readonly sumMs: number;
  readonly applyMs: number;
  readonly helperReadMs: number;
  readonly helperComputeMs: number;
  readonly helperWriteMs: number;
  /** A worker's round trip less its own three parts: the messages and their copies. */
  readonly messagingMs: number;
}

/** The medians of `timings`' parts (the workers' over all workers and steps). */
export function parallelParts(timings: readonly ParallelStepTimings[]): ParallelParts {
  const helpers = timings.flatMap((t) => t.helpers);
  return {
    publishMs: medianOf(timings.map((t) => t.publishMs)),
    ownShareMs: medianOf(timings.map((t) => t.ownShareMs)),
    waitMs: medianOf(timings.map((t) => t.waitMs)),
    sumMs: medianOf(timings.map((t) => t.sumMs)),
    applyMs: medianOf(timings.map((t) => t.applyMs)),
    helperReadMs: medianOf(helpers.map((h) => h.readWeightsMs)),
    helperComputeMs: medianOf(helpers.map((h) => h.computeMs)),
    helperWriteMs: medianOf(helpers.map((h) => h.writeGradientsMs)),
    messagingMs: medianOf(helpers.map((h) => h.roundTripMs - h.readWeightsMs - h.computeMs - h.writeGradientsMs)),
  };
}

/** Where a data-parallel step's time went, and what of it still runs on one core. */
export function formatParallelParts(outcome: Measured, environment: string): string[] {
  const parts = parallelParts(outcome.timings);
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  const gather = outcome.profile.gatherMs;
  const serial = gather + parts.publishMs + parts.sumMs + parts.applyMs;
  const step = medianOf(outcome.allStepMs);
  return [
    `A step with ${outcome.workers} workers, ${environment} (median of ${outcome.timings.length} steps, ${ms(step)} a step):`,
    `  coordinator: weights out ${ms(parts.publishMs)}, its own share ${ms(parts.ownShareMs)}, waiting for the workers ${ms(parts.waitMs)}, their gradients in and added ${ms(parts.sumMs)}, update ${ms(parts.applyMs)}`,
    `  each worker: weights in ${ms(parts.helperReadMs)}, its share ${ms(parts.helperComputeMs)}, gradients out ${ms(parts.helperWriteMs)}, messages ${ms(parts.messagingMs)}`,
    `  still on one core: gathering the batch ${ms(gather)}, weights out, gradients in and added, the update — ${ms(serial)} (${((100 * serial) / step).toFixed(1)} % of the step); validation after each epoch runs on one worker too`,
  ];
}

/** The cost model behind the projection, from one worker's profiled step and the data-parallel parts. */
export function parallelCostModel(config: ParallelBenchConfig, outcome: Measured): StepCostModel {
  const parts = parallelParts(outcome.timings);
  const totals = phaseTotals(outcome.profile);
  return stepCostModel({
    batchSize: config.batchSize,
    oneWorkerMs: medianOf(outcome.oneStepMs),
    serialMs: (totals.get('gather') ?? 0) + (totals.get('update') ?? 0),
    workers: outcome.workers,
    exchangeFixedMs: parts.publishMs + parts.helperReadMs + parts.helperWriteMs + parts.messagingMs,
    gatherMs: parts.sumMs,
  });
}

/** The projection as lines, said to be one. */
export function formatProjection(config: ParallelBenchConfig, outcome: Measured): string[] {
  const model = parallelCostModel(config, outcome);
  const one = projectedImagesPerSecond(model, config.batchSize, 1);
  const measured = speeds(config.batchSize, outcome.allStepMs).median;
  const line = (cores: number): string => {
    const speed = projectedImagesPerSecond(model, config.batchSize, cores);
    return `  ${cores} cores: about ${speed.toFixed(0)} images/s, ${(speed / one).toFixed(1)}× one worker`;
  };
  return [
    `Projection, not a measurement (${where(config)}, batch ${config.batchSize}): compute ${(model.computeMsPerImage * config.batchSize).toFixed(0)} ms split across the workers, ${model.serialMs.toFixed(1)} ms serial, exchange ${model.exchangeFixedMs.toFixed(1)} ms + ${model.exchangeMsPerWorker.toFixed(1)} ms per extra worker. It leaves out shared memory bandwidth, lower all-core clocks and hyper-threads sharing a core, so real machines will fall short of it.`,
    `  ${outcome.workers} cores (check against this run): ${projectedImagesPerSecond(model, config.batchSize, outcome.workers).toFixed(0)} images/s projected, ${measured.toFixed(0)} measured`,
    ...PROJECTED_CORES.map(line),
  ];
}

/**
 * The issue's targets: all workers ≥ 1.7× one worker at batch 512, in Chromium's worker (on a page
 * served as the app is, cross-origin isolated) and in Node, with the spreads apart.
 */
export function checkParallelTargets(records: readonly ParallelBenchRecord[]): TargetCheck[] {
  return (['chromium-isolated', 'node'] as const).map((environment) => {
    const target = `all workers ≥ ${PARALLEL_TARGET_RATIO}× one worker at batch 512, ${environment === 'node' ? 'Node (npm run train)' : "Chromium's worker (COOP/COEP, as the app)"} (interleaved steps, spreads apart)`;
    const record = records.find((r) => r.config.environment === environment && r.config.batchSize === 512);
    if (record?.outcome.status !== 'ok') return { target, measured: record ? `failed: ${record.outcome.status === 'failed' ? record.outcome.reason : ''}` : 'not measured in this run', met: record ? false : null };
    const one = speeds(512, record.outcome.oneStepMs);
    const all = speeds(512, record.outcome.allStepMs);
    const ratio = all.median / one.median;
    const apart = compareSpreads(all, one) === 'first';
    return { target, measured: `${ratio.toFixed(2)}× (${formatSpread(all)} vs ${formatSpread(one)} images/s, ${record.outcome.workers} workers${apart ? '' : '; spreads overlap'})`, met: ratio >= PARALLEL_TARGET_RATIO && apart };
  });
}
