/**
 * `npm run bench`: training speed of the tutorial's CNN (images per second) for stock tfjs
 * (`trainOnBatch`) on each backend, for wasm with our kernels, and for our engine's own loop
 * (`Trainer`) on each backend, in Node and in a Web Worker in headless Chromium; evaluation speed;
 * classify latency; and the built app itself (measure-app.ts): time to the first interactive view,
 * gzip size of the JavaScript loaded first, JS heap and tf.memory() after loading the data and after
 * a 3-epoch run, and the page's frame interval while it trains; the wasm heap a training step needs
 * at batch 64 and 512 (wasm-heap.ts, a fresh process each). Prints a table and writes
 * bench/results.json (git-ignored) with the machine and the WebGL renderer.
 *
 * `--only=node` or `--only=chromium` runs one half (the app belongs to the Chromium half);
 * `--only=classify` measures only the classify latency of one picture (scripts/bench/measure-classify.ts),
 * `--only=app` only the app, `--only=webgl` only stock tfjs against each of our GPU replacements
 * (scripts/bench/measure-webgl.ts: filter gradient, dropout masks, shader warm-up; part of the
 * Chromium half too), `--only=first-use` only a newcomer's waits (scripts/bench/measure-first-use.ts:
 * navigation to a Classify answer and to an enabled Start, fresh profile and reload; part of the app). A full run takes about 9 minutes on this 2-core machine without a GPU;
 * configurations that would take minutes per step are skipped with the reason stated. The load
 * average is recorded before and after: other work on the machine slows every number here.
 *
 * `--only=parallel` measures only data-parallel training against one worker (issue 19;
 * measure-parallel.ts, report-parallel.ts): in Node and in a Chromium worker, the two stepped in turn,
 * with spreads and the load average around each comparison, one worker's step profiled kernel by
 * kernel, and a projection for 4 and 8 cores; a full run measures it first, while the machine is freshest.
 *
 * `--only=batch-norm` measures only the Better recipe's step on wasm in Node with tfjs's stock
 * FusedBatchNorm gradient against ours, stepped in turn (measure-batch-norm.ts; part of the Node half).
 *
 * `CHROMIUM_GPU=1 npm run bench` starts Chromium on the machine's real GPU (tests/chromium.ts): webgl
 * configurations are then timed like the fast ones, and the real-GPU target (our engine ≥ 2× stock
 * tfjs webgl at batch 512) is checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchConfig, BenchEnvironment, BenchOutcome } from './bench-types';
import { withBenchPage } from './browser-runs';
import { describeMachine } from './machine';
import { runInterleavedConfigs, runTrainingConfig } from './measure-training';
import { classifyPlans, formatClassifyLatency, runClassifyConfig, type ClassifyBenchConfig, type ClassifyBenchOutcome, type ClassifyBenchRecord } from './measure-classify';
import { formatReport, type BenchRecord, type BenchReport } from './report';
import { checkTargets, formatApp, formatEvaluation, formatTargets, type EvaluationBenchRecord } from './report-extra';
import { runAppBench, withServedApp, type AppBenchResult } from './measure-app';
import { formatFirstUse, runFirstUseBench, type FirstUseResult } from './measure-first-use';
import { runEvaluationConfig, type EvaluationBenchConfig, type EvaluationBenchOutcome } from './measure-engine';
import { STEP_BUDGET_MS, proxySkipReason, skipReason } from './step-budget';
import { USE_HARDWARE_GPU } from '../../tests/chromium';
import { formatWebGLBench, runWebGLBench, webglBenchPlan, type WebGLBenchReport } from './measure-webgl';
import { formatWasmHeap, measureWasmHeaps, type WasmHeapRecord } from './wasm-heap';
import { trainingWorkerLimit } from '../../src/core/training/training-workers';
import { compareSpreads, formatSpread, spreadOf, type Spread } from '../../src/core/charts/spread';
import { runParallelConfig, type ParallelBenchConfig, type ParallelBenchOutcome } from './measure-parallel';
import { checkParallelTargets, formatParallelComparison, formatParallelParts, formatProfile, formatProjection, type ParallelBenchRecord } from './report-parallel';
import { spawnNodeGradientWorker } from '../parallel/node-gradient-workers';
import { formatBatchNormBench, runBatchNormBench, type BatchNormBenchOutcome } from './measure-batch-norm';

/** Steps of each batch-normalisation gradient, taken in turn (about 1.5–2.5 s each here). */
const BATCH_NORM_PAIRS = 6;

/** On SwiftShader a webgl step takes tens of seconds; on a real GPU (CHROMIUM_GPU=1) it is fast. */
const WEBGL_IS_SLOW = !USE_HARDWARE_GPU;

type Plan = Pick<BenchConfig, 'backend' | 'kernels' | 'loop'> & {
  /** Slow configurations (tens of seconds a step) time 1 step; fast ones at least 3 steps and 5 s. */
  readonly slow: boolean;
  /**
   * A measured configuration on the same kernels that predicts this one's step time (our engine on
   * cpu runs tfjs's cpu kernels, like stock trainOnBatch): over the budget, this one is skipped.
   */
  readonly proxy?: { readonly environment: BenchEnvironment; readonly loop: BenchConfig['loop']; readonly backend: BenchConfig['backend']; readonly name: string };
};

const STOCK_CPU_IN_NODE = { environment: 'node', loop: 'trainOnBatch', backend: 'cpu', name: 'stock trainOnBatch on cpu in Node' } as const;

/**
 * Plans close enough in speed that only a side-by-side measurement can tell them apart: measured
 * together, one step of each in turn (measure-training.ts: runInterleavedConfigs). Plans on other
 * backends differ from them by 10× and more, which no spell of load explains.
 */
interface PlanGroup {
  readonly together: readonly Plan[];
}

/** Stock trainOnBatch and our engine, both on wasm with our kernels (about 5 % apart). */
const WASM_PAIR: PlanGroup = {
  together: [
    { backend: 'wasm', kernels: 'ours', loop: 'trainOnBatch', slow: false },
    { backend: 'wasm', kernels: 'ours', loop: 'engine', slow: false },
  ],
};

const NODE_PLANS: readonly (Plan | PlanGroup)[] = [
  { backend: 'cpu', kernels: 'stock', loop: 'trainOnBatch', slow: true },
  { backend: 'wasm', kernels: 'stock', loop: 'trainOnBatch', slow: false },
  WASM_PAIR,
  { backend: 'cpu', kernels: 'stock', loop: 'engine', slow: true, proxy: STOCK_CPU_IN_NODE },
];
const CHROMIUM_PLANS: readonly (Plan | PlanGroup)[] = [
  { backend: 'wasm', kernels: 'stock', loop: 'trainOnBatch', slow: false },
  WASM_PAIR,
  { backend: 'webgl', kernels: 'stock', loop: 'trainOnBatch', slow: WEBGL_IS_SLOW },
  // Our loop with stock tfjs kernels, then with ours: separates what the kernels give from the loop's share.
  { backend: 'webgl', kernels: 'stock', loop: 'engine', slow: WEBGL_IS_SLOW },
  { backend: 'webgl', kernels: 'ours', loop: 'engine', slow: WEBGL_IS_SLOW },
  { backend: 'cpu', kernels: 'stock', loop: 'engine', slow: true, proxy: STOCK_CPU_IN_NODE },
];
/**
 * On a cross-origin isolated page tfjs's threaded wasm build can start (made minification-safe by
 * scripts/vite/wasm-threads-plugin.ts); it is measured even where the app does not use it, to show
 * what threads give here (tfjs 4.22 gives its pool hardwareConcurrency / 2 threads).
 */
const ISOLATED_PLANS: readonly Plan[] = [{ backend: 'wasm', kernels: 'ours', loop: 'engine', slow: false }];
/** Evaluation (the engine's `evaluate`, batch 64): about 6 s of timed work each. */
const EVALUATION_PLANS: readonly EvaluationBenchConfig[] = [
  { kind: 'evaluate', environment: 'node', backend: 'wasm', batchSize: 64, targetMs: 6_000 },
  { kind: 'evaluate', environment: 'chromium', backend: 'wasm', batchSize: 64, targetMs: 6_000 },
  { kind: 'evaluate', environment: 'chromium', backend: 'webgl', batchSize: 64, targetMs: 6_000 },
];

/**
 * Data-parallel training against one worker (issue 19): batch 512 (the target) and 64, in Node and in
 * a Chromium worker on a cross-origin isolated page (shared memory, as the app is served); batch 512
 * also on a plain page (the transfer fallback). Steps interleaved, one worker then all.
 */
const PARALLEL_PAIRS = 6;
function parallelPlans(environment: ParallelBenchConfig['environment']): ParallelBenchConfig[] {
  const workers = trainingWorkerLimit(cpus().length, totalmem() / 2 ** 30).workers;
  const batches = environment === 'chromium' ? [512] : [512, 64];
  return batches.map((batchSize) => ({ kind: 'parallel', environment, batchSize, workers, pairs: PARALLEL_PAIRS }));
}

/** Each plan measured with the load average around it, printed and kept. */
async function measureParallel(plans: readonly ParallelBenchConfig[], run: (config: ParallelBenchConfig) => Promise<ParallelBenchOutcome>, records: ParallelBenchRecord[]): Promise<void> {
  for (const config of plans) {
    const loadAverageBefore = loadavg()[0] ?? null;
    const outcome = await run(config);
    const record = { config, outcome, loadAverageBefore, loadAverageAfter: loadavg()[0] ?? null };
    records.push(record);
    process.stdout.write(`${formatParallelComparison(record)}\n`);
  }
}

function configFor(environment: BenchEnvironment, plan: Plan, batchSize: number): BenchConfig {
  const { slow, backend, kernels, loop } = plan;
  const rest = { backend, kernels, loop };
  const warmUpOnlyAboveMs = STEP_BUDGET_MS;
  return slow
    ? { ...rest, environment, batchSize, minTimedSteps: 1, maxTimedSteps: 1, minTimedMs: 0, warmUpOnlyAboveMs }
    : { ...rest, environment, batchSize, minTimedSteps: 3, maxTimedSteps: 30, minTimedMs: 5_000, warmUpOnlyAboveMs };
}

/** A group at batch 64, then at 512, its plans' steps interleaved. */
async function runGroup(environment: BenchEnvironment, group: PlanGroup, runTogether: (configs: readonly BenchConfig[]) => Promise<BenchOutcome[]>, records: BenchRecord[]): Promise<void> {
  for (const batchSize of [64, 512]) {
    const configs = group.together.map((plan) => configFor(environment, plan, batchSize));
    const before = loadavg()[0] ?? null;
    const outcomes = await runTogether(configs);
    const loadAverage = { before, after: loadavg()[0] ?? null };
    configs.forEach((config, index) => report({ config, outcome: outcomes[index] ?? { status: 'failed', reason: 'no outcome' }, loadAverage }, records));
    const line = compareSideBySide(configs, outcomes);
    comparisons.push(`  ${environment}, batch ${batchSize}: ${line}`);
    process.stdout.write(`    ${line}\n`);
  }
}

/** Verdicts of the side-by-side groups, for the report. */
const comparisons: string[] = [];

/** "our engine 263 (255–270) vs stock trainOnBatch 254 (240–262) images/s: the spreads overlap, no difference shown". */
function compareSideBySide(configs: readonly BenchConfig[], outcomes: readonly BenchOutcome[]): string {
  const measured = configs.map((config, index) => ({ config, outcome: outcomes[index] })).filter((m): m is { config: BenchConfig; outcome: Extract<BenchOutcome, { status: 'ok' }> } => m.outcome?.status === 'ok' && m.outcome.speed.stepMs.length > 0);
  if (measured.length !== 2) return 'not both measured';
  const [a, b] = measured.map(({ config, outcome }) => ({ name: config.loop === 'engine' ? 'our engine' : 'stock trainOnBatch', spread: spreadOf(outcome.speed.stepMs.map((ms) => (config.batchSize * 1000) / ms)) })) as [{ name: string; spread: Spread }, { name: string; spread: Spread }];
  const verdict = compareSpreads(a.spread, b.spread);
  const said = verdict === 'overlap' ? 'the spreads overlap: no difference is shown' : `${verdict === 'first' ? a.name : b.name} is faster (the spreads are apart)`;
  return `${a.name} ${formatSpread(a.spread)} vs ${b.name} ${formatSpread(b.spread)} images/s, steps interleaved: ${said}`;
}

/** Each plan (or group) in turn. */
async function runPlans(environment: BenchEnvironment, plans: readonly (Plan | PlanGroup)[], run: (config: BenchConfig) => Promise<BenchOutcome>, runTogether: (configs: readonly BenchConfig[]) => Promise<BenchOutcome[]>, records: BenchRecord[]): Promise<void> {
  for (const plan of plans) {
    if ('together' in plan) await runGroup(environment, plan, runTogether, records);
    else await runPlan(environment, plan, run, records);
  }
}

/** Batch 64, then batch 512 unless batch 64 (or the plan's proxy) predicts a step over the budget. */
async function runPlan(environment: BenchEnvironment, plan: Plan, run: (config: BenchConfig) => Promise<BenchOutcome>, records: BenchRecord[]): Promise<void> {
  const small = configFor(environment, plan, 64);
  const proxy = plan.proxy;
  const proxied = (batchSize: number): string | null => {
    if (!proxy) return null;
    const measured = records.find((r) => r.config.environment === proxy.environment && r.config.loop === proxy.loop && r.config.backend === proxy.backend && r.config.batchSize === 64);
    return proxySkipReason(measured?.outcome, proxy.name, batchSize);
  };
  const smallSkip = proxied(64);
  if (smallSkip !== null) {
    report({ config: small, outcome: { status: 'skipped', reason: smallSkip } }, records);
    report({ config: configFor(environment, plan, 512), outcome: { status: 'skipped', reason: proxied(512) ?? smallSkip } }, records);
    return;
  }
  const smallOutcome = await run(small);
  report({ config: small, outcome: smallOutcome }, records);
  const large = configFor(environment, plan, 512);
  const reason = skipReason(smallOutcome, small.batchSize, large.batchSize);
  report({ config: large, outcome: reason === null ? await run(large) : { status: 'skipped', reason } }, records);
}

/** Classify latency (scripts/bench/measure-classify.ts): each plan measured, printed and kept. */
async function measureClassify(plans: readonly ClassifyBenchConfig[], run: (config: ClassifyBenchConfig) => Promise<ClassifyBenchOutcome>, records: ClassifyBenchRecord[]): Promise<void> {
  for (const config of plans) {
    const record = { config, outcome: await run(config) };
    records.push(record);
    process.stdout.write(`${formatClassifyLatency(record.config, record.outcome)}\n`);
  }
}

/** Evaluation speed (measure-engine.ts): each plan measured, printed and kept. */
async function measureEvaluation(plans: readonly EvaluationBenchConfig[], run: (config: EvaluationBenchConfig) => Promise<EvaluationBenchOutcome>, records: EvaluationBenchRecord[]): Promise<void> {
  for (const config of plans) {
    const record = { config, outcome: await run(config) };
    records.push(record);
    process.stdout.write(`${formatEvaluation(record)}\n`);
  }
}

function report(record: BenchRecord, records: BenchRecord[]): void {
  records.push(record);
  const { config, outcome } = record;
  const result = outcome.status === 'ok' ? `${outcome.speed.imagesPerSecond.toFixed(1)} images/s` : `${outcome.status}: ${outcome.reason}`;
  process.stdout.write(`  ${config.environment} ${config.loop === 'engine' ? 'our engine' : 'trainOnBatch'} ${config.backend} (${config.kernels} kernels) batch ${config.batchSize}: ${result}\n`);
}

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && !['node', 'chromium', 'classify', 'app', 'webgl', 'first-use', 'parallel', 'batch-norm'].includes(only)) throw new Error(`--only must be node, chromium, classify, app, webgl, first-use, parallel or batch-norm, got ${only}`);
  const machine = describeMachine();
  const records: BenchRecord[] = [];
  const classify: ClassifyBenchRecord[] = [];
  const evaluation: EvaluationBenchRecord[] = [];
  let app: AppBenchResult | null = null;
  let firstUse: FirstUseResult | null = null;
  let webgl: WebGLBenchReport | null = null;
  let wasmHeaps: WasmHeapRecord[] = [];
  const parallel: ParallelBenchRecord[] = [];
  let batchNorm: BatchNormBenchOutcome | null = null;
  const withParallel = only === undefined || only === 'node' || only === 'chromium' || only === 'parallel';
  const startedMs = performance.now();
  const full = only === undefined || only === 'node' || only === 'chromium';

  if (only === 'first-use') {
    process.stdout.write('A newcomer\'s waits (the app built, served by vite preview, fresh Chromium profiles):\n');
    firstUse = await withServedApp((url) => runFirstUseBench(url, (line) => process.stdout.write(`${line}\n`)));
    if (firstUse.problems.length > 0) throw new Error(`the app reported problems:\n${firstUse.problems.join('\n')}`);
  }
  if (withParallel && only !== 'chromium') {
    process.stdout.write('Data-parallel training, Node (worker threads), one worker and all workers stepped in turn:\n');
    await measureParallel(parallelPlans('node'), (config) => runParallelConfig(config, spawnNodeGradientWorker, 'main-thread'), parallel);
  }
  if (withParallel && only !== 'node') {
    process.stdout.write('Data-parallel training, Chromium worker (nested Web Workers), one worker and all workers stepped in turn:\n');
    await withBenchPage((page) => measureParallel(parallelPlans('chromium-isolated'), (config) => page.runParallel(config), parallel), { crossOriginIsolated: true });
    await withBenchPage((page) => measureParallel(parallelPlans('chromium'), (config) => page.runParallel(config), parallel));
  }
  if (only === undefined || only === 'node' || only === 'batch-norm') {
    process.stdout.write('Batch normalisation\'s gradient, Node, wasm, one thread (stock tfjs and ours in turn):\n');
    batchNorm = await runBatchNormBench(BATCH_NORM_PAIRS);
    process.stdout.write(`${formatBatchNormBench(batchNorm)}\n`);
  }
  if (only !== 'chromium' && only !== 'app' && only !== 'webgl' && only !== 'first-use' && only !== 'parallel' && only !== 'batch-norm') {
    process.stdout.write('Node:\n');
    if (only !== 'classify') {
      await runPlans('node', NODE_PLANS, (config) => runTrainingConfig(config, 'main-thread'), (configs) => runInterleavedConfigs(configs, 'main-thread'), records);
      process.stdout.write('wasm heap of training, a fresh Node process each (it never shrinks):\n');
      wasmHeaps = await measureWasmHeaps((line) => process.stdout.write(`${line}\n`));
    }
    await measureClassify(classifyPlans('node', 'wasm'), (config) => runClassifyConfig(config, 'main-thread'), classify);
    if (full) await measureEvaluation(EVALUATION_PLANS.filter((p) => p.environment === 'node'), (config) => runEvaluationConfig(config, 'main-thread'), evaluation);
  }
  if (only !== 'node' && only !== 'app' && only !== 'webgl' && only !== 'first-use' && only !== 'parallel' && only !== 'batch-norm') {
    process.stdout.write('Headless Chromium (Web Worker):\n');
    await withBenchPage(async (page) => {
      machine.chromium = page.userAgent;
      if (only !== 'classify') await runPlans('chromium', CHROMIUM_PLANS, (config) => page.run(config), (configs) => page.runInterleaved(configs), records);
      for (const backend of ['wasm', 'webgl'] as const) await measureClassify(classifyPlans('chromium', backend), (config) => page.runClassify(config), classify);
      if (full) await measureEvaluation(EVALUATION_PLANS.filter((p) => p.environment === 'chromium'), (config) => page.runEvaluation(config), evaluation);
    });
    if (only !== 'classify') {
      await withBenchPage(async (page) => {
        for (const plan of ISOLATED_PLANS) await runPlan('chromium-isolated', plan, (config) => page.run(config), records);
      }, { crossOriginIsolated: true });
    }
    const webglRecord = records.find((r) => r.config.backend === 'webgl' && r.outcome.status === 'ok');
    const webglClassify = classify.find((r) => r.config.backend === 'webgl' && r.outcome.status === 'ok')?.outcome;
    machine.webglRenderer = webglRecord?.outcome.status === 'ok' ? webglRecord.outcome.backendDetail : webglClassify?.status === 'ok' ? webglClassify.backendDetail : null;
  }
  if (only === undefined || only === 'chromium' || only === 'webgl') {
    process.stdout.write(`WebGL, stock tfjs against our GPU replacements (${USE_HARDWARE_GPU ? 'CHROMIUM_GPU=1: the real GPU asked for' : 'software WebGL unless CHROMIUM_GPU=1'}):\n`);
    webgl = await runWebGLBench(webglBenchPlan(USE_HARDWARE_GPU), (line) => process.stdout.write(`${line}\n`));
    machine.webglRenderer ??= webgl.renderer;
    machine.chromium ??= webgl.userAgent;
  }
  if (only === undefined || only === 'chromium' || only === 'app') {
    process.stdout.write('The app (built, served by vite preview, in headless Chromium):\n');
    app = await runAppBench((line) => process.stdout.write(`${line}\n`));
    if (app.problems.length > 0) throw new Error(`the app reported problems:\n${app.problems.join('\n')}`);
  }

  machine.loadAverageAfter = loadavg()[0] ?? null;
  const targets = [...checkTargets(records, classify, app, machine.webglRenderer), ...checkParallelTargets(parallel)];
  const result: BenchReport & { readonly classify: readonly ClassifyBenchRecord[]; readonly evaluation: readonly EvaluationBenchRecord[]; readonly app: AppBenchResult | null; readonly firstUse: FirstUseResult | null; readonly webgl: WebGLBenchReport | null; readonly wasmHeaps: readonly WasmHeapRecord[]; readonly parallel: readonly ParallelBenchRecord[]; readonly batchNorm: BatchNormBenchOutcome | null; readonly targets: typeof targets } = {
    generatedAt: new Date().toISOString(),
    machine,
    workload:
      'tutorial CNN (3 702 186 parameters), SGD momentum 0.5, synthetic 32×32×3 data: stock tfjs 4.22 model.trainOnBatch on one batch, ' +
      "or our engine's Trainer.step (shuffled uint8 batches, the tutorial's decayed SGD); images/s over the timed steps after one warm-up step",
    records,
    classify,
    evaluation,
    app,
    firstUse: app?.firstUse ?? firstUse,
    webgl,
    wasmHeaps,
    parallel,
    batchNorm,
    targets,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);
  const classifyLines = classify.map((record) => formatClassifyLatency(record.config, record.outcome));
  const sections = [
    formatReport(result),
    comparisons.length > 0 ? `Side by side (stock trainOnBatch and our engine on wasm, one step of each in turn):\n${comparisons.join('\n')}` : '',
    classifyLines.length > 0 ? `Classify latency, one picture after warm-up (decode + crop + resample + predict):\n${classifyLines.join('\n')}` : '',
    wasmHeaps.length > 0 ? `wasm heap of training after ${wasmHeaps[0]?.steps ?? 0} steps, a fresh Node process each (WebAssembly memory never shrinks: this is the peak):\n${wasmHeaps.map((r) => `  ${formatWasmHeap(r)}`).join('\n')}` : '',
    evaluation.length > 0 ? `Evaluation (the engine's evaluate: dropout off, loss and predicted classes read back):\n${evaluation.map(formatEvaluation).join('\n')}` : '',
    app ? `The app:\n${formatApp(app)}` : '',
    firstUse ? `A newcomer's waits:\n${formatFirstUse(firstUse)}` : '',
    webgl ? `WebGL, stock tfjs against our GPU replacements:\n${formatWebGLBench(webgl)}` : '',
    parallel.length > 0 ? formatParallelSection(parallel) : '',
    batchNorm ? `Batch normalisation's gradient (the Better recipe on wasm, Node, one thread):\n${formatBatchNormBench(batchNorm)}` : '',
    `Targets (issue 8, this machine):\n${formatTargets(targets)}`,
  ];
  process.stdout.write(`\n${sections.filter((section) => section !== '').join('\n\n')}\n\nWrote bench/results.json in ${Math.round((performance.now() - startedMs) / 1000)} s.\n`);
}

/** The data-parallel comparisons, then for each environment at batch 512: the profile, the parts of a data-parallel step, the projection. */
function formatParallelSection(records: readonly ParallelBenchRecord[]): string {
  const lines = ['Data-parallel training (issue 19), our engine on wasm, one worker against all workers, steps interleaved:', ...records.map(formatParallelComparison)];
  for (const record of records) {
    const { config, outcome } = record;
    if (outcome.status !== 'ok' || config.batchSize !== 512 || config.environment === 'chromium') continue;
    const environment = config.environment === 'node' ? 'Node' : 'Chromium worker';
    lines.push('', ...formatProfile(outcome.profile, environment), ...formatParallelParts(outcome, environment), ...formatProjection(config, outcome));
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
