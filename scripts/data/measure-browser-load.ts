/**
 * Measure CIFAR-10 loading in headless Chromium against a built app:
 *
 *   npx vite build --outDir /tmp/dist-x && npx tsx scripts/data/measure-browser-load.ts /tmp/dist-x
 *
 * Prints the load time cold (network) and on a reload (Cache Storage), the .bin requests of each, and
 * the JS heap of the engine worker (which holds the data) and of the page, from the DevTools protocol.
 */
import { preview } from 'vite';
import type { CDPSession, Page } from 'playwright-core';
import { openAppSession } from '../../tests/e2e/browser';

const outDir = process.argv[2] ?? 'dist';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/** Load the Train area and wait for the grid; returns the engine's own load time and the .bin requests. */
async function loadOnce(page: Page, url: string): Promise<{ wallMs: number; summary: string; binRequests: string[] }> {
  const binRequests: string[] = [];
  const onRequest = (request: { url(): string }): void => {
    if (request.url().endsWith('.bin')) binRequests.push(new URL(request.url()).pathname);
  };
  page.on('request', onRequest);
  const started = Date.now();
  await page.goto(url);
  await page.getByRole('button', { name: 'airplane, training image 29' }).waitFor({ timeout: 300_000 });
  const wallMs = Date.now() - started;
  page.off('request', onRequest);
  return { wallMs, summary: (await page.locator('.dataset-summary').textContent()) ?? '', binRequests };
}

/**
 * Heap usage of the engine worker after a garbage collection, through a non-flattened CDP session to
 * its target (Playwright's sessions cannot address a dedicated worker directly).
 */
async function workerHeap(cdp: CDPSession): Promise<HeapUsage> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'worker');
  if (!worker) throw new Error('no worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const call = (method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      const listener = (event: { sessionId?: string; message: string }): void => {
        const message = JSON.parse(event.message) as { id?: number; result?: unknown };
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', listener);
        resolve(message.result);
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await call('HeapProfiler.enable');
  await call('HeapProfiler.collectGarbage');
  return (await call('Runtime.getHeapUsage')) as HeapUsage;
}

const mb = (bytes: number | undefined): string => `${((bytes ?? 0) / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview gave no URL');
  const session = await openAppSession(baseUrl);
  try {
    const cold = await loadOnce(session.page, `${baseUrl}#/train`);
    process.stdout.write(`cold:   page to grid ${cold.wallMs} ms; ${cold.summary}\n        .bin requests: ${cold.binRequests.join(' ')}\n`);
    const cdp = await session.context.newCDPSession(session.page);
    await cdp.send('HeapProfiler.collectGarbage');
    const worker = await workerHeap(cdp);
    const page = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    process.stdout.write(
      `heap:   worker used ${mb(worker.usedSize)} + array buffers ${mb(worker.backingStorageSize)}; page used ${mb(page.usedSize)} + array buffers ${mb(page.backingStorageSize)}\n`,
    );
    const warm = await loadOnce(session.page, `${baseUrl}?reload#/train`);
    process.stdout.write(`reload: page to grid ${warm.wallMs} ms; ${warm.summary}\n        .bin requests: ${warm.binRequests.join(' ') || 'none'}\n`);
    const reloadCdp = await session.context.newCDPSession(session.page);
    const reloaded = await workerHeap(reloadCdp);
    process.stdout.write(`heap:   after the reload, worker used ${mb(reloaded.usedSize)} + array buffers ${mb(reloaded.backingStorageSize)}\n`);
    if (session.errors.length > 0) process.stdout.write(`errors: ${session.errors.join('\n')}\n`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
