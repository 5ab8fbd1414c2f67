/**
 * `npm run bench`: training speed of the tutorial's CNN (images per second) for stock tfjs on each
 * backend and for wasm with our kernels, in Node and in a Web Worker in headless Chromium. Prints a
 * table and writes bench/results.json (git-ignored) with the machine and the WebGL renderer.
 *
 * `--only=node` or `--only=chromium` runs one half; `--only=classify` measures only the classify latency
 * of one picture (scripts/bench/measure-classify.ts), which the other runs also measure. A full run takes about 3 minutes on an idle
 * 2-core machine without a GPU; configurations that would take minutes per step are skipped with the
 * reason stated. The load average is recorded before and after: other work on the machine slows
 * every number here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { BenchConfig, BenchEnvironment, BenchOutcome } from './bench-types';
import { withBenchPage } from './browser-runs';
import { describeMachine } from './machine';
import { runTrainingConfig } from './measure-training';
import { classifyPlans, formatClassifyLatency, runClassifyConfig, type ClassifyBenchConfig, type ClassifyBenchOutcome, type ClassifyBenchRecord } from './measure-classify';
import { formatReport, type BenchRecord, type BenchReport } from './report';
import { STEP_BUDGET_MS, skipReason } from './step-budget';

type Plan = Pick<BenchConfig, 'backend' | 'kernels'> & {
  /** Slow configurations (tens of seconds a step) time 1 step; fast ones at least 3 steps and 5 s. */
  readonly slow: boolean;
};

const NODE_PLANS: readonly Plan[] = [
  { backend: 'cpu', kernels: 'stock', slow: true },
  { backend: 'wasm', kernels: 'stock', slow: false },
  { backend: 'wasm', kernels: 'ours', slow: false },
];
const CHROMIUM_PLANS: readonly Plan[] = [
  { backend: 'wasm', kernels: 'stock', slow: false },
  { backend: 'wasm', kernels: 'ours', slow: false },
  { backend: 'webgl', kernels: 'stock', slow: true },
];

function configFor(environment: BenchEnvironment, plan: Plan, batchSize: number): BenchConfig {
  const { slow, ...rest } = plan;
  const warmUpOnlyAboveMs = STEP_BUDGET_MS;
  return slow
    ? { ...rest, environment, batchSize, minTimedSteps: 1, maxTimedSteps: 1, minTimedMs: 0, warmUpOnlyAboveMs }
    : { ...rest, environment, batchSize, minTimedSteps: 3, maxTimedSteps: 30, minTimedMs: 5_000, warmUpOnlyAboveMs };
}

/** Batch 64, then batch 512 unless batch 64 predicts a step over the budget. */
async function runPlan(environment: BenchEnvironment, plan: Plan, run: (config: BenchConfig) => Promise<BenchOutcome>, records: BenchRecord[]): Promise<void> {
  const small = configFor(environment, plan, 64);
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

function report(record: BenchRecord, records: BenchRecord[]): void {
  records.push(record);
  const { config, outcome } = record;
  const result = outcome.status === 'ok' ? `${outcome.speed.imagesPerSecond.toFixed(1)} images/s` : `${outcome.status}: ${outcome.reason}`;
  process.stdout.write(`  ${config.environment} ${config.backend} (${config.kernels} kernels) batch ${config.batchSize}: ${result}\n`);
}

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && only !== 'node' && only !== 'chromium' && only !== 'classify') throw new Error(`--only must be node, chromium or classify, got ${only}`);
  const machine = describeMachine();
  const records: BenchRecord[] = [];
  const classify: ClassifyBenchRecord[] = [];
  const startedMs = performance.now();

  if (only !== 'chromium') {
    process.stdout.write('Node:\n');
    if (only !== 'classify') for (const plan of NODE_PLANS) await runPlan('node', plan, (config) => runTrainingConfig(config, 'main-thread'), records);
    await measureClassify(classifyPlans('node', 'wasm'), (config) => runClassifyConfig(config, 'main-thread'), classify);
  }
  if (only !== 'node') {
    process.stdout.write('Headless Chromium (Web Worker):\n');
    await withBenchPage(async (page) => {
      machine.chromium = page.userAgent;
      if (only !== 'classify') for (const plan of CHROMIUM_PLANS) await runPlan('chromium', plan, (config) => page.run(config), records);
      for (const backend of ['wasm', 'webgl'] as const) await measureClassify(classifyPlans('chromium', backend), (config) => page.runClassify(config), classify);
      const problems = page.problems();
      if (problems.length > 0) throw new Error(`the bench page reported problems:\n${problems.join('\n')}`);
    });
    const webgl = records.find((r) => r.config.backend === 'webgl' && r.outcome.status === 'ok');
    const webglClassify = classify.find((r) => r.config.backend === 'webgl' && r.outcome.status === 'ok')?.outcome;
    machine.webglRenderer = webgl?.outcome.status === 'ok' ? webgl.outcome.backendDetail : webglClassify?.status === 'ok' ? webglClassify.backendDetail : null;
  }

  machine.loadAverageAfter = loadavg()[0] ?? null;
  const result: BenchReport & { readonly classify: readonly ClassifyBenchRecord[] } = {
    generatedAt: new Date().toISOString(),
    machine,
    workload:
      'tutorial CNN (3 702 186 parameters), stock tfjs 4.22 model.trainOnBatch, SGD momentum 0.5, synthetic 32×32×3 batches; ' +
      'images/s over the timed steps after one warm-up step',
    records,
    classify,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(result, null, 2)}\n`);
  const classifyLines = classify.map((record) => formatClassifyLatency(record.config, record.outcome));
  process.stdout.write(`\n${formatReport(result)}\n\nClassify latency, one picture after warm-up (decode + crop + resample + predict):\n${classifyLines.join('\n')}\n\nWrote bench/results.json in ${Math.round((performance.now() - startedMs) / 1000)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
