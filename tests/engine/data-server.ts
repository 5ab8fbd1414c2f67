import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** What the test server does to one file instead of serving it whole. */
/** `stall-answer`: never answers; `stall-body`: sends the headers and the first chunk, then nothing. */
export type Fault = 'missing' | 'truncated' | 'corrupt' | 'longer' | 'stall-answer' | 'stall-body';

/** A static file server for a served-data folder, with faults a test can switch on per file. */
export interface DataServer {
  /** Absolute URL of the folder, ending in "/". */
  readonly baseUrl: string;
  /** Paths requested so far, in order (e.g. "/test-images.bin"). */
  readonly requests: string[];
  readonly faults: Map<string, Fault>;
  close(): Promise<void>;
}

/**
 * Serve `dir` on a loopback port, in chunks of `chunkBytes` so the loader sees a real stream.
 */
export async function startDataServer(dir: string, chunkBytes = 64 * 1024): Promise<DataServer> {
  const requests: string[] = [];
  const faults = new Map<string, Fault>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const name = path.slice(1);
    const fault = faults.get(name);
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    if (fault === 'stall-answer') return;
    if (fault === 'missing') {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    if (fault === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
    if (fault === 'corrupt') {
      body = Buffer.from(body);
      body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0xff;
    }
    if (fault === 'longer') body = Buffer.concat([body, Buffer.alloc(10)]);
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    const write = (offset: number): void => {
      if (fault === 'stall-body' && offset > 0) return;
      if (offset >= body.length) {
        response.end();
        return;
      }
      response.write(body.subarray(offset, offset + chunkBytes), () => write(offset + chunkBytes));
    };
    write(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    faults,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A stalled answer holds its connection open: end it, or close would wait for ever.
        server.closeAllConnections();
      }),
  };
}
