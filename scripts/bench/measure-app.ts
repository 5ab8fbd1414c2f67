/**
 * The app itself, as a user gets it: built (with a manifest) into a temporary folder, served by
 * `vite preview` with the project's config, and driven in headless Chromium like the end-to-end tests.
 *
 * - Time from navigation to the first interactive view: the three area links in the DOM (React drew
 *   the shell and its Learn view) and the badge ready (the engine started, after measuring the
 *   backends on a first visit); then again on a reload, which reuses the measured choice.
 * - The gzip size of the JavaScript loaded first (app-size.ts).
 * - JS heap of the page and the engine worker, tf.memory() and the wasm heap, after CIFAR-10 loaded
 *   and after a 3-epoch run (512 training images, 256 validation images, batch 64, on wasm).
 * - The frame interval on the page during that run: requestAnimationFrame deltas recorded in the page.
 * - The Quick demo recipe: the validation accuracy reached within 60 s of pressing Start
 *   (measure-quick-demo.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { openAppSession } from '../../tests/e2e/browser';
import { measureFirstLoadSize, type FirstLoadSize } from './app-size';
import { runFirstUseBench, type FirstUseResult } from './measure-first-use';
import { attachHeapInspector, type HeapInspector, type HeapUsage } from './heap-inspector';
import { fillRunSettings } from '../../tests/e2e/run-settings';
import { percentile } from './measure-classify';
import { FIRST_VIEW_MARKS_SCRIPT, FRAME_RECORDER_START, FRAME_RECORDER_STOP, TF_MEMORY_IN_WORKER } from './page-scripts';
import { formatQuickDemo, runQuickDemo, type QuickDemoMeasure } from './measure-quick-demo';

/** Navigation → first interactive view, milliseconds from the navigation's start. */
export interface VisitTiming {
  /** The three area links are in the DOM: the shell and the Learn view are drawn and usable. */
  readonly navUsableMs: number;
  /** The badge names a ready backend: the engine started (after measuring, on a first visit). */
  readonly badgeReadyMs: number;
  readonly backend: string;
}

/** Memory at one moment, bytes. */
export interface MemorySnapshot {
  readonly page: HeapUsage;
  readonly worker: HeapUsage;
  /** tf.memory() in the engine worker. */
  readonly tfTensors: number;
  readonly tfBytes: number;
  /** The wasm backend's linear memory (where its tensors live), or null off wasm. */
  readonly wasmHeapBytes: number | null;
}

/** The small training run and the page's frames during it. */
export interface TrainingRunMeasure {
  readonly backend: 'wasm';
  readonly trainImages: number;
  readonly validationImages: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seconds: number;
  /** images/s of each epoch, as the app's own table shows it. */
  readonly epochImagesPerSecond: readonly number[];
  readonly frames: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
}

/** Everything measured on the app. */
export interface AppBenchResult {
  readonly firstLoad: FirstLoadSize;
  /** A newcomer's waits: to a Classify answer and to an enabled Start, first visit and reload. */
  readonly firstUse: FirstUseResult;
  readonly firstVisit: VisitTiming;
  readonly repeatVisit: VisitTiming;
  /** Navigation to the Train area → CIFAR-10 downloaded, verified and in the worker (Start enabled); the profile's first load of it. */
  readonly dataReadyMs: number;
  readonly afterData: MemorySnapshot;
  readonly afterTraining: MemorySnapshot;
  readonly training: TrainingRunMeasure;
  /** The Quick demo recipe from Start: validation accuracy per epoch and at 60 s. */
  readonly quickDemo: QuickDemoMeasure;
  /** Console errors and requests to other origins seen (should be empty). */
  readonly problems: readonly string[];
}

const RUN = { trainImages: 512, validationImages: 256, epochs: 3, batchSize: 64 } as const;
const ENGINE_WORKER = /engine\.worker-[\w-]+\.js$/;

/**
 * Build the app (with a manifest) into a temporary folder, serve it with `vite preview` and the
 * project's config, and hand `measure` the URL and the folder; everything is removed afterwards.
 */
export async function withServedApp<T>(measure: (url: string, outDir: string) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'cnn-bench-app-'));
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
    const server = await preview({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    try {
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('vite preview did not report a local URL');
      return await measure(url, outDir);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Build, serve and measure the app. @throws Error when it cannot be built, served or driven. */
export async function runAppBench(log: (line: string) => void): Promise<AppBenchResult> {
  return withServedApp(async (url, outDir) => {
    const firstLoad = measureFirstLoadSize(outDir);
    const firstUse = await runFirstUseBench(url, log);
    const session = await openAppSession(url);
    try {
      const { page } = session;
      await page.addInitScript(FIRST_VIEW_MARKS_SCRIPT);
      const heaps = await attachHeapInspector(page);
      await page.goto(url);
      const firstVisit = await visitTiming(page);
      log(`  first visit: area links after ${firstVisit.navUsableMs.toFixed(0)} ms, badge ready (${firstVisit.backend}, after measuring) after ${firstVisit.badgeReadyMs.toFixed(0)} ms`);
      await page.reload();
      const repeatVisit = await visitTiming(page);
      log(`  reload: area links after ${repeatVisit.navUsableMs.toFixed(0)} ms, badge ready (${repeatVisit.backend}, remembered) after ${repeatVisit.badgeReadyMs.toFixed(0)} ms`);

      await page.goto(`${url}?backend=wasm#/train`);
      await expectEnabled(startButton(page), 300_000);
      const dataReadyMs = await page.evaluate(() => performance.now());
      const afterData = await memory(page, heaps);
      log(`  CIFAR-10 ready ${(dataReadyMs / 1000).toFixed(1)} s after navigation; ${describeMemory(afterData)}`);
      const training = await trainSmallRun(page);
      const afterTraining = await memory(page, heaps);
      log(`  after ${RUN.epochs} epochs: ${describeMemory(afterTraining)}`);
      const quickDemo = await runQuickDemo(page);
      log(formatQuickDemo(quickDemo));
      const problems = [...firstUse.problems, ...session.errors, ...session.foreignRequests.map((request) => `request to another origin: ${request}`)];
      return { firstLoad, firstUse, firstVisit, repeatVisit, dataReadyMs, afterData, afterTraining, training, quickDemo, problems };
    } finally {
      await session.close();
    }
  });
}

async function visitTiming(page: Page): Promise<VisitTiming> {
  await page.waitForFunction(() => (window as unknown as { __benchMarks?: { badgeReady?: number } }).__benchMarks?.badgeReady !== undefined, null, { timeout: 240_000 });
  const marks = await page.evaluate(() => (window as unknown as { __benchMarks: { navUsable: number; badgeReady: number } }).__benchMarks);
  const backend = (await page.locator('[data-backend]').getAttribute('data-backend')) ?? '';
  return { navUsableMs: marks.navUsable, badgeReadyMs: marks.badgeReady, backend };
}

function panel(page: Page) {
  return page.getByRole('region', { name: 'Train the network' });
}

function startButton(page: Page) {
  return panel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
}

async function expectEnabled(button: ReturnType<typeof startButton>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await button.isEnabled().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Start was not enabled within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function memory(page: Page, heaps: HeapInspector): Promise<MemorySnapshot> {
  const worker = page.workers().find((candidate) => ENGINE_WORKER.test(candidate.url()));
  if (!worker) throw new Error('the engine worker is not running');
  const tf = (await worker.evaluate(TF_MEMORY_IN_WORKER)) as { numTensors: number; numBytes: number; wasmHeapBytes: number | null };
  return { page: await heaps.page(), worker: await heaps.worker(ENGINE_WORKER), tfTensors: tf.numTensors, tfBytes: tf.numBytes, wasmHeapBytes: tf.wasmHeapBytes };
}

/** Set the small run up in the Train panel, record frames, Start, and wait for it to finish. */
async function trainSmallRun(page: Page): Promise<TrainingRunMeasure> {
  await fillRunSettings(panel(page), { trainImages: String(RUN.trainImages), validationImages: String(RUN.validationImages), batchSize: String(RUN.batchSize), epochs: String(RUN.epochs) });
  await expectEnabled(startButton(page), 10_000);
  await page.evaluate(FRAME_RECORDER_START);
  const startMs = Date.now();
  await startButton(page).click();
  const status = panel(page).getByRole('status', { name: 'Training status' });
  const deadline = startMs + 300_000;
  while ((await status.getAttribute('data-phase')) !== 'finished') {
    if (Date.now() > deadline) throw new Error('the 3-epoch run did not finish within 300 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (Date.now() - startMs) / 1000;
  const deltas = (await page.evaluate(FRAME_RECORDER_STOP)) as number[];
  // The per-epoch table is in the Train area's Results tab.
  await page.getByRole('tablist', { name: 'Train sections' }).getByRole('tab', { name: 'Results', exact: true }).click();
  const rows = await panel(page).getByRole('table', { name: 'Results per epoch' }).getByRole('row')
    .evaluateAll((elements) => elements.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
  const epochImagesPerSecond = rows.slice(1).filter((cells) => cells.length === 7).map((cells) => Number((cells[6] ?? '').replace(/[^\d.]/g, '')));
  return {
    backend: 'wasm',
    ...RUN,
    seconds,
    epochImagesPerSecond,
    frames: deltas.length,
    frameP50Ms: percentile(deltas, 50),
    frameP95Ms: percentile(deltas, 95),
    frameMaxMs: Math.max(...deltas),
  };
}

/** "page heap 12.3 MB, worker heap 4.5 MB (+184.4 MB buffers), tf 0 tensors / 0.0 MB, wasm heap 16.8 MB". */
export function describeMemory(snapshot: MemorySnapshot): string {
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  const wasm = snapshot.wasmHeapBytes === null ? '' : `, wasm heap ${mb(snapshot.wasmHeapBytes)}`;
  return (
    `page heap ${mb(snapshot.page.usedBytes)} (+${mb(snapshot.page.backingBytes)} buffers), ` +
    `worker heap ${mb(snapshot.worker.usedBytes)} (+${mb(snapshot.worker.backingBytes)} buffers), ` +
    `tf.memory() ${snapshot.tfTensors} tensors / ${mb(snapshot.tfBytes)}${wasm}`
  );
}
