/**
 * The page's side of backend probing: each backend is measured in a fresh engine worker, one after
 * the other (in parallel they would slow each other down), and a probe whose phase outruns its limit
 * (src/core/backend/backend-probe-rules.ts) is stopped by terminating its worker. That is the only way to
 * stop a slow backend mid-step: a 16-image step on the cpu backend is seconds of synchronous
 * JavaScript, and on software WebGL the worker waits on the GPU process, neither of which a message
 * could interrupt. Terminating also frees the probe's WebGL context and wasm memory at once.
 */
import {
  PROBE_ORDER,
  PROBE_SETTINGS,
  isSoftwareRenderer,
  phaseLimitMs,
  stoppedOutcome,
  type ComputeBackend,
  type ProbePhase,
  type ProbeProgress,
  type ProbeRecord,
  type ProbeSettings,
} from '../../core/backend/backend-probe-rules';
import { isEngineEvent, type EngineEvent } from '../protocol';
import type { ProbeCommand } from '../protocol-probe';

/** One probe's worker, as the runner uses it. */
export interface ProbeSession {
  send(command: ProbeCommand): void;
  /** Every event of the worker; a worker that fails to load reports a `fatal` event. */
  listen(listener: (event: EngineEvent) => void): void;
  terminate(): void;
}

/** What `runProbes` needs. */
export interface ProbeRunnerOptions {
  /** Open a fresh worker for one probe. */
  readonly open: () => ProbeSession;
  readonly order?: readonly ComputeBackend[];
  readonly settings?: ProbeSettings;
  readonly onProgress?: (progress: ProbeProgress) => void;
  /** Aborting terminates the running probe; `runProbes` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Measure every backend of `order` in turn.
 * @returns one record per backend, in order.
 * @throws the abort reason when `signal` aborts.
 */
export async function runProbes(options: ProbeRunnerOptions): Promise<ProbeRecord[]> {
  const { order = PROBE_ORDER, settings = PROBE_SETTINGS } = options;
  const records: ProbeRecord[] = [];
  for (const backend of order) {
    options.signal?.throwIfAborted();
    const record = await probeOne(backend, records, settings, options);
    records.push(record);
    options.onProgress?.({ records: [...records], current: null });
  }
  return records;
}

function probeOne(backend: ComputeBackend, earlier: readonly ProbeRecord[], settings: ProbeSettings, options: ProbeRunnerOptions): Promise<ProbeRecord> {
  return new Promise((resolve, reject) => {
    const session = options.open();
    let phase: ProbePhase = 'starting';
    let renderer: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const record = (outcome: ProbeRecord['outcome']): ProbeRecord => ({
      backend,
      renderer,
      softwareRenderer: renderer !== null && isSoftwareRenderer(renderer),
      batchSize: settings.batchSize,
      outcome,
    });
    const finish = (result: ProbeRecord | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      session.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    // Each phase, and each timed step, gets its own deadline from the moment it began.
    const arm = (): void => {
      clearTimeout(timer);
      const limitMs = phaseLimitMs(backend, phase, earlier, settings);
      const startedMs = performance.now();
      timer = setTimeout(() => finish(record(stoppedOutcome(phase, performance.now() - startedMs, settings.batchSize))), limitMs);
    };
    const onAbort = (): void => {
      const reason: unknown = options.signal?.reason;
      finish(reason instanceof Error ? reason : new Error('backend probing was aborted'));
    };
    options.signal?.addEventListener('abort', onAbort);
    session.listen((event) => {
      if (event.type === 'fatal') finish(record({ status: 'unavailable', reason: event.message }));
      if (!('id' in event) || event.id !== 1) return;
      if (event.type === 'probe-phase') {
        phase = event.phase;
        renderer = event.renderer ?? renderer;
        options.onProgress?.({ records: [...earlier], current: { backend, phase } });
        arm();
      } else if (event.type === 'probe-step') {
        arm();
      } else if (event.type === 'probe-result') {
        renderer = event.record.renderer;
        finish(event.record);
      }
    });
    options.onProgress?.({ records: [...earlier], current: { backend, phase } });
    arm();
    session.send({ type: 'probe-backend', id: 1, backend, batchSize: settings.batchSize, minTimedMs: settings.minTimedMs, maxTimedSteps: settings.maxTimedSteps });
  });
}

/** A probe session on a fresh engine worker (the same script the engine runs in). */
export function openProbeWorker(): ProbeSession {
  const worker = new Worker(new URL('../engine.worker.ts', import.meta.url), { type: 'module', name: 'cnn-backend-probe' });
  const listeners: ((event: EngineEvent) => void)[] = [];
  const dispatch = (event: EngineEvent): void => {
    for (const listener of listeners) listener(event);
  };
  worker.addEventListener('message', (message: MessageEvent<unknown>) => {
    if (isEngineEvent(message.data)) dispatch(message.data);
  });
  worker.addEventListener('error', (error) => dispatch({ type: 'fatal', message: `probe worker failed: ${error.message || 'unknown error'}` }));
  return {
    send: (command) => worker.postMessage(command),
    listen: (listener) => listeners.push(listener),
    terminate: () => worker.terminate(),
  };
}
