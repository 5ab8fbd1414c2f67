import type { BackendInfo, BackendName, EngineCommand, EngineEvent } from '../protocol';
import { isEngineEvent } from '../protocol';

/** How long start-up may take before the worker is given up on (first WebGL shaders are slow). */
const WORKER_START_TIMEOUT_MS = 120_000;

/** The main thread's handle on a running engine. */
export interface EngineClient {
  /** What backend the engine runs on, where, and why. */
  readonly info: BackendInfo;
  /** Send a command (ids are assigned here). */
  send(command: EngineRequest): number;
  /** Listen to every event; returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Stop the engine and release its worker. */
  terminate(): void;
}

/** A command as its sender writes it: without the id, which the client assigns. */
export type EngineRequest = DistributiveOmit<EngineCommand, 'id'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A bidirectional channel to an engine, in a worker or on the main thread. */
interface Channel {
  post(command: EngineCommand): void;
  listeners: Set<(event: EngineEvent) => void>;
  close(): void;
}

/**
 * Start the engine: first in a Web Worker; if the worker cannot start `preferred` (no OffscreenCanvas
 * WebGL, for instance), the same engine code on the main thread; there, cpu is the last resort.
 * The returned `info.reason` says which path was taken and why.
 *
 * @throws Error when no backend at all could start (the UI shows the message).
 */
export async function startEngine(preferred: BackendName): Promise<EngineClient> {
  let nextId = 1;
  const workerChannel = openWorkerChannel();
  if (workerChannel.ok) {
    const outcome = await initOn(workerChannel.channel, nextId++, preferred, `${preferred} in a Web Worker, as chosen`);
    if (outcome.ok) return makeClient(workerChannel.channel, outcome.info, () => nextId++);
    workerChannel.channel.close();
    const reason = `the worker could not start ${preferred} (${outcome.message}), so the engine runs on the main thread`;
    return startOnMainThread(preferred, reason, () => nextId++);
  }
  return startOnMainThread(preferred, `Web Workers are unavailable here (${workerChannel.message}), so the engine runs on the main thread`, () => nextId++);
}

async function startOnMainThread(preferred: BackendName, reason: string, takeId: () => number): Promise<EngineClient> {
  const channel = await openMainThreadChannel();
  const outcome = await initOn(channel, takeId(), preferred, reason);
  if (!outcome.ok) {
    channel.close();
    throw new Error(`No compute backend could start: ${outcome.message}`);
  }
  return makeClient(channel, outcome.info, takeId);
}

type InitOutcome = { ok: true; info: BackendInfo } | { ok: false; message: string };

function initOn(channel: Channel, id: number, preferred: BackendName, reason: string): Promise<InitOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ ok: false, message: `no answer within ${WORKER_START_TIMEOUT_MS / 1000} s` }), WORKER_START_TIMEOUT_MS);
    const listener = (event: EngineEvent): void => {
      if (event.type === 'ready' && event.id === id) finish({ ok: true, info: event.info });
      if ((event.type === 'init-failed' || event.type === 'error') && event.id === id) finish({ ok: false, message: event.message });
      if (event.type === 'fatal') finish({ ok: false, message: event.message });
    };
    function finish(outcome: InitOutcome): void {
      clearTimeout(timer);
      channel.listeners.delete(listener);
      resolve(outcome);
    }
    channel.listeners.add(listener);
    channel.post({ type: 'init', id, preferredBackend: preferred, reason });
  });
}

function openWorkerChannel(): { ok: true; channel: Channel } | { ok: false; message: string } {
  if (typeof Worker === 'undefined') return { ok: false, message: 'no Worker constructor' };
  let worker: Worker;
  try {
    worker = new Worker(new URL('../engine.worker.ts', import.meta.url), { type: 'module', name: 'cnn-engine' });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const listeners = new Set<(event: EngineEvent) => void>();
  worker.addEventListener('message', (message: MessageEvent<unknown>) => {
    if (isEngineEvent(message.data)) for (const listener of listeners) listener(message.data);
  });
  // A worker that fails to load (syntax error, blocked script) reports here, not as a message.
  worker.addEventListener('error', (error) => {
    const event: EngineEvent = { type: 'fatal', message: `worker failed: ${error.message || 'unknown error'}` };
    for (const listener of listeners) listener(event);
  });
  return {
    ok: true,
    channel: { post: (command) => worker.postMessage(command), listeners, close: () => worker.terminate() },
  };
}

async function openMainThreadChannel(): Promise<Channel> {
  // Loaded only when needed, so tfjs stays out of the main bundle when the worker works.
  const { createEngine } = await import('../engine');
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = createEngine('main-thread', (event) => {
    for (const listener of listeners) listener(event);
  });
  return { post: (command) => void engine.handle(command), listeners, close: () => undefined };
}

function makeClient(channel: Channel, info: BackendInfo, takeId: () => number): EngineClient {
  return {
    info,
    send(command) {
      const id = takeId();
      channel.post({ ...command, id } as EngineCommand);
      return id;
    },
    subscribe(listener) {
      channel.listeners.add(listener);
      return () => channel.listeners.delete(listener);
    },
    terminate: () => channel.close(),
  };
}
