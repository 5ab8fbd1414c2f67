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
 * `CHROMIUM_GPU=1 npm run bench` starts Chromium on the machine's real GPU (tests/chromium.ts): webgl
 * configurations are then timed like the fast ones, and the real-GPU target (our engine ≥ 2× stock
 * tfjs webgl at batch 512) is checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { BenchConfig, BenchEnvironment, BenchOutcome } from './bench-types';
import { withBenchPage } from './browser-runs';
import { describeMachine } from './machine';
import { runTrainingConfig } from './measure-training';
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

const NODE_PLANS: readonly Plan[] = [
  { backend: 'cpu', kernels: 'stock', loop: 'trainOnBatch', slow: true },
  { backend: 'wasm', kernels: 'stock', loop: 'trainOnBatch', slow: false },
  { backend: 'wasm', kernels: 'ours', loop: 'trainOnBatch', slow: false },
  { backend: 'wasm', kernels: 'ours', loop: 'engine', slow: false },
  { backend: 'cpu', kernels: 'stock', loop: 'engine', slow: true, proxy: STOCK_CPU_IN_NODE },
];
const CHROMIUM_PLANS: readonly Plan[] = [
  { backend: 'wasm', kernels: 'stock', loop: 'trainOnBatch', slow: false },
  { backend: 'wasm', kernels: 'ours', loop: 'trainOnBatch', slow: false },
  { backend: 'webgl', kernels: 'stock', loop: 'trainOnBatch', slow: WEBGL_IS_SLOW },
  { backend: 'wasm', kernels: 'ours', loop: 'engine', slow: false },
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

function configFor(environment: BenchEnvironment, plan: Plan, batchSize: number): BenchConfig {
  const { slow, backend, kernels, loop } = plan;
  const rest = { backend, kernels, loop };
  const warmUpOnlyAboveMs = STEP_BUDGET_MS;
  return slow
    ? { ...rest, environment, batchSize, minTimedSteps: 1, maxTimedSteps: 1, minTimedMs: 0, warmUpOnlyAboveMs }
    : { ...rest, environment, batchSize, minTimedSteps: 3, maxTimedSteps: 30, minTimedMs: 5_000, warmUpOnlyAboveMs };
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
  if (only !== undefined && !['node', 'chromium', 'classify', 'app', 'webgl', 'first-use'].includes(only)) throw new Error(`--only must be node, chromium, classify, app, webgl or first-use, got ${only}`);
  const machine = describeMachine();
  const records: BenchRecord[] = [];
  const classify: ClassifyBenchRecord[] = [];
  const evaluation: EvaluationBenchRecord[] = [];
  let app: AppBenchResult | null = null;
  let firstUse: FirstUseResult | null = null;
  let webgl: WebGLBenchReport | null = null;
  let wasmHeaps: WasmHeapRecord[] = [];
  const startedMs = performance.now();
  const full = only === undefined || only === 'node' || only === 'chromium';

  if (only === 'first-use') {
    process.stdout.write('A newcomer\'s waits (the app built, served by vite preview, fresh Chromium profiles):\n');
    firstUse = await withServedApp((url) => runFirstUseBench(url, (line) => process.stdout.write(`${line}\n`)));
    if (firstUse.problems.length > 0) throw new Error(`the app reported problems:\n${firstUse.problems.join('\n')}`);
  }
  if (only !== 'chromium' && only !== 'app' && only !== 'webgl' && only !== 'first-use') {
    process.stdout.write('Node:\n');
    if (only !== 'classify') {
      for (const plan of NODE_PLANS) await runPlan('node', plan, (config) => runTrainingConfig(config, 'main-thread'), records);
      process.stdout.write('wasm heap of training, a fresh Node process each (it never shrinks):\n');
      wasmHeaps = await measureWasmHeaps((line) => process.stdout.write(`${line}\n`));
    }
    await measureClassify(classifyPlans('node', 'wasm'), (config) => runClassifyConfig(config, 'main-thread'), classify);
    if (full) await measureEvaluation(EVALUATION_PLANS.filter((p) => p.environment === 'node'), (config) => runEvaluationConfig(config, 'main-thread'), evaluation);
  }
  if (only !== 'node' && only !== 'app' && only !== 'webgl' && only !== 'first-use') {
    process.stdout.write('Headless Chromium (Web Worker):\n');
    await withBenchPage(async (page) => {
      machine.chromium = page.userAgent;
      if (only !== 'classify') for (const plan of CHROMIUM_PLANS) await runPlan('chromium', plan, (config) => page.run(config), records);
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
  const targets = checkTargets(records, classify, app, machine.webglRenderer);
  const result: BenchReport & { readonly classify: readonly ClassifyBenchRecord[]; readonly evaluation: readonly EvaluationBenchRecord[]; readonly app: AppBenchResult | null; readonly firstUse: FirstUseResult | null; readonly webgl: WebGLBenchReport | null; readonly wasmHeaps: readonly WasmHeapRecord[]; readonly targets: typeof targets } = {
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
    targets,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);
  const classifyLines = classify.map((record) => formatClassifyLatency(record.config, record.outcome));
  const sections = [
    formatReport(result),
    classifyLines.length > 0 ? `Classify latency, one picture after warm-up (decode + crop + resample + predict):\n${classifyLines.join('\n')}` : '',
    wasmHeaps.length > 0 ? `wasm heap of training after ${wasmHeaps[0]?.steps ?? 0} steps, a fresh Node process each (WebAssembly memory never shrinks: this is the peak):\n${wasmHeaps.map((r) => `  ${formatWasmHeap(r)}`).join('\n')}` : '',
    evaluation.length > 0 ? `Evaluation (the engine's evaluate: dropout off, loss and predicted classes read back):\n${evaluation.map(formatEvaluation).join('\n')}` : '',
    app ? `The app:\n${formatApp(app)}` : '',
    firstUse ? `A newcomer's waits:\n${formatFirstUse(firstUse)}` : '',
    webgl ? `WebGL, stock tfjs against our GPU replacements:\n${formatWebGLBench(webgl)}` : '',
    `Targets (issue 8, this machine):\n${formatTargets(targets)}`,
  ];
  process.stdout.write(`\n${sections.filter((section) => section !== '').join('\n\n')}\n\nWrote bench/results.json in ${Math.round((performance.now() - startedMs) / 1000)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
