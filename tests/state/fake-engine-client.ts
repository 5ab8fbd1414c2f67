import type { EngineClient } from '../../src/engine/client';
import type { EngineCommand, EngineEvent } from '../../src/engine/protocol';

/** A stand-in engine for bridge tests: what the bridge sent, and a way to play the engine's events. */
export interface FakeEngineClient {
  readonly client: EngineClient;
  /** Every command sent, with the id the client gave it (ids start at 100). */
  readonly sent: EngineCommand[];
  /** Deliver an event to every subscriber, as the worker would. */
  emit(event: EngineEvent): void;
}

/** An engine client that records commands and lets the test play the engine's events. */
export function fakeEngineClient(): FakeEngineClient {
  const sent: EngineCommand[] = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 100;
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
    terminate: () => undefined,
  };
  return { client, sent, emit: (event) => listeners.forEach((listener) => listener(event)) };
}
