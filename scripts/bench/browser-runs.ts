/**
 * Runs configurations in headless Chromium: builds the bench page (browser/) with Vite, serves it
 * with `vite preview` on loopback, and drives it with playwright-core — the flags and the
 * other-origin guard of the end-to-end tests.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../vite/cross-origin-isolation';
import { wasmThreadsPlugin } from '../vite/wasm-threads-plugin';
import type { BenchConfig, BenchOutcome, BenchPageApi, InterleavedBenchPageApi } from './bench-types';
import type { ClassifyBenchConfig, ClassifyBenchOutcome, ClassifyBenchPageApi } from './measure-classify';
import type { EvaluationBenchConfig, EvaluationBenchOutcome, EvaluationBenchPageApi } from './measure-engine';
import type { ParallelBenchConfig, ParallelBenchOutcome, ParallelBenchPageApi } from './measure-parallel';
import { withStaticPage } from './static-page';

const PAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'browser');

/** A live bench page. */
export interface BenchPage {
  run(config: BenchConfig): Promise<BenchOutcome>;
  /** A classify-latency measurement in the page's worker. */
  runClassify(config: ClassifyBenchConfig): Promise<ClassifyBenchOutcome>;
  /** An evaluation measurement in the page's worker. */
  runEvaluation(config: EvaluationBenchConfig): Promise<EvaluationBenchOutcome>;
  /** Configurations on one backend, their steps interleaved, in the page's worker. */
  runInterleaved(configs: readonly BenchConfig[]): Promise<BenchOutcome[]>;
  /** One worker against data-parallel workers, in the page's worker. */
  runParallel(config: ParallelBenchConfig): Promise<ParallelBenchOutcome>;
  /** Chromium's user agent string. */
  readonly userAgent: string;
}

/**
 * Build and serve the bench page, open it, hand it to `use`, then close everything (also on error).
 * With `crossOriginIsolated`, the page is served with COOP/COEP headers, so tfjs's wasm backend
 * starts its threaded build (made minification-safe by wasmThreadsPlugin, as in the app).
 *
 * @throws Error when the page cannot be built, served or opened, or logged an error or asked for
 * another origin (withStaticPage checks).
 */
export async function withBenchPage<T>(use: (page: BenchPage) => Promise<T>, options: { readonly crossOriginIsolated?: boolean } = {}): Promise<T> {
  const headers = options.crossOriginIsolated ? CROSS_ORIGIN_ISOLATION_HEADERS : {};
  return withStaticPage(PAGE_ROOT, 'benchTrain', { headers, plugins: () => [wasmThreadsPlugin()] }, ({ session, userAgent }) =>
    use({
      userAgent,
      run: (config) => session.page.evaluate((c) => (window as unknown as BenchPageApi).benchTrain(c), config),
      runClassify: (config) => session.page.evaluate((c) => (window as unknown as ClassifyBenchPageApi).benchClassify(c), config),
      runEvaluation: (config) => session.page.evaluate((c) => (window as unknown as EvaluationBenchPageApi).benchEvaluate(c), config),
      runInterleaved: (configs) => session.page.evaluate((c) => (window as unknown as InterleavedBenchPageApi).benchInterleaved(c), configs),
      runParallel: (config) => session.page.evaluate((c) => (window as unknown as ParallelBenchPageApi).benchParallel(c), config),
    }),
  );
}
