/**
 * The WebGL part of `npm run bench` (`--only=webgl` runs it alone): stock tfjs 4.22 against each of
 * our GPU replacements, in headless Chromium on its WebGL (SwiftShader here; the real GPU with
 * `CHROMIUM_GPU=1`), on one page (webgl-page/):
 * - the filter gradient (`Conv2DBackpropFilter`) on the tutorial's two convolution shapes, and whole
 *   `trainOnBatch` steps of the tutorial model with stock kernels and with ours;
 * - dropout: stock `tf.dropout` (mask drawn in JavaScript, uploaded) against our mask shader;
 * - the shader warm-up: the first steps of the app's Trainer with and without it, each variant in a
 *   fresh load of the page (tfjs keeps compiled programs for a page's lifetime).
 *
 * On SwiftShader the shaders run on a few CPU cores: the split reduction's extra threads find no idle
 * cores there, so these numbers show the work saved, not the parallelism a GPU would add.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConvFilterBenchCase, ConvFilterBenchOptions, ConvFilterBenchPageApi, ConvFilterBenchResult, StepBenchResult } from './webgl-page/conv-filter-types';
import type { DropoutBenchConfig, DropoutBenchOutcome, DropoutBenchPageApi, DropoutBenchRow } from './webgl-page/dropout-types';
import type { WarmUpBenchOptions, WarmUpBenchPageApi, WarmUpBenchResult } from './webgl-page/warm-up-types';
import { withStaticPage } from './static-page';
import { compareSpreads, spreadOf } from '../../src/core/charts/spread';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'webgl-page');

/** What to measure; `webglBenchPlan` gives sizes that keep the whole part to a few minutes on SwiftShader. */
export interface WebGLBenchPlan {
  readonly convCases: readonly ConvFilterBenchCase[];
  readonly convSampling: ConvFilterBenchOptions;
  /** Batch sizes of whole tutorial-model steps, and timed steps each. */
  readonly stepBatchSizes: readonly number[];
  readonly steps: number;
  readonly dropout: DropoutBenchConfig;
  readonly warmUpVariants: readonly WarmUpBenchOptions[];
}

/** What the WebGL part measured. */
export interface WebGLBenchReport {
  readonly userAgent: string;
  readonly renderer: string;
  readonly convFilter: readonly ConvFilterBenchResult[];
  readonly steps: readonly StepBenchResult[];
  readonly dropout: DropoutBenchOutcome;
  readonly warmUp: readonly WarmUpBenchResult[];
}

/** The tutorial's two convolutions: 3→32 channels 3×3 'same' on 32×32, and 32→32 3×3 'valid'. */
export function tutorialConvFilterCases(batches: readonly number[]): ConvFilterBenchCase[] {
  return batches.flatMap((n): ConvFilterBenchCase[] => [
    { name: `layer 1, batch ${n}`, xShape: [n, 32, 32, 3], filterShape: [3, 3, 3, 32], pad: 'same' },
    { name: `layer 2, batch ${n}`, xShape: [n, 32, 32, 32], filterShape: [3, 3, 32, 32], pad: 'valid' },
  ]);
}

/**
 * The sizes measured: on a real GPU the tutorial's batches (64 and 512); on SwiftShader small ones
 * (a batch-512 step there takes minutes). The warm-up compares with and without, shape uniforms off
 * (tfjs's default, which the app keeps).
 */
export function webglBenchPlan(hardwareGpu: boolean): WebGLBenchPlan {
  const batches = hardwareGpu ? [64, 512] : [8, 32];
  const warmUpBase = hardwareGpu ? { batchSize: 512, trainImages: 1_100, validationImages: 600 } : { batchSize: 8, trainImages: 12, validationImages: 12 };
  return {
    convCases: tutorialConvFilterCases(batches),
    convSampling: { minSamples: 3, minTotalMs: hardwareGpu ? 2_000 : 4_000, maxSamples: 20 },
    stepBatchSizes: hardwareGpu ? [64, 512] : [8],
    steps: hardwareGpu ? 10 : 2,
    dropout: { shapes: [[64, 32, 32, 32], [512, 32, 32, 32]], rate: 0.2, timedCalls: hardwareGpu ? 20 : 5 },
    warmUpVariants: [false, true].map((warmUp) => ({ ...warmUpBase, warmUp, shapeUniforms: false })),
  };
}

/**
 * Build and serve the page, run every part of `plan` in it, close everything (also on error).
 *
 * @throws Error when the page cannot be built, served or opened, a part fails, or the page logged an
 * error or asked for another origin.
 */
export async function runWebGLBench(plan: WebGLBenchPlan, log: (line: string) => void): Promise<WebGLBenchReport> {
  return withStaticPage(PAGE_ROOT, 'benchConvFilter', {}, async ({ session, url, userAgent }) => {
    const page = session.page;
    const conv = await page.evaluate(([c, o]) => (window as unknown as ConvFilterBenchPageApi).benchConvFilter(c, o), [plan.convCases, plan.convSampling] as const);
    log('  filter gradient measured');
    const steps = await page.evaluate(([b, n]) => (window as unknown as ConvFilterBenchPageApi).benchTutorialStep(b, n), [plan.stepBatchSizes, plan.steps] as const);
    log('  tutorial-model steps measured');
    const dropout = await page.evaluate((c) => (window as unknown as DropoutBenchPageApi).benchDropout(c), plan.dropout);
    log('  dropout measured');
    const warmUp: WarmUpBenchResult[] = [];
    for (const variant of plan.warmUpVariants) {
      await page.goto(url);
      await page.waitForFunction(() => 'benchWarmUp' in window);
      warmUp.push(await page.evaluate((options) => (window as unknown as WarmUpBenchPageApi).benchWarmUp(options), variant));
      log(`  ${describeWarmUpVariant(variant)} measured`);
    }
    return { userAgent, renderer: conv.renderer, convFilter: conv.results, steps, dropout, warmUp };
  });
}

const fixed = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** "stock 40–52 ms, ours 20–25 ms: apart" — each side's range and whether the ranges overlap (samples taken in turn). */
function spreads(stock: readonly number[], ours: readonly number[]): string {
  if (stock.length === 0 || ours.length === 0) return 'no samples';
  const range = (values: readonly number[]): string => `${fixed(Math.min(...values))}–${fixed(Math.max(...values))}`;
  const verdict = compareSpreads(spreadOf(stock), spreadOf(ours));
  return `stock ${range(stock)} ms, ours ${range(ours)} ms: ${verdict === 'overlap' ? 'the ranges overlap, no difference shown' : 'the ranges are apart'}`;
}

function formatConvFilter(report: WebGLBenchReport): string[] {
  const header = '  case                 | threads stock → ours (G × rows) | first call ms stock / ours | median ms stock / ours (n) | stock ÷ ours | max diff / max |stock| | per call, in turn';
  const lines = report.convFilter.map((r) => {
    const threads = `${r.stockThreads} → ${r.ourThreads} (${r.split.groups} × ${r.split.rowsPerGroup})`;
    const first = `${fixed(r.stock.firstCallMs)} / ${fixed(r.ours.firstCallMs)}`;
    const middle = `${fixed(r.stock.medianMs)} / ${fixed(r.ours.medianMs)} (${r.ours.samplesMs.length})`;
    const ratio = (r.stock.medianMs / r.ours.medianMs).toFixed(2);
    return `  ${r.benchCase.name.padEnd(20)} | ${threads.padEnd(31)} | ${first.padEnd(26)} | ${middle.padEnd(26)} | ${ratio.padStart(12)} | ${r.largestRelativeDifference.toExponential(1).padEnd(22)} | ${spreads(r.stock.samplesMs, r.ours.samplesMs)}`;
  });
  const stepLines = report.steps.map((s) => {
    const line = `  tutorial model trainOnBatch, batch ${s.batchSize}: first step ${fixed(s.stock.firstStepMs)} / ${fixed(s.ours.firstStepMs)} ms (stock's compiles the shaders both share), median ${fixed(s.stock.medianMs)} / ${fixed(s.ours.medianMs)} ms (${s.ours.samplesMs.length} each)`;
    return `${line}, stock ÷ ours ${(s.stock.medianMs / s.ours.medianMs).toFixed(2)}; ${spreads(s.stock.samplesMs, s.ours.samplesMs)}`;
  });
  return ['Conv2DBackpropFilter, stock tfjs webgl vs ours (wall time per call until read back):', header, ...lines, ...(stepLines.length > 0 ? ['Whole training steps, stock webgl kernels / ours:', ...stepLines] : [])];
}

function formatDropoutRow(row: DropoutBenchRow): string {
  const stock = median(row.stockMs);
  const ours = median(row.oursMs);
  const sumOnly = median(row.sumOnlyMs);
  const ms = (value: number): string => `${value.toFixed(1)} ms`;
  return `  [${row.shape.join(', ')}]  stock ${ms(stock)}  ours ${ms(ours)}  sum only ${ms(sumOnly)}  dropout's own: stock ${ms(stock - sumOnly)}, ours ${ms(ours - sumOnly)}  (${(stock / ours).toFixed(2)}× per call; ${spreads(row.stockMs, row.oursMs)})`;
}

function formatDropout(report: WebGLBenchReport): string[] {
  const { dropout } = report;
  if (dropout.status !== 'ok') return [`Dropout: failed: ${dropout.reason}`];
  return ['Dropout, stock tf.dropout vs our GPU mask (median per call, each with a scalar sum read back; "sum only" is that sum alone):', ...dropout.rows.map(formatDropoutRow)];
}

function describeWarmUpVariant(options: WarmUpBenchOptions): string {
  return `${options.warmUp ? 'warm-up' : 'no warm-up'}, shape uniforms ${options.shapeUniforms ? 'on' : 'off'}`;
}

function formatWarmUp(report: WebGLBenchReport): string[] {
  return [
    "Shader warm-up, the app's Trainer on the tutorial model (each phase until read back):",
    ...report.warmUp.flatMap((result) => {
      const total = result.phases.reduce((sum, phase) => sum + phase.ms, 0);
      const programs = result.phases.reduce((sum, phase) => sum + phase.programsCompiled, 0);
      return [
        `  ${describeWarmUpVariant(result.options)} (batch ${result.options.batchSize}, ${result.options.trainImages} training / ${result.options.validationImages} validation images):`,
        ...result.phases.map((phase) => `    ${phase.name.padEnd(44)} ${(phase.ms / 1000).toFixed(2).padStart(8)} s ${String(phase.programsCompiled).padStart(5)} programs`),
        `    ${'total'.padEnd(44)} ${(total / 1000).toFixed(2).padStart(8)} s ${String(programs).padStart(5)} programs`,
      ];
    }),
  ];
}

/** The WebGL part as printed lines. */
export function formatWebGLBench(report: WebGLBenchReport): string {
  return [`WebGL renderer: ${report.renderer}`, ...formatConvFilter(report), ...formatDropout(report), ...formatWarmUp(report)].join('\n');
}
