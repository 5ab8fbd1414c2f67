/**
 * What a newcomer waits for, in a fresh browser profile and again after a reload (issue 15): from
 * navigation to a usable Classify answer for a picture chosen as soon as the page lets them, and from
 * navigation to an enabled Start in Train (the engine started, CIFAR-10 downloaded, checked, cached
 * and in the worker). No `?backend=`: the app chooses, as it does for everyone. A failed card on the
 * way (an engine that restarted under the request) is counted, not hidden.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAppSession } from '../../tests/e2e/browser';
import { pngFromRgb } from '../../tests/e2e/picture-files';
import { FIRST_USE_MARKS_SCRIPT } from './page-scripts';

/** One visit's Classify timing, milliseconds since the navigation started. */
export interface ClassifyVisit {
  /** When the picture was handed to the page (as soon as its file input existed). */
  readonly chosenMs: number;
  /** When its card showed the answer; null if it never did. */
  readonly answeredMs: number | null;
  /** Cards that failed on the way (each one an error a newcomer saw). */
  readonly failedCards: number;
  readonly backend: string;
}

/** One visit's Train timing. */
export interface StartVisit {
  /** When Start was first enabled; null if it never was within the limit. */
  readonly startEnabledMs: number | null;
  readonly backend: string;
}

/** First visits (fresh profiles) and reloads. */
export interface FirstUseResult {
  readonly classifyFirst: ClassifyVisit;
  readonly classifyReload: ClassifyVisit;
  readonly startFirst: StartVisit;
  readonly startReload: StartVisit;
  /** Console errors and requests to other origins seen (should be empty). */
  readonly problems: readonly string[];
}

const LIMIT_MS = 300_000;

interface Marks {
  readonly answered?: number;
  readonly failed?: number;
  readonly failures: number;
  readonly startEnabled?: number;
}

async function marks(page: Page): Promise<Marks> {
  return page.evaluate(() => (window as unknown as { __firstUse: Marks }).__firstUse);
}

async function backendOf(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('[data-backend]')?.getAttribute('data-backend'), null, { timeout: LIMIT_MS });
  return (await page.locator('[data-backend]').getAttribute('data-backend')) ?? '';
}

/** CIFAR-10 test image 0 as a PNG: a real photo the network knows. */
function samplePicture(): Buffer {
  const images = readFileSync(join(process.cwd(), 'public/data/cifar10/test-images.bin'));
  return pngFromRgb(new Uint8Array(images.subarray(0, 3072)));
}

/** Navigate (or reload), choose the picture as soon as the file input exists, and wait for its card to settle. */
async function classifyVisit(page: Page, open: () => Promise<unknown>): Promise<ClassifyVisit> {
  await open();
  const input = page.locator('input[type=file][aria-label="Pictures to classify"]');
  await input.waitFor({ state: 'attached', timeout: LIMIT_MS });
  await input.setInputFiles({ name: 'first-use.png', mimeType: 'image/png', buffer: samplePicture() });
  const chosenMs = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => document.querySelector('article[data-status="done"]'), null, { timeout: LIMIT_MS }).catch(() => undefined);
  const seen = await marks(page);
  return { chosenMs, answeredMs: seen.answered ?? null, failedCards: seen.failures, backend: await backendOf(page) };
}

async function startVisit(page: Page, open: () => Promise<unknown>): Promise<StartVisit> {
  await open();
  await page.waitForFunction(() => (window as unknown as { __firstUse: Marks }).__firstUse.startEnabled !== undefined, null, { timeout: LIMIT_MS }).catch(() => undefined);
  return { startEnabledMs: (await marks(page)).startEnabled ?? null, backend: await backendOf(page) };
}

/** Measure on the app served at `url` (ending in "/"), in two fresh profiles: one for Classify, one for Train. */
export async function runFirstUseBench(url: string, log: (line: string) => void): Promise<FirstUseResult> {
  const problems: string[] = [];
  const classifySession = await openAppSession(url);
  let classifyFirst: ClassifyVisit;
  let classifyReload: ClassifyVisit;
  try {
    const { page } = classifySession;
    await page.addInitScript(FIRST_USE_MARKS_SCRIPT);
    classifyFirst = await classifyVisit(page, () => page.goto(`${url}#/classify`));
    log(`  first visit, Classify: picture chosen at ${(classifyFirst.chosenMs / 1000).toFixed(1)} s, answered at ${describeMs(classifyFirst.answeredMs)} on ${classifyFirst.backend}; ${classifyFirst.failedCards} failed card(s)`);
    classifyReload = await classifyVisit(page, () => page.reload());
    log(`  reload, Classify: picture chosen at ${(classifyReload.chosenMs / 1000).toFixed(1)} s, answered at ${describeMs(classifyReload.answeredMs)}; ${classifyReload.failedCards} failed card(s)`);
    problems.push(...classifySession.errors, ...classifySession.foreignRequests.map((request) => `request to another origin: ${request}`));
  } finally {
    await classifySession.close();
  }
  const trainSession = await openAppSession(url);
  let startFirst: StartVisit;
  let startReload: StartVisit;
  try {
    const { page } = trainSession;
    await page.addInitScript(FIRST_USE_MARKS_SCRIPT);
    startFirst = await startVisit(page, () => page.goto(`${url}#/train`));
    log(`  first visit, Train: Start enabled at ${describeMs(startFirst.startEnabledMs)} on ${startFirst.backend}`);
    startReload = await startVisit(page, () => page.reload());
    log(`  reload, Train: Start enabled at ${describeMs(startReload.startEnabledMs)}`);
    problems.push(...trainSession.errors, ...trainSession.foreignRequests.map((request) => `request to another origin: ${request}`));
  } finally {
    await trainSession.close();
  }
  return { classifyFirst, classifyReload, startFirst, startReload, problems };
}

/** "12.3 s", or "never (within 300 s)". */
export function describeMs(ms: number | null): string {
  return ms === null ? `never (within ${LIMIT_MS / 1000} s)` : `${(ms / 1000).toFixed(1)} s`;
}

/** The report's lines for the first-use timings. */
export function formatFirstUse(result: FirstUseResult): string {
  const classify = (visit: ClassifyVisit): string =>
    `picture chosen ${(visit.chosenMs / 1000).toFixed(1)} s after navigation, answered after ${describeMs(visit.answeredMs)} on ${visit.backend}${visit.failedCards > 0 ? `, ${visit.failedCards} error card(s) on the way` : ', no error card'}`;
  return [
    `  time to a Classify answer, first visit (fresh profile): ${classify(result.classifyFirst)}`,
    `  time to a Classify answer, reload: ${classify(result.classifyReload)}`,
    `  time to an enabled Start, first visit (fresh profile, CIFAR-10 downloaded and cached): ${describeMs(result.startFirst.startEnabledMs)} on ${result.startFirst.backend}`,
    `  time to an enabled Start, reload (CIFAR-10 from the cache): ${describeMs(result.startReload.startEnabledMs)} on ${result.startReload.backend}`,
  ].join('\n');
}
