import { describe, expect, test } from 'vitest';
import { chooseFromProbes, describeRecord, formatRatio, planBackendChoice, type BackendChoice } from '../../../src/core/backend/backend-choice';
import { imagesPerSecond, stoppedOutcome, type ProbeRecord } from '../../../src/core/backend/backend-probe-rules';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const RTX = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
const AT = new Date('2025-01-02T03:04:05.000Z');

function measured(backend: ProbeRecord['backend'], stepMs: number[], renderer: string | null = null): ProbeRecord {
  return {
    backend,
    renderer,
    softwareRenderer: renderer === SWIFTSHADER,
    batchSize: 16,
    outcome: { status: 'measured', imagesPerSecond: imagesPerSecond(stepMs, 16), firstStepMs: 250, stepMs },
  };
}
function stopped(backend: ProbeRecord['backend'], phase: 'starting' | 'warm-up' | 'timed', afterMs: number, renderer: string | null = null): ProbeRecord {
  return { backend, renderer, softwareRenderer: renderer === SWIFTSHADER, batchSize: 16, outcome: stoppedOutcome(phase, afterMs, 16) };
}
function unavailable(backend: ProbeRecord['backend'], reason: string): ProbeRecord {
  return { backend, renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'unavailable', reason } };
}

describe('planning the choice', () => {
  const remembered: BackendChoice = { backend: 'wasm', source: 'measured', summary: 'earlier', records: [], measuredAt: AT.toISOString() };

  test("the user's ?backend= wins over everything, and says so", () => {
    const plan = planBackendChoice({ kind: 'user', backend: 'webgl' }, SWIFTSHADER, remembered);
    expect(plan).toEqual({ kind: 'use', choice: expect.objectContaining({ backend: 'webgl', source: 'user' }) });
    if (plan.kind === 'use') expect(plan.choice.summary).toBe('you chose WebGL with ?backend=webgl in the address, so it was not measured');
  });

  test('a hardware GPU keeps WebGL without measuring, even over a remembered choice', () => {
    const plan = planBackendChoice({ kind: 'auto' }, RTX, remembered);
    expect(plan.kind === 'use' && plan.choice).toMatchObject({ backend: 'webgl', source: 'hardware-gpu', records: [] });
    if (plan.kind === 'use') expect(plan.choice.summary).toMatch(/^hardware GPU found \(ANGLE \(NVIDIA, NVIDIA GeForce RTX 3060/);
  });

  test('without a hardware GPU a remembered choice is reused, else every backend is measured', () => {
    expect(planBackendChoice({ kind: 'auto' }, SWIFTSHADER, remembered)).toEqual({ kind: 'use', choice: { ...remembered, source: 'remembered' } });
    expect(planBackendChoice({ kind: 'auto' }, SWIFTSHADER, null)).toEqual({ kind: 'measure' });
    expect(planBackendChoice({ kind: 'auto' }, null, null)).toEqual({ kind: 'measure' });
  });
});

describe('choosing from measurements', () => {
  test('the fastest wins, compared with software WebGL: "no hardware GPU found: … 25× faster here than software WebGL"', () => {
    const choice = chooseFromProbes([measured('wasm', [100, 100]), measured('webgl', [4000], SWIFTSHADER), measured('cpu', [8000])], AT);
    expect(choice).toMatchObject({ backend: 'wasm', source: 'measured', measuredAt: AT.toISOString() });
    expect(choice.summary).toBe('no hardware GPU found: training on WebAssembly, 40× faster here than software WebGL');
    expect(choice.records).toHaveLength(3);
  });

  test('WebGL stopped in a timed step: the ratio is a lower bound', () => {
    const choice = chooseFromProbes([measured('wasm', [120, 120]), stopped('webgl', 'timed', 1200, SWIFTSHADER), stopped('cpu', 'warm-up', 2200)], AT);
    expect(choice.summary).toBe('no hardware GPU found: training on WebAssembly, more than 10× faster here than software WebGL');
  });

  test('WebGL stopped before its first step finished: said as it happened', () => {
    const choice = chooseFromProbes([measured('wasm', [120]), stopped('webgl', 'warm-up', 7200, SWIFTSHADER), stopped('cpu', 'warm-up', 2200)], AT);
    expect(choice.summary).toBe('no hardware GPU found: training on WebAssembly, while software WebGL had not finished its first training step after 7.2 s');
  });

  test('no WebGL at all: compared with the next backend', () => {
    const choice = chooseFromProbes([measured('wasm', [100]), unavailable('webgl', 'no WebGL context'), measured('cpu', [3200])], AT);
    expect(choice.summary).toBe('WebGL is unavailable here: training on WebAssembly, 32× faster here than the cpu backend (plain JavaScript)');
  });

  test('software WebGL can win when WebAssembly is missing', () => {
    const choice = chooseFromProbes([unavailable('wasm', 'no WebAssembly'), measured('webgl', [1000], SWIFTSHADER), measured('cpu', [3400])], AT);
    expect(choice.backend).toBe('webgl');
    expect(choice.summary).toBe('no hardware GPU found: training on software WebGL, 3.4× faster here than the cpu backend (plain JavaScript)');
  });

  test('a lone working backend is named as such', () => {
    const choice = chooseFromProbes([unavailable('wasm', 'x'), unavailable('webgl', 'y'), measured('cpu', [3000])], AT);
    expect(choice.summary).toBe('WebGL is unavailable here: training on the cpu backend (plain JavaScript), the only backend that works');
  });

  test('nothing measured: the first backend that started, in tfjs order, is the fallback', () => {
    const choice = chooseFromProbes([stopped('wasm', 'warm-up', 31000), stopped('webgl', 'starting', 15000), unavailable('cpu', 'x')], AT);
    expect(choice).toMatchObject({ backend: 'webgl', source: 'fallback' });
  });

  test('nothing started: an error naming every reason', () => {
    expect(() => chooseFromProbes([unavailable('wasm', 'no wasm'), unavailable('webgl', 'no gl'), unavailable('cpu', 'broken')], AT)).toThrow(
      'no compute backend could start (wasm: no wasm; webgl: no gl; cpu: broken)',
    );
  });

  test('ratios and records in words', () => {
    expect(formatRatio(25.9)).toBe('25×');
    expect(formatRatio(3.46)).toBe('3.4×');
    expect(describeRecord(measured('wasm', [100, 100]))).toBe('WebAssembly: 160 images/s (16-image steps, first step 0.3 s)');
    expect(describeRecord(stopped('webgl', 'timed', 2000, SWIFTSHADER))).toBe('software WebGL: stopped, a timed step unfinished after 2.0 s (under 8.0 images/s)');
    expect(describeRecord(stopped('cpu', 'warm-up', 2200))).toBe('the cpu backend (plain JavaScript): stopped, first step unfinished after 2.2 s');
    expect(describeRecord(unavailable('webgl', 'no context'))).toBe('WebGL: unavailable (no context)');
  });
});
