import type { EngineClient } from '../../src/engine/client/engine-client';
import type { BackendName, EngineCommand, EngineEvent } from '../../src/engine/protocol';
import { createEngineSession, type EngineSession } from '../../src/state/engine-session';
import { useAppStore } from '../../src/state/store';

/** A stand-in engine for the store's tests: what the store sent, and a way to play the engine's events. */
export interface FakeEngineClient {
  readonly client: EngineClient;
  /** Every command sent, with the id the client gave it (ids start at 100). */
  readonly sent: EngineCommand[];
  /** Deliver an event to every subscriber, as the worker would. */
  emit(event: EngineEvent): void;
  /** True once the session let this engine go. */
  terminated(): boolean;
}

/** An engine client that records commands and lets the test play the engine's events. */
export function fakeEngineClient(): FakeEngineClient {
  const sent: EngineCommand[] = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 100;
  let terminated = false;
  const client: EngineClient = {
    info: { backend: 'cpu', host: 'worker', renderer: null, vendor: null, webglVersion: null, maxTextureSize: null, floatTextures: null, softwareRenderer: false, wasmSimd: null, wasmThreads: null, selfTestMs: 1, reason: 'test' },
    send(command) {
      const id = nextId++;
      sent.push({ ...command, id } as EngineCommand);
      return id;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => {
      terminated = true;
    },
  };
  return { client, sent, emit: (event) => listeners.forEach((listener) => listener(event)), terminated: () => terminated };
}

/** An engine session on fake engines, handed to the store as main.tsx hands the real one. */
export interface FakeEngineSession {
  readonly session: EngineSession;
  /** Every engine started so far, oldest first. */
  readonly engines: FakeEngineClient[];
  /** The latest engine started. */
  engine(): FakeEngineClient;
  /** The backends asked for, in order. */
  readonly starts: BackendName[];
}

/**
 * Create an engine session whose engines are fakes and give it to the store. `failStart` makes the
 * next starts fail with that message. The session starts nothing until `session.start`.
 */
export function fakeEngineSession(options: { failStart?: () => string | null } = {}): FakeEngineSession {
  const engines: FakeEngineClient[] = [];
  const starts: BackendName[] = [];
  const session = createEngineSession({
    store: useAppStore,
    startClient: async (preferred) => {
      starts.push(preferred);
      const failure = options.failStart?.() ?? null;
      if (failure !== null) throw new Error(failure);
      const fake = fakeEngineClient();
      engines.push(fake);
      return fake.client;
    },
  });
  useAppStore.getState().attachEngineSession(session);
  return {
    session,
    engines,
    starts,
    engine: () => {
      const latest = engines.at(-1);
      if (!latest) throw new Error('no engine was started');
      return latest;
    },
  };
}

/** A fake session, handed to the store and started (its engine is ready). */
export async function runningFakeEngine(): Promise<FakeEngineSession & FakeEngineClient> {
  const fake = fakeEngineSession();
  await fake.session.start('cpu');
  return { ...fake, ...fake.engine() };
}

/**
 * A running fake engine whose `sent` lists only the commands of one domain (their type starts with
 * `prefix`): a new engine is also asked for its checkpoint, which other domains' tests need not see.
 */
export async function runningFakeEngineFor(prefix: string): Promise<FakeEngineSession & FakeEngineClient> {
  const fake = await runningFakeEngine();
  return {
    ...fake,
    get sent() {
      return fake.sent.filter((command) => command.type.startsWith(prefix));
    },
  };
}
