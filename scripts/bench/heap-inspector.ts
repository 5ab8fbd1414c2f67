/**
 * JS heap of a page and of its dedicated workers through the Chrome DevTools Protocol. Workers have
 * no `performance.memory`, and `performance.measureUserAgentSpecificMemory` needs cross-origin
 * isolation and waits for a garbage collection, so the page's CDP session auto-attaches to its workers
 * (the non-flattened mode, whose messages travel through that one session) and asks each for
 * `Runtime.getHeapUsage` after a forced collection.
 */
import type { Page } from 'playwright-core';

/** Heap of one JavaScript context, in bytes. */
export interface HeapUsage {
  /** Live objects on V8's heap. */
  readonly usedBytes: number;
  /** Backing stores of ArrayBuffers and external strings (where typed arrays keep their bytes). */
  readonly backingBytes: number;
}

/** Reads heaps of a page and its workers. */
export interface HeapInspector {
  /** The page's heap after a garbage collection. */
  page(): Promise<HeapUsage>;
  /** The heap of the live worker whose script URL matches `pattern`, after a garbage collection. */
  worker(pattern: RegExp): Promise<HeapUsage>;
}

interface AttachedWorker {
  readonly sessionId: string;
  readonly url: string;
}

/** Attach to `page` before it navigates, so every worker it starts is seen. */
export async function attachHeapInspector(page: Page): Promise<HeapInspector> {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map<string, AttachedWorker>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1_000_000;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.set(event.sessionId, { sessionId: event.sessionId, url: event.targetInfo.url });
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) workers.delete(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const sendToWorker = (sessionId: string, method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
    });

  return {
    async page() {
      await cdp.send('HeapProfiler.collectGarbage');
      return heapUsage(await cdp.send('Runtime.getHeapUsage'));
    },
    async worker(pattern) {
      const match = [...workers.values()].filter((worker) => pattern.test(worker.url)).at(-1);
      if (!match) throw new Error(`no live worker matches ${String(pattern)} (workers: ${[...workers.values()].map((w) => w.url).join(', ') || 'none'})`);
      await sendToWorker(match.sessionId, 'HeapProfiler.collectGarbage');
      return heapUsage(await sendToWorker(match.sessionId, 'Runtime.getHeapUsage'));
    },
  };
}

function heapUsage(result: unknown): HeapUsage {
  const usage = result as { usedSize?: number; backingStorageSize?: number };
  return { usedBytes: usage.usedSize ?? Number.NaN, backingBytes: usage.backingStorageSize ?? Number.NaN };
}
