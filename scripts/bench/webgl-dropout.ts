/**
 * Dropout on webgl: stock `tf.dropout` (mask drawn in JavaScript, uploaded) against ours (mask drawn by
 * the CnnpDropoutMask shader), in headless Chromium, on the tutorial's first dropout input
 * [N, 32, 32, 32] at batch 64 and 512. Each call is followed by a scalar sum read back; `sum only`
 * is that sum alone, so "dropout's own" time is a path's time minus it.
 *
 * Usage: npx tsx scripts/bench/webgl-dropout.ts [--calls N]   (CHROMIUM_GPU=1 for a real GPU)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openAppSession } from '../../tests/e2e/browser';
import type { DropoutBenchConfig, DropoutBenchOutcome, DropoutBenchPageApi, DropoutBenchRow } from './dropout-types';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'dropout-page');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function callsArgument(argv: readonly string[]): number {
  const index = argv.indexOf('--calls');
  if (index < 0) return 3;
  const calls = Number(argv[index + 1]);
  if (!Number.isInteger(calls) || calls < 1) throw new Error(`--calls must be an integer ≥ 1, got ${argv[index + 1] ?? 'nothing'}`);
  return calls;
}

async function runPage(config: DropoutBenchConfig): Promise<{ outcome: DropoutBenchOutcome; problems: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-dropout-bench-'));
  try {
    await build({ configFile: false, root: PAGE_ROOT, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 } });
    const server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const session = await openAppSession(url);
    try {
      await session.page.goto(url);
      await session.page.waitForFunction(() => 'benchDropout' in window);
      const outcome = await session.page.evaluate((c) => (window as unknown as DropoutBenchPageApi).benchDropout(c), config);
      return { outcome, problems: [...session.errors, ...session.foreignRequests] };
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function printRow(row: DropoutBenchRow): void {
  const stock = median(row.stockMs);
  const ours = median(row.oursMs);
  const sumOnly = median(row.sumOnlyMs);
  const format = (ms: number) => `${ms.toFixed(1)} ms`;
  const fastest = (values: readonly number[]) => format(Math.min(...values));
  process.stdout.write(
    `[${row.shape.join(', ')}]  stock ${format(stock)}  ours ${format(ours)}  sum only ${format(sumOnly)}  ` +
      `dropout's own: stock ${format(stock - sumOnly)}, ours ${format(ours - sumOnly)}  (${(stock / ours).toFixed(2)}× per call)\n` +
      `    fastest call: stock ${fastest(row.stockMs)}, ours ${fastest(row.oursMs)}, sum only ${fastest(row.sumOnlyMs)}\n` +
      `    stock ${row.stockMs.map((ms) => ms.toFixed(0)).join(', ')} | ours ${row.oursMs.map((ms) => ms.toFixed(0)).join(', ')} | sum ${row.sumOnlyMs.map((ms) => ms.toFixed(0)).join(', ')}\n`,
  );
}

async function main(): Promise<void> {
  const config: DropoutBenchConfig = { shapes: [[64, 32, 32, 32], [512, 32, 32, 32]], rate: 0.2, timedCalls: callsArgument(process.argv) };
  const { outcome, problems } = await runPage(config);
  if (outcome.status !== 'ok') throw new Error(`the benchmark page failed: ${outcome.reason}`);
  process.stdout.write(`WebGL ${outcome.webglVersion} on ${outcome.renderer}; rate ${config.rate}; median of ${config.timedCalls} timed calls after one warm-up, each with a scalar sum read back\n`);
  outcome.rows.forEach(printRow);
  if (problems.length > 0) throw new Error(`the page reported problems: ${problems.join('; ')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
