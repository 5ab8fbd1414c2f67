import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  isWorkerScriptPath,
  PAGE_POLICY_HEADER,
  PAGE_POLICY_META,
  policyFor,
  WORKER_POLICY_HEADER,
} from '../../scripts/vite/content-security-policy';

/** `public/_headers` as path → header name → value. */
function readHeadersFile(): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const line of readFileSync('public/_headers', 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const [name = '', ...value] = line.trim().split(':');
    current?.set(name.trim(), value.join(':').trim());
  }
  return rules;
}

describe('the Content-Security-Policy (issue 16, case 5)', () => {
  test('the page may not set a <base>, post a form or load plugins; the worker may connect to its own origin only', () => {
    expect(PAGE_POLICY_HEADER).toContain("base-uri 'none'");
    expect(PAGE_POLICY_HEADER).toContain("form-action 'none'");
    expect(PAGE_POLICY_HEADER).toContain("frame-ancestors 'self'");
    expect(PAGE_POLICY_META).not.toContain('frame-ancestors');
    expect(WORKER_POLICY_HEADER).toContain("default-src 'none'");
    expect(WORKER_POLICY_HEADER).toContain("connect-src 'self';");
    expect(WORKER_POLICY_HEADER).toContain("base-uri 'none'");
    expect(WORKER_POLICY_HEADER).toContain("form-action 'none'");
  });

  test('the worker script gets the worker policy, in dev and built; everything else the page policy', () => {
    expect(isWorkerScriptPath('/assets/engine.worker-BxY1_z9.js')).toBe(true);
    expect(isWorkerScriptPath('/sub/path/assets/engine.worker-BxY1_z9.js')).toBe(true);
    expect(isWorkerScriptPath('/src/engine/engine.worker.ts')).toBe(true);
    expect(isWorkerScriptPath('/assets/index-abc.js')).toBe(false);
    expect(policyFor('/')).toBe(PAGE_POLICY_HEADER);
    expect(policyFor('/assets/engine.worker-abc.js')).toBe(WORKER_POLICY_HEADER);
  });

  test('public/_headers sends the same policies as npm start and npm run preview', () => {
    const rules = readHeadersFile();
    expect(rules.get('/')?.get('Content-Security-Policy')).toBe(PAGE_POLICY_HEADER);
    expect(rules.get('/index.html')?.get('Content-Security-Policy')).toBe(PAGE_POLICY_HEADER);
    expect(rules.get('/assets/engine.worker-*')?.get('Content-Security-Policy')).toBe(WORKER_POLICY_HEADER);
    expect(rules.get('/*')?.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});

describe('the dev server (npm start) sends the policies as headers', () => {
  let server: ViteDevServer;
  let origin: string;
  beforeAll(async () => {
    // The plugin leaves Vitest's own browser-mode servers alone; this test wants the app's dev server.
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    try {
      server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
    } finally {
      process.env.VITEST = vitest;
    }
    await server.listen();
    origin = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
  });

  test('the page, which has no inline script the policy would block', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_POLICY_HEADER);
    const html = await response.text();
    expect(html).toContain('<script type="module" src=');
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)]).toEqual([]);
  });

  test('the engine worker’s script, with its own policy', async () => {
    const response = await fetch(`${origin}/src/engine/engine.worker.ts?worker_file&type=module`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(WORKER_POLICY_HEADER);
  });
});
