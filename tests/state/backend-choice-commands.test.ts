import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ProbeRecord } from '../../src/core/backend/backend-probe-rules';
import type { AppState } from '../../src/state/store';

/**
 * The backend-choice commands' side effects around the pure choice: what it reads (renderer, localStorage), whether it
 * measures, what it remembers, and which backend it starts. The page's WebGL, the probe workers and
 * the engine are replaced; the decision logic is the real one.
 */
const renderer = vi.hoisted(() => ({ value: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' as string | null }));
const probes = vi.hoisted(() => ({ calls: 0 }));

vi.mock('../../src/engine/client/page-webgl-renderer', () => ({ readPageWebGLRenderer: () => renderer.value }));
vi.mock('../../src/engine/client/probe-runner', () => ({
  openProbeWorker: () => {
    throw new Error('no workers in this test');
  },
  runProbes: async (options: { onProgress?: (p: unknown) => void }): Promise<ProbeRecord[]> => {
    probes.calls += 1;
    options.onProgress?.({ records: [], current: { backend: 'wasm', phase: 'timed' } });
    return [
      { backend: 'wasm', renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'measured', imagesPerSecond: 150, firstStepMs: 250, stepMs: [100, 110] } },
      { backend: 'webgl', renderer: renderer.value, softwareRenderer: true, batchSize: 16, outcome: { status: 'measured', imagesPerSecond: 5, firstStepMs: 4000, stepMs: [3200] } },
      { backend: 'cpu', renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'stopped', phase: 'warm-up', afterMs: 2100, atMostImagesPerSecond: null } },
    ];
  },
}));

const { useAppStore, getInitialState } = await import('../../src/state/store');
const { fakeEngineSession } = await import('./fake-engine-client');
const startEngineByChoice: AppState['startEngineByChoice'] = (request, options) => useAppStore.getState().startEngineByChoice(request, options);

const storage = new Map<string, string>();
/** The backends the engine session was started on, and how often it was suspended for measuring. */
const engine = { connected: [] as string[], disconnected: 0 };
beforeEach(() => {
  storage.clear();
  probes.calls = 0;
  renderer.value = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';
  useAppStore.setState(getInitialState());
  const fake = fakeEngineSession();
  engine.connected = fake.starts;
  engine.disconnected = 0;
  const suspend = fake.session.suspend;
  vi.spyOn(fake.session, 'suspend').mockImplementation(() => {
    engine.disconnected += 1;
    suspend();
  });
  vi.stubGlobal('navigator', { userAgent: 'TestBrowser/1.0' });
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('choosing the backend at start-up', () => {
  test('no GPU, nothing remembered: measures with no engine running, starts the fastest, remembers it', async () => {
    await startEngineByChoice({ kind: 'auto' });
    expect(probes.calls).toBe(1);
    expect(engine.disconnected).toBe(1);
    expect(engine.connected).toEqual(['wasm']);
    const { backendChoice, backendProbe } = useAppStore.getState();
    expect(backendProbe).toBeNull();
    expect(backendChoice).toMatchObject({ backend: 'wasm', source: 'measured' });
    expect(backendChoice?.summary).toBe('no hardware GPU found: training on WebAssembly, 30× faster here than software WebGL');
    expect(storage.size).toBe(1);
  });

  test('a reload reuses the remembered choice without measuring; Measure again measures', async () => {
    await startEngineByChoice({ kind: 'auto' });
    await startEngineByChoice({ kind: 'auto' });
    expect(probes.calls).toBe(1);
    expect(engine.connected).toEqual(['wasm', 'wasm']);
    expect(useAppStore.getState().backendChoice?.source).toBe('remembered');
    await startEngineByChoice({ kind: 'auto' }, { remeasure: true });
    expect(probes.calls).toBe(2);
    expect(useAppStore.getState().backendChoice?.source).toBe('measured');
  });

  test('another browser or renderer measures afresh', async () => {
    await startEngineByChoice({ kind: 'auto' });
    renderer.value = 'llvmpipe (LLVM 15.0.6, 256 bits)';
    await startEngineByChoice({ kind: 'auto' });
    expect(probes.calls).toBe(2);
    expect(storage.size).toBe(2);
  });

  test("a hardware GPU starts WebGL at once; the user's ?backend= wins over everything", async () => {
    renderer.value = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
    await startEngineByChoice({ kind: 'auto' });
    await startEngineByChoice({ kind: 'user', backend: 'cpu' });
    expect(probes.calls).toBe(0);
    expect(engine.connected).toEqual(['webgl', 'cpu']);
    expect(useAppStore.getState().backendChoice?.source).toBe('user');
    expect(storage.size).toBe(0);
  });

  test('storage that refuses is only a missed memory', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    await startEngineByChoice({ kind: 'auto' });
    expect(engine.connected).toEqual(['wasm']);
  });
});
