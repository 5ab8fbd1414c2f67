import { describe, expect, test } from 'vitest';
import { classifyPlans, formatClassifyLatency, isClassifyBenchConfig, percentile, runClassifyConfig, type ClassifyBenchConfig } from '../../scripts/bench/measure-classify';

describe('classify latency measurement', () => {
  test('nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  test('plans: a 640 × 480 photo for the target and a 12-megapixel one; configs are told from training configs', () => {
    const plans = classifyPlans('chromium', 'wasm');
    expect(plans.map((plan) => [plan.pictureWidth, plan.pictureHeight, plan.timedRuns])).toEqual([
      [640, 480, 50],
      [4000, 3000, 10],
    ]);
    expect(plans.every(isClassifyBenchConfig)).toBe(true);
    expect(isClassifyBenchConfig({ environment: 'node', backend: 'wasm', kernels: 'ours', batchSize: 64 })).toBe(false);
  });

  test('runs the real path in Node on cpu: crop, area resample and the tutorial model, timed after warm-up', async () => {
    const config: ClassifyBenchConfig = { kind: 'classify', environment: 'node', backend: 'cpu', pictureWidth: 80, pictureHeight: 60, warmupRuns: 1, timedRuns: 3 };
    const outcome = await runClassifyConfig(config, 'main-thread');
    if (outcome.status !== 'ok') throw new Error(outcome.reason);
    expect(outcome.latency.timedRuns).toBe(3);
    expect(outcome.latency.predictMedianMs).toBeGreaterThan(0);
    expect(outcome.latency.medianMs).toBeGreaterThanOrEqual(outcome.latency.predictMedianMs);
    expect(outcome.latency.p95Ms).toBeGreaterThanOrEqual(outcome.latency.medianMs);
    expect(formatClassifyLatency(config, outcome)).toMatch(/^ {2}classify Node cpu, 80×60 RGBA: median \d+\.\d ms, p95 \d+\.\d ms \(predict alone .* 3 timed runs\) — (under|OVER) the 50 ms target$/);
    expect(formatClassifyLatency(config, { status: 'failed', reason: 'no backend' })).toBe('  classify Node cpu, 80×60 RGBA: failed: no backend');
  });
});
