import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PROBE_SETTINGS, type ComputeBackend, type ProbeProgress, type ProbeRecord } from '../../src/core/backend/backend-probe-rules';
import type { EngineEvent } from '../../src/engine/protocol';
import type { ProbeCommand } from '../../src/engine/protocol-probe';
import { runProbes, type ProbeSession } from '../../src/engine/client/probe-runner';

/**
 * A scripted probe worker: each backend's script lists events and the milliseconds after the
 * previous one at which the worker would send them. Fake timers play them, so the runner's limits
 * are tested against the clock it really uses (setTimeout, performance.now) without waiting.
 */
type Script = readonly { readonly afterMs: number; readonly event: (id: number) => EngineEvent }[];

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const phase = (p: 'starting' | 'warm-up' | 'timed', renderer: string | null = null) => (id: number): EngineEvent => ({ type: 'probe-phase', id, phase: p, renderer });
const step = (ms: number) => (id: number): EngineEvent => ({ type: 'probe-step', id, ms });
const result = (record: ProbeRecord) => (id: number): EngineEvent => ({ type: 'probe-result', id, record });

function fakeWorkers(scripts: Partial<Record<ComputeBackend, Script>>): { open: () => ProbeSession; terminated: ComputeBackend[] } {
  const terminated: ComputeBackend[] = [];
  const open = (): ProbeSession => {
    let listener: (event: EngineEvent) => void = () => undefined;
    let backend: ComputeBackend | null = null;
    const timers: ReturnType<typeof setTimeout>[] = [];
    return {
      listen: (next) => {
        listener = next;
      },
      send: (command: ProbeCommand) => {
        backend = command.backend;
        let atMs = 0;
        for (const { afterMs, event } of scripts[command.backend] ?? []) {
          atMs += afterMs;
          timers.push(setTimeout(() => listener(event(command.id)), atMs));
        }
      },
      terminate: () => {
        for (const timer of timers) clearTimeout(timer);
        if (backend) terminated.push(backend);
      },
    };
  };
  return { open, terminated };
}

const wasmRecord: ProbeRecord = {
  backend: 'wasm',
  renderer: null,
  softwareRenderer: false,
  batchSize: 16,
  outcome: { status: 'measured', imagesPerSecond: 160, firstStepMs: 250, stepMs: [100, 100, 100, 100] },
};
const WASM: Script = [
  { afterMs: 300, event: phase('warm-up') },
  { afterMs: 250, event: phase('timed') },
  ...[1, 2, 3, 4].map(() => ({ afterMs: 100, event: step(100) })),
  { afterMs: 1, event: result(wasmRecord) },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('running the probes (page side)', () => {
  test('a fast backend is measured; a slower one is stopped once a timed step outruns 10× the best step, with a bound on its speed', async () => {
    const { open, terminated } = fakeWorkers({
      wasm: WASM,
      webgl: [
        { afterMs: 1500, event: phase('warm-up', SWIFTSHADER) },
        { afterMs: 4000, event: phase('timed', SWIFTSHADER) },
        // Its first timed step would take 3 s: past 10 × 100 ms it is stopped.
        { afterMs: 3000, event: step(3000) },
      ],
      cpu: [
        { afterMs: 200, event: phase('warm-up') },
        { afterMs: 8000, event: phase('timed') },
      ],
    });
    const progress: ProbeProgress[] = [];
    const done = runProbes({ open, onProgress: (p) => progress.push(p) });
    await vi.runAllTimersAsync();
    const records = await done;
    expect(records.map((r) => r.backend)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(records[0]).toEqual(wasmRecord);
    expect(records[1]).toMatchObject({ backend: 'webgl', renderer: SWIFTSHADER, softwareRenderer: true, outcome: { status: 'stopped', phase: 'timed', afterMs: 1000 } });
    expect(records[1]?.outcome.status === 'stopped' && records[1].outcome.atMostImagesPerSecond).toBeCloseTo(16, 6);
    // cpu's first step may take 10 × 100 ms plus its 1 s allowance.
    expect(records[2]?.outcome).toEqual({ status: 'stopped', phase: 'warm-up', afterMs: 1000 + PROBE_SETTINGS.warmUpAllowanceMs.cpu, atMostImagesPerSecond: null });
    // Every worker was terminated, the finished one included.
    expect(terminated).toEqual(['wasm', 'webgl', 'cpu']);
    expect(progress.some((p) => p.current?.backend === 'webgl' && p.current.phase === 'timed')).toBe(true);
    expect(progress.at(-1)).toEqual({ records, current: null });
  });

  test("a worker that fails to load is unavailable; a backend that never starts is stopped at the start limit", async () => {
    const { open } = fakeWorkers({
      wasm: [{ afterMs: 50, event: () => ({ type: 'fatal', message: 'probe worker failed: SyntaxError' }) }],
      webgl: [],
    });
    const done = runProbes({ open, order: ['wasm', 'webgl'] });
    await vi.runAllTimersAsync();
    const [wasm, webgl] = await done;
    expect(wasm?.outcome).toEqual({ status: 'unavailable', reason: 'probe worker failed: SyntaxError' });
    expect(webgl?.outcome).toMatchObject({ status: 'stopped', phase: 'starting', afterMs: PROBE_SETTINGS.startLimitMs });
  });

  test('aborting terminates the running probe and rejects with the reason', async () => {
    const { open, terminated } = fakeWorkers({ wasm: WASM });
    const controller = new AbortController();
    const done = runProbes({ open, signal: controller.signal });
    const expectation = expect(done).rejects.toThrow('replaced');
    await vi.advanceTimersByTimeAsync(400);
    controller.abort(new Error('replaced'));
    await expectation;
    expect(terminated).toEqual(['wasm']);
  });
});
