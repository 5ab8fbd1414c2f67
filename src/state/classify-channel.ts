/**
 * The classify bridge's line to the engine: send a classify command and get its one answer back as a
 * promise (the answer event, or a rejection with the engine's message). Commands sent before an engine
 * is attached wait for one; when the engine stops, every waiting answer is rejected.
 */
import type { EngineClient } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import { isClassifyEvent, type ClassifyCommand, type ClassifyEvent } from '../engine/protocol-classify';
import { useAppStore } from './store';

/** A classify command without its id (the client assigns it). */
export type ClassifyRequest = DistributiveOmitId<ClassifyCommand>;
type DistributiveOmitId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending {
  resolve(event: ClassifyEvent): void;
  reject(error: Error): void;
}

let client: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;
const pending = new Map<number, Pending>();
const clientWaiters: (() => void)[] = [];

/** Talk to `next` from now on (null: the engine stopped, and every waiting answer is rejected). */
export function setClassifyChannel(next: EngineClient | null): void {
  unsubscribe?.();
  unsubscribe = null;
  for (const waiting of pending.values()) waiting.reject(new Error('the engine stopped before answering'));
  pending.clear();
  client = next;
  if (!next) return;
  unsubscribe = next.subscribe(onEvent);
  for (const wake of clientWaiters.splice(0)) wake();
}

/** True while an engine is attached. */
export function hasClassifyChannel(): boolean {
  return client !== null;
}

/**
 * Send a command once an engine is there.
 * @returns (resolves) the event that answers it.
 * @throws (rejects) Error with the engine's message, or when the engine stops or could not start.
 */
export async function request(command: ClassifyRequest): Promise<ClassifyEvent> {
  while (!client) {
    const { engineStatus, engineError } = useAppStore.getState();
    if (engineStatus === 'failed') throw new Error(`the engine could not start: ${engineError ?? 'unknown reason'}`);
    await new Promise<void>((resolve) => clientWaiters.push(resolve));
  }
  const sender = client;
  return new Promise((resolve, reject) => {
    const id = sender.send(command);
    pending.set(id, { resolve, reject });
  });
}

function onEvent(event: EngineEvent): void {
  if (!isClassifyEvent(event)) return;
  const waiting = pending.get(event.id);
  if (!waiting) return;
  pending.delete(event.id);
  if (event.type === 'classify-error') waiting.reject(new Error(event.message));
  else waiting.resolve(event);
}

/** An error's message, for the store. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
