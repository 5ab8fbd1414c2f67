import { describe, expect, test } from 'vitest';
import type { BenchConfig } from '../../scripts/bench/bench-types';
import { describeMachine } from '../../scripts/bench/machine';
import { formatReport } from '../../scripts/bench/report';
import { proxySkipReason, skipReason } from '../../scripts/bench/step-budget';

const config = (backend: BenchConfig['backend'], kernels: BenchConfig['kernels'], batchSize: number, loop: BenchConfig['loop'] = 'trainOnBatch'): BenchConfig => ({
  environment: 'node',
  backend,
  loop,
  kernels,
  batchSize,
  minTimedSteps: 1,
  maxTimedSteps: 1,
  minTimedMs: 0,
  warmUpOnlyAboveMs: 60_000,
});

const ok = (imagesPerSecond: number) => ({ status: 'ok', speed: { imagesPerSecond, firstStepMs: 1500, stepMs: [100, 100] }, backendDetail: 'SIMD on, 1 thread(s)' }) as const;

describe('benchmark step budget', () => {
  test('skips a batch whose predicted step exceeds the budget, and says why with the numbers', () => {
    expect(skipReason(ok(3), 64, 512)).toBe('one step would take about 171 s (3.0 images/s at batch 64), over the 60 s budget per step');
    expect(skipReason(ok(200), 64, 512)).toBeNull();
    // 512 / 8.6 = 59.5 s: just inside.
    expect(skipReason(ok(8.6), 64, 512)).toBeNull();
  });

  test('a configuration on the same kernels as a measured one is predicted from it, and says so', () => {
    expect(proxySkipReason(ok(0.5), 'stock trainOnBatch on cpu in Node', 64)).toBe(
      'same kernels as stock trainOnBatch on cpu in Node: one step would take about 128 s (0.5 images/s at batch 64), over the 60 s budget per step',
    );
    expect(proxySkipReason(ok(200), 'x', 64)).toBeNull();
    expect(proxySkipReason(undefined, 'x', 64)).toBeNull();
  });

  test('a failed small batch predicts nothing: the large one runs', () => {
    expect(skipReason({ status: 'failed', reason: 'cannot train: no Conv2DBackpropFilter kernel' }, 64, 512)).toBeNull();
  });
});

describe('benchmark report', () => {
  test('names the machine and the renderer and gives one row per configuration', () => {
    const machine = { ...describeMachine(), chromium: 'HeadlessChrome/156', webglRenderer: 'SwiftShader' };
    const text = formatReport({
      generatedAt: '2026-01-01T00:00:00Z',
      machine,
      workload: 'tutorial CNN',
      records: [
        { config: config('wasm', 'stock', 64), outcome: { status: 'failed', reason: 'cannot train: no Conv2DBackpropFilter kernel' } },
        { config: config('wasm', 'ours', 64), outcome: ok(250) },
        { config: config('cpu', 'stock', 512), outcome: { status: 'skipped', reason: 'too slow' } },
        { config: config('cpu', 'stock', 64), outcome: { status: 'ok', speed: { imagesPerSecond: 0.5, firstStepMs: 128_000, stepMs: [] }, backendDetail: 'cpu' } },
        { config: config('wasm', 'ours', 512, 'engine'), outcome: ok(180) },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toContain(`${machine.cpuModel}, ${machine.cores} cores`);
    expect(lines[1]).toBe('Chromium: HeadlessChrome/156; WebGL renderer: SwiftShader');
    const rows = lines.slice(lines.findIndex((line) => line.startsWith('where')) + 2);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^Node\s+stock trainOnBatch\s+wasm\s+stock\s+64\s+—.*failed: cannot train: no Conv2DBackpropFilter kernel$/);
    // Each timed step of 100 ms at batch 64 is 640 images/s: the range of the steps (here one value).
    expect(rows[1]).toMatch(/^Node\s+stock trainOnBatch\s+wasm\s+stock \+ ours\s+64\s+250\.0\s+640–640\s+1\.5 s\s+2\s+SIMD on, 1 thread\(s\)$/);
    expect(rows[2]).toMatch(/skipped: too slow$/);
    expect(rows[3]).toMatch(/^Node\s+stock trainOnBatch\s+cpu\s+stock\s+64\s+0\.5\s+—\s+128\.0 s\s+0\s+cpu; from the warm-up step alone/);
    expect(rows[4]).toMatch(/^Node\s+our engine \(Trainer, 1 worker\)\s+wasm\s+stock \+ ours\s+512\s+180\.0/);
  });
});
