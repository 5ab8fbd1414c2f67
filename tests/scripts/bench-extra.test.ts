import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { measureFirstLoadSize } from '../../scripts/bench/app-size';
import type { BenchConfig } from '../../scripts/bench/bench-types';
import type { AppBenchResult } from '../../scripts/bench/measure-app';
import type { ClassifyBenchRecord } from '../../scripts/bench/measure-classify';
import type { BenchRecord } from '../../scripts/bench/report';
import { checkTargets, formatTargets } from '../../scripts/bench/report-extra';
import { formatWasmHeap } from '../../scripts/bench/wasm-heap';

describe('first-load JavaScript from the build manifest', () => {
  test('the entry and its static imports, never its dynamic ones; sizes raw and gzipped; the engine worker apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-size-'));
    try {
      mkdirSync(join(dir, '.vite'));
      mkdirSync(join(dir, 'assets'));
      const files = { 'assets/index-a.js': 'console.log("entry");'.repeat(50), 'assets/vendor-b.js': 'export const v = 1;'.repeat(80), 'assets/lazy-c.js': 'lazy', 'assets/engine.worker-d.js': 'self.onmessage = () => {};' };
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
      writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify({
        'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_vendor'], dynamicImports: ['src/lazy.ts'], css: ['assets/index.css'] },
        _vendor: { file: 'assets/vendor-b.js' },
        'src/lazy.ts': { file: 'assets/lazy-c.js', isDynamicEntry: true },
      }));
      const size = measureFirstLoadSize(dir);
      expect(size.files.map((f) => f.file)).toEqual(['assets/index-a.js', 'assets/vendor-b.js']);
      expect(size.totalBytes).toBe(files['assets/index-a.js'].length + files['assets/vendor-b.js'].length);
      const entryGzip = gzipSync(Buffer.from(files['assets/index-a.js'])).length;
      expect(size.files[0]?.gzipBytes).toBe(entryGzip);
      expect(size.totalGzipBytes).toBeLessThan(size.totalBytes);
      expect(size.engineWorker?.file).toBe('assets/engine.worker-d.js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the targets', () => {
  const config = (loop: BenchConfig['loop'], backend: BenchConfig['backend']): BenchConfig => ({
    environment: 'chromium', backend, loop, kernels: 'ours', batchSize: 64, minTimedSteps: 1, maxTimedSteps: 1, minTimedMs: 0, warmUpOnlyAboveMs: 1,
  });
  const ok = (imagesPerSecond: number) => ({ status: 'ok', speed: { imagesPerSecond, firstStepMs: 1, stepMs: [1] }, backendDetail: '' }) as const;

  test('met, not met, and not measured, each with its number', () => {
    const records: BenchRecord[] = [{ config: config('engine', 'wasm'), outcome: ok(150) }, { config: config('trainOnBatch', 'webgl'), outcome: ok(5) }];
    const classify = [{ config: { kind: 'classify', environment: 'chromium', backend: 'wasm', pictureWidth: 640, pictureHeight: 480, warmupRuns: 1, timedRuns: 1 }, outcome: { status: 'ok', latency: { medianMs: 25, p95Ms: 30, predictMedianMs: 5, predictP95Ms: 6, firstMs: 100, timedRuns: 1 }, backendDetail: '' } }] as ClassifyBenchRecord[];
    const checks = checkTargets(records, classify, null, 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)');
    expect(checks.map((c) => c.met)).toEqual([true, false, false, null, null, null]);
    expect(checks[1]?.measured).toBe('30.0× (150.0 vs 5.00 images/s)');
    const text = formatTargets(checks);
    expect(text).toContain('met      our engine trains ≥ 100 images/s in Chromium (wasm, batch 64): 150.0 images/s');
    expect(text).toContain('NOT met  classify median < 20 ms (Chromium wasm, 640×480 JPEG): 25.0 ms');
    expect(text).toContain('not measured  frame-interval p95 < 50 ms on the page while training: not measured in this run');
    const app = { training: { frameP95Ms: 17 }, quickDemo: { accuracyAtDeadline: 0.512, epochs: [], deadlineSeconds: 60 } } as unknown as AppBenchResult;
    expect(checkTargets([], [], app, null)[3]).toEqual({ target: 'frame-interval p95 < 50 ms on the page while training', measured: '17.0 ms', met: true });
    expect(checkTargets([], [], app, null)[5]).toMatchObject({ measured: '51.2 %', met: true });
    // A demo with no epoch done within the minute did not meet it (rather than "not measured").
    const slow = { ...app, quickDemo: { accuracyAtDeadline: null, epochs: [], deadlineSeconds: 60 } } as AppBenchResult;
    expect(checkTargets([], [], slow, null)[5]).toMatchObject({ measured: '0.0 %', met: false });
  });

  test('the real-GPU target is judged only on a hardware renderer, at batch 512, ours against stock trainOnBatch', () => {
    const at512 = (loop: BenchConfig['loop'], kernels: BenchConfig['kernels']): BenchConfig => ({ ...config(loop, 'webgl'), kernels, batchSize: 512 });
    const records: BenchRecord[] = [
      { config: at512('engine', 'ours'), outcome: ok(9000) },
      { config: at512('engine', 'stock'), outcome: ok(4000) },
      { config: at512('trainOnBatch', 'stock'), outcome: ok(3000) },
    ];
    const gpu = checkTargets(records, [], null, 'ANGLE (NVIDIA, Vulkan 1.3.277 (NVIDIA H100 80GB HBM3), NVIDIA)')[4];
    expect(gpu).toMatchObject({ met: true, measured: '3.00× (9000.0 vs 3000.0 images/s)' });
    const slower: BenchRecord[] = [{ config: at512('engine', 'ours'), outcome: ok(5000) }, { config: at512('trainOnBatch', 'stock'), outcome: ok(3000) }];
    expect(checkTargets(slower, [], null, 'NVIDIA H100')[4]?.met).toBe(false);
    expect(checkTargets(records, [], null, 'SwiftShader')[4]?.met).toBeNull();
  });
});

describe('the wasm heap lines', () => {
  test('name the loop and batch, the heap in MB and the speed; a failure says why', () => {
    expect(formatWasmHeap({ loop: 'engine', batchSize: 512, steps: 3, heapBytes: 251.5 * 2 ** 20, imagesPerSecond: 280.4, failure: null })).toBe('our engine, batch 512: wasm heap 251.5 MB after 3 steps (280 images/s)');
    expect(formatWasmHeap({ loop: 'trainOnBatch', batchSize: 512, steps: 3, heapBytes: null, imagesPerSecond: null, failure: 'child exited 1: out of memory' })).toBe(
      'stock trainOnBatch (our kernels), batch 512: failed: child exited 1: out of memory',
    );
  });
});
