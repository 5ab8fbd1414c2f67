import { describe, expect, test } from 'vitest';
import {
  PROBE_SETTINGS,
  fastestMeasured,
  imagesPerSecond,
  isSoftwareRenderer,
  phaseLimitMs,
  stoppedOutcome,
  wantsAnotherStep,
  type ProbeRecord,
} from '../../../src/core/backend/backend-probe-rules';

const measured = (backend: ProbeRecord['backend'], stepMs: number[], batchSize = 16): ProbeRecord => ({
  backend,
  renderer: null,
  softwareRenderer: false,
  batchSize,
  outcome: { status: 'measured', imagesPerSecond: imagesPerSecond(stepMs, batchSize), firstStepMs: 300, stepMs },
});

describe('probe rules', () => {
  test('software rasterisers are recognised; hardware GPUs are not', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
  });

  test('images per second over the timed steps', () => {
    expect(imagesPerSecond([100, 100], 16)).toBe(160);
    expect(() => imagesPerSecond([], 16)).toThrow(/at least one timed step, got 0/);
  });

  test('the fastest measured record wins; stopped and unavailable ones never do', () => {
    const slow = measured('cpu', [4000]);
    const fast = measured('wasm', [100, 120]);
    const stopped: ProbeRecord = { backend: 'webgl', renderer: 'SwiftShader', softwareRenderer: true, batchSize: 16, outcome: stoppedOutcome('timed', 1500, 16) };
    expect(fastestMeasured([slow, stopped, fast])).toBe(fast);
    expect(fastestMeasured([stopped])).toBeNull();
  });

  test('before any measurement only the generous absolute limits apply', () => {
    expect(phaseLimitMs('wasm', 'starting', [])).toBe(PROBE_SETTINGS.startLimitMs);
    expect(phaseLimitMs('wasm', 'warm-up', [])).toBe(PROBE_SETTINGS.loneStepLimitMs + PROBE_SETTINGS.warmUpAllowanceMs.wasm);
    expect(phaseLimitMs('webgl', 'timed', [])).toBe(PROBE_SETTINGS.loneStepLimitMs);
  });

  test('after one, a step may take farSlowerFactor × the best mean step, plus the warm-up allowance for the first', () => {
    // Mean 120 ms (median 100 ms): the mean is what the quoted images per second come from.
    const best = measured('wasm', [100, 100, 160]);
    const records = [best, measured('cpu', [5000])];
    expect(phaseLimitMs('webgl', 'timed', records)).toBeCloseTo(PROBE_SETTINGS.farSlowerFactor * 120, 9);
    expect(phaseLimitMs('webgl', 'warm-up', records)).toBeCloseTo(PROBE_SETTINGS.farSlowerFactor * 120 + PROBE_SETTINGS.warmUpAllowanceMs.webgl, 9);
    expect(phaseLimitMs('cpu', 'warm-up', records)).toBeCloseTo(PROBE_SETTINGS.farSlowerFactor * 120 + PROBE_SETTINGS.warmUpAllowanceMs.cpu, 9);
    // Starting a backend is not compared: loading a worker and binaries is a one-time cost.
    expect(phaseLimitMs('webgl', 'starting', records)).toBe(PROBE_SETTINGS.startLimitMs);
  });

  test('timing goes on until enough was timed or enough steps ran, and always times one step', () => {
    const settings = { minTimedMs: 400, maxTimedSteps: 5 };
    expect(wantsAnotherStep([], settings)).toBe(true);
    expect(wantsAnotherStep([100, 100], settings)).toBe(true);
    expect(wantsAnotherStep([100, 100, 100, 100], settings)).toBe(false);
    expect(wantsAnotherStep([3000], settings)).toBe(false);
    expect(wantsAnotherStep([10, 10, 10, 10, 10], settings)).toBe(false);
  });

  test('a timed step cut short bounds the speed from above; an unfinished first step bounds nothing', () => {
    expect(stoppedOutcome('timed', 2000, 16)).toEqual({ status: 'stopped', phase: 'timed', afterMs: 2000, atMostImagesPerSecond: 8 });
    expect(stoppedOutcome('warm-up', 7000, 16)).toEqual({ status: 'stopped', phase: 'warm-up', afterMs: 7000, atMostImagesPerSecond: null });
    expect(stoppedOutcome('starting', 15000, 16).status).toBe('stopped');
  });
});
