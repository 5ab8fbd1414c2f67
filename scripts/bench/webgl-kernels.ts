/**
 * `npx tsx scripts/bench/webgl-kernels.ts [--batches=8,32] [--min-ms=4000] [--step-batches=8] [--steps=2]`:
 * stock tfjs's WebGL `Conv2DBackpropFilter` against ours (src/engine/webgl/conv2d-backprop-filter.ts)
 * on the tutorial's two convolution shapes, then whole training steps of the tutorial model
 * (`trainOnBatch`) with stock webgl kernels and with ours (`--step-batches=none` skips them), in
 * headless Chromium (the e2e tests' flags and other-origin guard). Prints a table with the WebGL
 * renderer and writes bench/webgl-kernels/results.json (git-ignored).
 *
 * On a machine without a GPU the renderer is SwiftShader, which runs shaders on a few CPU cores:
 * there, the extra threads of the split reduction find no idle cores, and what shows is the 2×2
 * blocking's halving of texture reads; the parallelism the split exists for needs a real GPU.
 * `runWebGLKernelBench` is exported so `npm run bench` can include it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openAppSession } from '../../tests/e2e/browser';
import type { ConvFilterBenchCase, ConvFilterBenchOptions, ConvFilterBenchPageApi, ConvFilterBenchResult, StepBenchResult } from './webgl-kernels/types';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'webgl-kernels');

/** The tutorial's two convolutions: 3→32 channels 3×3 'same' on 32×32, and 32→32 3×3 'valid'. */
export function tutorialConvFilterCases(batches: readonly number[]): ConvFilterBenchCase[] {
  return batches.flatMap((n): ConvFilterBenchCase[] => [
    { name: `layer 1, batch ${n}`, xShape: [n, 32, 32, 3], filterShape: [3, 3, 3, 32], pad: 'same' },
    { name: `layer 2, batch ${n}`, xShape: [n, 32, 32, 32], filterShape: [3, 3, 32, 32], pad: 'valid' },
  ]);
}

/** What one run measured. */
export interface WebGLKernelBenchReport {
  readonly userAgent: string;
  readonly renderer: string;
  readonly results: ConvFilterBenchResult[];
  readonly steps: StepBenchResult[];
}

/**
 * Build and serve the benchmark page, time every case in it, close everything (also on error).
 *
 * @throws Error when the page cannot be built, served or opened, a case fails, or the page logged an
 * error or asked for another origin.
 */
export async function runWebGLKernelBench(
  cases: readonly ConvFilterBenchCase[],
  options: ConvFilterBenchOptions,
  step: { readonly batchSizes: readonly number[]; readonly steps: number },
): Promise<WebGLKernelBenchReport> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-webgl-kernels-'));
  try {
    await build({ configFile: false, root: PAGE_ROOT, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 } });
    const server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const session = await openAppSession(url);
    try {
      await session.page.goto(url);
      await session.page.waitForFunction(() => 'benchConvFilter' in window);
      const userAgent = await session.page.evaluate(() => navigator.userAgent);
      const measured = await session.page.evaluate(([c, o]) => (window as unknown as ConvFilterBenchPageApi).benchConvFilter(c, o), [cases, options] as const);
      const steps = await session.page.evaluate(([b, n]) => (window as unknown as ConvFilterBenchPageApi).benchTutorialStep(b, n), [step.batchSizes, step.steps] as const);
      const problems = [...session.errors, ...session.foreignRequests.map((request) => `request to another origin: ${request}`)];
      if (problems.length > 0) throw new Error(`the benchmark page reported problems:\n${problems.join('\n')}`);
      return { userAgent, ...measured, steps };
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const fixed = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The printed table: one line per case. */
export function formatWebGLKernelReport(report: WebGLKernelBenchReport): string {
  const header = 'case                 | threads stock → ours (G × rows) | first call ms stock / ours | median ms stock / ours (n) | stock ÷ ours | max diff / max |stock|';
  const lines = report.results.map((r) => {
    const threads = `${r.stockThreads} → ${r.ourThreads} (${r.split.groups} × ${r.split.rowsPerGroup})`;
    const first = `${fixed(r.stock.firstCallMs)} / ${fixed(r.ours.firstCallMs)}`;
    const median = `${fixed(r.stock.medianMs)} / ${fixed(r.ours.medianMs)} (${r.ours.samplesMs.length})`;
    const ratio = (r.stock.medianMs / r.ours.medianMs).toFixed(2);
    return `${r.benchCase.name.padEnd(20)} | ${threads.padEnd(31)} | ${first.padEnd(26)} | ${median.padEnd(26)} | ${ratio.padStart(12)} | ${r.largestRelativeDifference.toExponential(1)}`;
  });
  const stepLines = report.steps.map((s) => {
    const line = `tutorial model trainOnBatch, batch ${s.batchSize}: first step ${fixed(s.stock.firstStepMs)} / ${fixed(s.ours.firstStepMs)} ms (stock's compiles the shaders both share), median ${fixed(s.stock.medianMs)} / ${fixed(s.ours.medianMs)} ms (${s.ours.samplesMs.length} each)`;
    return `${line}, stock ÷ ours ${(s.stock.medianMs / s.ours.medianMs).toFixed(2)}`;
  });
  const table = [`WebGL renderer: ${report.renderer}`, `Chromium: ${report.userAgent}`, 'Conv2DBackpropFilter, stock tfjs 4.22 webgl vs ours (wall time per call until read back):', header, ...lines];
  return [...table, ...(stepLines.length > 0 ? ['Whole training steps, stock webgl kernels / ours:', ...stepLines] : [])].join('\n');
}

function numberList(argument: string | undefined, fallback: number[]): number[] {
  if (argument === undefined) return fallback;
  const list = argument.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`expected a comma-separated list of positive integers, got ${argument}`);
  return list;
}

async function main(): Promise<void> {
  const argument = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const batches = numberList(argument('batches'), [8, 32]);
  const minTotalMs = numberList(argument('min-ms'), [4000])[0] ?? 4000;
  const stepBatches = argument('step-batches') === 'none' ? [] : numberList(argument('step-batches'), [8]);
  const steps = numberList(argument('steps'), [2])[0] ?? 2;
  const report = await runWebGLKernelBench(tutorialConvFilterCases(batches), { minSamples: 3, minTotalMs, maxSamples: 20 }, { batchSizes: stepBatches, steps });
  process.stdout.write(`${formatWebGLKernelReport(report)}\n`);
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'webgl-kernels');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
