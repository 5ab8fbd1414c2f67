/**
 * `npx tsx scripts/bench/webgl-warmup.ts [--batch=8] [--train=12] [--validation=12]`: what the shader
 * warm-up (Trainer.warmUp, src/engine/training/warm-up.ts) changes for the user, in headless Chromium on
 * its WebGL (the e2e tests' flags and other-origin guard). For each variant, in a fresh page (tfjs keeps
 * compiled programs for a page's lifetime): the tutorial model's warm-up, first step, last partial step
 * with validation, and next epoch's first step — wall time until read back, and WebGL programs compiled.
 * Variants: with and without the warm-up, each with tfjs' WEBGL_USE_SHAPES_UNIFORMS off and on.
 * Prints a table and writes bench/webgl-warmup/results.json.
 *
 * On SwiftShader (no GPU) one compile costs the CPU about as much as on a GPU driver, but the steps
 * themselves are slow too; the small default batch keeps a variant near a minute.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openAppSession } from '../../tests/e2e/browser';
import type { WarmUpBenchOptions, WarmUpBenchPageApi, WarmUpBenchResult } from './webgl-warmup/types';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'webgl-warmup');

/**
 * Build and serve the page, run every variant in a fresh load of it, close everything (also on error).
 * @throws Error when the page cannot be built, served or opened, a variant fails, or the page logged an
 * error or asked for another origin.
 */
export async function runWarmUpBench(variants: readonly WarmUpBenchOptions[]): Promise<{ userAgent: string; results: WarmUpBenchResult[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-webgl-warmup-'));
  try {
    await build({ configFile: false, root: PAGE_ROOT, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 } });
    const server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const session = await openAppSession(url);
    try {
      const results: WarmUpBenchResult[] = [];
      for (const variant of variants) {
        await session.page.goto(url);
        await session.page.waitForFunction(() => 'benchWarmUp' in window);
        results.push(await session.page.evaluate((options) => (window as unknown as WarmUpBenchPageApi).benchWarmUp(options), variant));
        process.stderr.write(`measured ${describeVariant(variant)}\n`);
      }
      const userAgent = await session.page.evaluate(() => navigator.userAgent);
      const problems = [...session.errors, ...session.foreignRequests.map((request) => `request to another origin: ${request}`)];
      if (problems.length > 0) throw new Error(`the benchmark page reported problems:\n${problems.join('\n')}`);
      return { userAgent, results };
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function describeVariant(options: WarmUpBenchOptions): string {
  return `${options.warmUp ? 'warm-up' : 'no warm-up'}, shape uniforms ${options.shapeUniforms ? 'on' : 'off'}`;
}

/** The printed table: one block per variant, one line per phase. */
export function formatWarmUpReport(report: { userAgent: string; results: WarmUpBenchResult[] }): string {
  const lines = report.results.flatMap((result) => {
    const total = result.phases.reduce((sum, phase) => sum + phase.ms, 0);
    return [
      `${describeVariant(result.options)} (batch ${result.options.batchSize}, ${result.options.trainImages} training / ${result.options.validationImages} validation images):`,
      ...result.phases.map((phase) => `  ${phase.name.padEnd(44)} ${(phase.ms / 1000).toFixed(2).padStart(8)} s ${String(phase.programsCompiled).padStart(5)} programs`),
      `  ${'total'.padEnd(44)} ${(total / 1000).toFixed(2).padStart(8)} s ${String(result.phases.reduce((sum, phase) => sum + phase.programsCompiled, 0)).padStart(5)} programs`,
    ];
  });
  return [`WebGL renderer: ${report.results[0]?.renderer ?? 'unknown'}`, `Chromium: ${report.userAgent}`, 'Tutorial model on webgl, each phase until read back:', ...lines].join('\n');
}

function positiveInteger(argument: string | undefined, fallback: number): number {
  if (argument === undefined) return fallback;
  const value = Number(argument);
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a whole number ≥ 1, got ${argument}`);
  return value;
}

async function main(): Promise<void> {
  const argument = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const base = { batchSize: positiveInteger(argument('batch'), 8), trainImages: positiveInteger(argument('train'), 12), validationImages: positiveInteger(argument('validation'), 12) };
  const variants: WarmUpBenchOptions[] = [false, true].flatMap((shapeUniforms) => [false, true].map((warmUp) => ({ ...base, warmUp, shapeUniforms })));
  const report = await runWarmUpBench(variants);
  process.stdout.write(`${formatWarmUpReport(report)}\n`);
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'webgl-warmup');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
