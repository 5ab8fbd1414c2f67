/**
 * Runs configurations in headless Chromium: builds the bench page (browser/) with Vite, serves it
 * with `vite preview` on loopback, and drives it with playwright-core — the flags and the
 * other-origin guard of the end-to-end tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openAppSession } from '../../tests/e2e/browser';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../vite/cross-origin-isolation';
import { wasmThreadsPlugin } from '../vite/wasm-threads-plugin';
import type { BenchConfig, BenchOutcome, BenchPageApi } from './bench-types';
import type { ClassifyBenchConfig, ClassifyBenchOutcome, ClassifyBenchPageApi } from './measure-classify';
import type { EvaluationBenchConfig, EvaluationBenchOutcome, EvaluationBenchPageApi } from './measure-engine';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'browser');

/** A live bench page. */
export interface BenchPage {
  run(config: BenchConfig): Promise<BenchOutcome>;
  /** A classify-latency measurement in the page's worker. */
  runClassify(config: ClassifyBenchConfig): Promise<ClassifyBenchOutcome>;
  /** An evaluation measurement in the page's worker. */
  runEvaluation(config: EvaluationBenchConfig): Promise<EvaluationBenchOutcome>;
  /** Chromium's user agent string. */
  readonly userAgent: string;
  /** Console errors, page errors and requests to other origins seen so far (all should stay empty). */
  problems(): string[];
}

/**
 * Build and serve the bench page, open it, hand it to `use`, then close everything (also on error).
 * With `crossOriginIsolated`, the page is served with COOP/COEP headers, so tfjs's wasm backend
 * starts its threaded build (made minification-safe by wasmThreadsPlugin, as in the app).
 *
 * @throws Error when the page cannot be built, served or opened.
 */
export async function withBenchPage<T>(use: (page: BenchPage) => Promise<T>, options: { readonly crossOriginIsolated?: boolean } = {}): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-bench-page-'));
  try {
    await build({
      configFile: false,
      root: PAGE_ROOT,
      base: './',
      logLevel: 'warn',
      plugins: [wasmThreadsPlugin()],
      worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
      build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
    });
    const headers = options.crossOriginIsolated ? CROSS_ORIGIN_ISOLATION_HEADERS : {};
    const server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false, headers }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const session = await openAppSession(url);
    try {
      await session.page.goto(url);
      await session.page.waitForFunction(() => 'benchTrain' in window);
      const userAgent = await session.page.evaluate(() => navigator.userAgent);
      return await use({
        userAgent,
        run: (config) => session.page.evaluate((c) => (window as unknown as BenchPageApi).benchTrain(c), config),
        runClassify: (config) => session.page.evaluate((c) => (window as unknown as ClassifyBenchPageApi).benchClassify(c), config),
        runEvaluation: (config) => session.page.evaluate((c) => (window as unknown as EvaluationBenchPageApi).benchEvaluate(c), config),
        problems: () => [...session.errors, ...session.foreignRequests.map((request) => `request to another origin: ${request}`)],
      });
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
