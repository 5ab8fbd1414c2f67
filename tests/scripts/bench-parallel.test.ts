import { describe, expect, test } from 'vitest';
import type { ParallelBenchConfig, ParallelBenchOutcome } from '../../scripts/bench/measure-parallel';
import { checkParallelTargets, formatParallelComparison, formatParallelParts, formatProfile, formatProjection, parallelCostModel, type ParallelBenchRecord } from '../../scripts/bench/report-parallel';
import type { StepProfile } from '../../scripts/bench/step-profile';

const profile: StepProfile = {
  batchSize: 512,
  microBatchSize: 64,
  wallMs: 2000,
  gatherMs: 4,
  kernels: [
    { phase: 'upload', kernel: 'Cast', shape: '32×32×3', calls: 8, ms: 6 },
    { phase: 'forward', kernel: 'FusedConv2D', shape: '32×32×32', calls: 8, ms: 300 },
    { phase: 'backward', kernel: 'Conv2DBackpropFilter', shape: '3×3×32×32', calls: 8, ms: 700 },
    { phase: 'backward', kernel: 'Tiny', shape: '1', calls: 8, ms: 1 },
    { phase: 'update', kernel: 'Add', shape: '3×3×3×32', calls: 16, ms: 16 },
  ],
};

function record(environment: ParallelBenchConfig['environment'], allStepMs: number[], oneStepMs = [2000, 2100, 1950]): ParallelBenchRecord {
  const timing = { workers: 2, publishMs: 3, ownShareMs: 990, waitMs: 10, sumMs: 8, applyMs: 16, helpers: [{ readWeightsMs: 4, computeMs: 985, writeGradientsMs: 3, roundTripMs: 995 }] };
  const outcome: ParallelBenchOutcome = { status: 'ok', workers: 2, exchange: 'shared', logicalCores: 2, oneStepMs, allStepMs, timings: [timing, timing, timing], profile, backendDetail: 'SIMD on' };
  return { config: { kind: 'parallel', environment, batchSize: 512, workers: 2, pairs: 3 }, outcome, loadAverageBefore: 0.4, loadAverageAfter: 1.9 };
}

describe('the data-parallel report', () => {
  test('a comparison: both spreads, the ratio of medians, whether the spreads overlap, the load average', () => {
    expect(formatParallelComparison(record('node', [1024, 1100, 1050]))).toBe(
      '  Node (npm run train), batch 512: 1 worker 256 (244–263) images/s, 2 workers 488 (465–500) images/s (shared exchange) → 1.90× by the medians; the spreads do not overlap; 3 steps each, interleaved; load average 0.4 before, 1.9 after',
    );
    expect(formatParallelComparison(record('chromium-isolated', [1900, 2500, 2050]))).toMatch(/Chromium worker, COOP\/COEP \(as the app\).* the spreads overlap: no difference is shown/);
  });

  test('the targets: ≥ 1.7× with the spreads apart, in both places; overlapping spreads do not pass', () => {
    const checks = checkParallelTargets([record('chromium-isolated', [1100, 1150, 1120]), record('node', [1200, 1150, 1300])]);
    expect(checks.map((c) => c.met)).toEqual([true, false]);
    expect(checks[1]?.measured).toMatch(/^1\.7\d× .*2 workers\)$|^1\.[0-6]\d×/);
    expect(checkParallelTargets([record('node', [1900, 2500, 2050])])).toEqual([
      { target: expect.stringContaining("Chromium's worker") as string, measured: 'not measured in this run', met: null },
      { target: expect.stringContaining('Node') as string, measured: expect.stringContaining('spreads overlap') as string, met: false },
    ]);
  });

  test('the profile: each phase, its kernels by time, small ones folded, and the time outside kernels', () => {
    const lines = formatProfile(profile, 'Node');
    expect(lines[0]).toBe('One step of one worker, Node, batch 512 (micro-batches of 64), tf.profile: 2000 ms in all');
    expect(lines).toContain('  backward                      701.0 ms   35.0 %');
    expect(lines).toContain('    Conv2DBackpropFilter → 3×3×32×32                700.0 ms   35.0 %  (8 calls)');
    expect(lines).toContain('    1 smaller kernel                                  1.0 ms');
    expect(lines.at(-1)).toBe('  outside kernels (tfjs, JS)    973.0 ms   48.6 %');
  });

  test('the parts of a data-parallel step, what stays on one core, and the projection, said to be one', () => {
    const measured = record('node', [1024, 1100, 1050]);
    if (measured.outcome.status !== 'ok') throw new Error('fixture');
    const parts = formatParallelParts(measured.outcome, 'Node');
    expect(parts[1]).toBe('  coordinator: weights out 3.0 ms, its own share 990.0 ms, waiting for the workers 10.0 ms, their gradients in and added 8.0 ms, update 16.0 ms');
    expect(parts[3]).toMatch(/still on one core: gathering the batch 4\.0 ms, .* — 31\.0 ms \(3\.0 % of the step\)/);
    const model = parallelCostModel(measured.config, measured.outcome);
    expect(model.serialMs).toBe(20);
    expect(model.exchangeFixedMs).toBe(3 + 4 + 3 + 3);
    expect(model.exchangeMsPerWorker).toBe(8);
    const projection = formatProjection(measured.config, measured.outcome);
    expect(projection[0]).toMatch(/^Projection, not a measurement/);
    expect(projection.slice(2)).toEqual([expect.stringMatching(/^ {2}4 cores: about \d+ images\/s, 3\.\d× one worker$/) as string, expect.stringMatching(/^ {2}8 cores: about \d+ images\/s, [5-7]\.\d× one worker$/) as string]);
  });
});
