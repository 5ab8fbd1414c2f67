/**
 * Take the README's screenshots of the built app: `npm run screenshots` (after `npm run build`).
 * Serves dist/ with vite preview, opens each route in headless Chromium, writes docs/*.png.
 */
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { openAppSession } from '../tests/e2e/browser';

const SHOTS: ReadonlyArray<{ file: string; hash: string; waitForHeading: string }> = [
  { file: 'docs/screenshot-shell.png', hash: '#/learn', waitForHeading: 'Learn' },
];

async function main(): Promise<void> {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  mkdirSync('docs', { recursive: true });
  const session = await openAppSession(baseUrl);
  try {
    for (const shot of SHOTS) {
      await session.page.goto(`${baseUrl}${shot.hash}`);
      await session.page.getByRole('heading', { level: 2, name: shot.waitForHeading }).waitFor();
      await session.page.locator('[data-backend]:not([data-backend=""])').waitFor({ timeout: 120_000 });
      await session.page.screenshot({ path: shot.file });
      process.stdout.write(`wrote ${shot.file}\n`);
    }
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
