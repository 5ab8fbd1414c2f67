/**
 * Issue 16, "nothing hangs, nothing misleads": each case of the issue reproduced as its reporter did
 * it, in a fresh profile, against the built app — and what the app does now.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { PAGE_POLICY_HEADER, WORKER_POLICY_HEADER } from '../../scripts/vite/content-security-policy';
import type { AppSession } from './browser';
import { pngFile } from './picture-files';
import { appSessionPerTest } from './session-checks';
import { openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
let session: AppSession;
let page: Page;
appSessionPerTest(baseUrl, (opened) => {
  session = opened;
  page = opened.page;
});

async function openLesson(hash: string): Promise<void> {
  await page.goto(`${baseUrl}${hash}`);
  await page.getByRole('heading', { level: 3 }).waitFor();
}

async function stepPosition(): Promise<{ step: number; total: number }> {
  const name = (await page.getByText(/^Step \d+ of \d+$/).first().textContent()) ?? '';
  const [, step, total] = /Step (\d+) of (\d+)/.exec(name) ?? [];
  return { step: Number(step), total: Number(total) };
}

/** The message a field shows under itself (its aria-describedby). */
async function fieldMessage(name: string): Promise<string> {
  const field = page.getByRole('textbox', { name, exact: true });
  const id = await field.getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

describe('lesson inputs have bounds, and say which (case 1)', () => {
  test('999 in every padding side is refused at once, naming the bound; the lesson keeps stepping', async () => {
    await openLesson('#/learn/padding');
    await page.getByRole('combobox', { name: 'Padding' }).selectOption('explicit');
    const before = await page.getByRole('grid', { name: /^Input/ }).getByRole('gridcell').count();
    const steps = (await stepPosition()).total;
    for (const side of ['Top', 'Bottom', 'Left']) {
      await page.getByRole('textbox', { name: side, exact: true }).fill('999');
      expect(await page.getByRole('textbox', { name: side, exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await fieldMessage(side)).toBe(`${side}: 999 is too large: type a whole number from 0 to 4`);
    }
    // The grid and the steps are those of the last good border: nothing grew.
    expect(await page.getByRole('grid', { name: /^Input/ }).getByRole('gridcell').count()).toBe(before);
    expect((await stepPosition()).total).toBe(steps);
    await page.getByRole('button', { name: 'Next step' }).click();
    expect((await stepPosition()).step).toBe(2);
    // The largest allowed border draws a 12 × 12 grid at once.
    for (const side of ['Top', 'Bottom', 'Left', 'Right']) await page.getByRole('textbox', { name: side, exact: true }).fill('4');
    await expect.poll(() => page.getByRole('grid', { name: /^Input/ }).getByRole('row').count()).toBe(12);
    expect(await page.getByRole('textbox', { name: 'Stride', exact: true }).getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('textbox', { name: 'Stride', exact: true }).fill('1e308');
    expect(await fieldMessage('Stride')).toBe('Stride: 1e308 is too large: type a whole number from 1 to 6');
  });
});

describe('one number reader for every lesson field (cases 6 and 7)', () => {
  test('the Score for airplane field names itself and is marked invalid', async () => {
    await openLesson('#/learn/network/9');
    const score = page.getByRole('textbox', { name: 'Score for airplane' });
    await score.fill('0x10');
    expect(await score.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldMessage('Score for airplane')).toBe('Score for airplane: “0x10” is not a decimal number: type one like 3 or −1.5');
    await score.fill('1e308');
    expect(await fieldMessage('Score for airplane')).toBe('Score for airplane: 1e308 is too large: keep numbers between −50 and 50');
    await score.fill('2');
    expect(await score.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  test('a grid cell refuses 1e308 as too large, not as "not a number"', async () => {
    await openLesson('#/learn/convolution');
    await page.getByRole('textbox', { name: 'Input row 1, column 1' }).fill('1e308');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('input row 1, column 1: 1e308 is too large: keep numbers between −999 and 999');
  });
});

describe('lesson 9 reads its fields like every lesson, and keeps stepping (case 6)', () => {
  test('0x10, 1e1 and an empty row are refused with a reason; the replay stays on the last good cell', async () => {
    await page.goto(`${baseUrl}?backend=wasm#/learn/real-network/28`);
    await page.getByRole('heading', { level: 3, name: /^9\. The real network, step by step$/ }).waitFor();
    await page.getByRole('button', { name: 'Load CIFAR-10' }).click();
    await page.getByRole('img', { name: 'Feature map of filter 1 (conv2d): click a cell to replay it' }).waitFor({ timeout: 300_000 });
    const caption = () => page.locator('.lesson-caption').textContent();
    expect(await caption()).toMatch(/^Step 28: the 27 products add up to /);
    const filter = page.getByLabel('Filter', { exact: true });
    await filter.fill('0x10');
    expect(await filter.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldMessage('Filter')).toBe('Filter: “0x10” is not a decimal number: type one like 3');
    // Still filter 1's cell, still step 28: nothing blanked while the field is wrong.
    expect(await caption()).toMatch(/^Step 28: the 27 products add up to /);
    await filter.fill('1e1');
    expect(await fieldMessage('Filter')).toBe('Filter: “1e1” is scientific notation: type the number itself, 10');
    await page.getByLabel('Row', { exact: true }).fill('');
    expect(await fieldMessage('Row')).toBe('Row: empty: type a number');
    expect(await caption()).toMatch(/^Step 28: /);
    await filter.fill('10');
    await page.getByLabel('Row', { exact: true }).fill('16');
    await page.getByRole('img', { name: 'Feature map of filter 10 (conv2d): click a cell to replay it' }).waitFor();
  });
});

describe('a bad step in a lesson link (case 7)', () => {
  test.each(['-5', 'abc', '2.5'])('step %s opens the lesson at step 1 and says why', async (step) => {
    await page.goto(`${baseUrl}#/learn/padding/${step}`);
    await page.getByRole('heading', { level: 3, name: /Padding$/ }).waitFor();
    expect(await stepPosition()).toMatchObject({ step: 1 });
    expect(await page.getByRole('status').filter({ hasText: 'The link asks for step' }).textContent()).toBe(
      `The link asks for step “${step}”, which is not a step: steps are whole numbers from 1, so the lesson opens at step 1.`,
    );
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The link asks for step' }).count()).toBe(0);
  });
});

describe('the Content-Security-Policy covers the engine worker (case 5)', () => {
  test('page and worker come with their policies as headers; a fetch to another origin from the worker is refused before it leaves', async () => {
    const workerPolicy = new Promise<string | undefined>((resolve) => {
      page.on('response', (response) => {
        if (/engine\.worker[^/]*\.js$/.test(new URL(response.url()).pathname)) resolve(response.headers()['content-security-policy']);
      });
    });
    const response = await page.goto(`${baseUrl}?backend=wasm#/learn`);
    expect(response?.headers()['content-security-policy']).toBe(PAGE_POLICY_HEADER);
    expect(await workerPolicy).toBe(WORKER_POLICY_HEADER);
    const badge = page.getByRole('status', { name: 'Compute backend' });
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
    const engine = page.workers().find((worker: Worker) => /engine\.worker/.test(worker.url()));
    if (!engine) throw new Error('the engine worker is not running');
    const outcome = await engine.evaluate(async (target: string) => {
      const violations: string[] = [];
      self.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
      let result: string;
      try {
        await fetch(target, { mode: 'no-cors' });
        result = 'reached the network';
      } catch (error) {
        result = `refused: ${String(error)}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { result, violations };
    }, 'https://example.com/leak');
    expect(outcome.result).toMatch(/^refused: TypeError/);
    expect(outcome.violations).toEqual(['connect-src https://example.com/leak']);
    // Refused by the policy, not by the test's own network guard: the request was never made.
    expect(session.foreignRequests).toEqual([]);
    // What tfjs's threaded wasm build does on machines with 4 or more cores still works under the
    // worker's policy: a pthread is a blob: worker that importScripts a blob: script and instantiates
    // WebAssembly (here a module of 8 bytes: the magic number and version).
    const pthreadLike = await engine.evaluate(async () => {
      const script = URL.createObjectURL(new Blob(['self.pthreadReady = true;'], { type: 'application/javascript' }));
      const body = `importScripts(${JSON.stringify(script)}); WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => postMessage(self.pthreadReady === true ? 'ran' : 'no script'), (error) => postMessage('wasm refused: ' + error));`;
      const worker = new Worker(URL.createObjectURL(new Blob([body], { type: 'application/javascript' })));
      return new Promise<string>((resolve) => {
        worker.onmessage = (event: MessageEvent<string>) => resolve(event.data);
        worker.onerror = (event) => resolve(`failed: ${event.message}`);
        setTimeout(() => resolve('no answer in 10 s'), 10_000);
      });
    });
    expect(pthreadLike).toBe('ran');
    // The browser reports the refusal on the console; that line is the expected one, not a page error.
    const expected = session.errors.filter((line) => /Content Security Policy/.test(line) && line.includes('example.com'));
    session.errors.splice(0, session.errors.length, ...session.errors.filter((line) => !expected.includes(line)));
  });
});

describe('dropped pictures never vanish (case 4)', () => {
  test('thirty photos dropped at once: all thirty answered, a page of twelve at a time, the first one on the last page', async () => {
    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    await expect.poll(() => page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isEnabled(), { timeout: 300_000 }).toBe(true);
    const files = Array.from({ length: 30 }, (_, index) => ({
      name: `photo-${String(index + 1).padStart(2, '0')}.png`,
      type: 'image/png',
      base64: pngFile(40, 30, (x, y) => [(x * 6 + index * 8) % 256, (y * 8) % 256, (index * 40) % 256, 255]).toString('base64'),
    }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
      return transfer;
    }, files);
    const area = page.getByRole('region', { name: 'Classify' });
    for (const type of ['dragenter', 'dragover', 'drop']) await area.dispatchEvent(type, { dataTransfer });
    const results = page.getByRole('list', { name: 'Classified pictures' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'newest first' }).textContent(), { timeout: 60_000 }).toBe('Results 1–12 of 30, newest first');
    expect(await results.getByRole('article').count()).toBe(12);
    expect(await results.getByRole('article').first().getAttribute('aria-labelledby')).not.toBeNull();
    expect(await page.getByRole('article', { name: 'photo-30.png', exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Older results' }).click();
    await page.getByRole('button', { name: 'Older results' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'newest first' }).textContent()).toBe('Results 25–30 of 30, newest first');
    const first = page.getByRole('article', { name: 'photo-01.png', exact: true });
    await expect.poll(() => first.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByRole('button', { name: 'Older results' }).isDisabled()).toBe(true);
    // Every one was classified, none refused or dropped.
    for (const label of ['Newer results', 'Newer results']) await page.getByRole('button', { name: label }).click();
    expect(await page.getByText(/oldest results? (was|were) removed/).count()).toBe(0);
  });
});

const SLOW_MS = 300_000;
const trainPanel = () => page.getByRole('region', { name: 'Train the network' });
const control = (name: string) => trainPanel().getByRole('group', { name: 'Training controls' }).getByRole('button', { name, exact: true });
const phase = () => trainPanel().getByRole('status', { name: 'Training status' }).getAttribute('data-phase');
const progressValue = (name: string) => trainPanel().getByRole('progressbar', { name }).getAttribute('value');

/** The Train area on wasm with CIFAR-10 loaded (Start enabled). */
async function openTrain(): Promise<void> {
  await page.goto(`${baseUrl}?backend=wasm#/train`);
  await expect.poll(() => page.getByRole('status', { name: 'Compute backend' }).getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
}

describe('a heavy setting is estimated before Start, and Stop acts within the batch (case 2)', () => {
  test('128 first-layer filters and batch 4 096: the estimate gives its memory; Stop is acknowledged at once and lands before the batch ends', async () => {
    await openTrain();
    const architecture = page.getByRole('region', { name: 'Network architecture' });
    await architecture.getByRole('group', { name: /^Layer 1: Conv2D\b/ }).getByLabel('Filters (filters)').fill('128');
    const form = trainPanel().getByRole('form', { name: 'Training settings' });
    await form.getByLabel('Training images').selectOption('5000');
    await form.getByLabel('Validation images').selectOption('64');
    await form.getByLabel('Batch size (batch_size)').fill('4096');
    await form.getByLabel('Epochs (epochs)').fill('1');
    const estimate = trainPanel().getByRole('group', { name: 'Step estimate' });
    // The backend was forced (?backend=wasm), so no probe measured it: the estimate gives memory, and says so.
    await expect.poll(() => estimate.textContent(), { timeout: SLOW_MS }).toMatch(/^One batch of 4,096 images needs ≈ \d+ MB on wasm here; how long it takes is not known yet/);
    await expect.poll(() => control('Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await control('Start').click();
    await expect.poll(phase, { timeout: SLOW_MS }).toBe('running');
    await control('Stop').click();
    // At the click, not when the engine gets to it.
    expect(await phase()).toBe('stopping');
    expect(await trainPanel().getByRole('status', { name: 'Training status' }).textContent()).toBe('Stopping… on wasm');
    await expect.poll(phase, { timeout: SLOW_MS }).toBe('stopped');
    // The batch in flight was dropped between its micro-batches: none of the 64 finished it.
    expect(await progressValue('Batches completed in this epoch')).toBe('0');
    await openTrainTab(page, 'Results');
    expect(await trainPanel().getByRole('table', { name: 'Results per epoch' }).locator('tbody').textContent()).toBe('No epoch has finished yet.');
    expect(await trainPanel().getByLabel('Latest batch').textContent()).toContain('Steps0');
  });

  test('with a speed measured here (a first short run), the next heavy setting is timed and warned about before Start', async () => {
    await openTrain();
    const form = trainPanel().getByRole('form', { name: 'Training settings' });
    await form.getByLabel('Training images').selectOption('128');
    await form.getByLabel('Validation images').selectOption('64');
    await form.getByLabel('Batch size (batch_size)').fill('64');
    await form.getByLabel('Epochs (epochs)').fill('1');
    await expect.poll(() => control('Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await control('Start').click();
    await expect.poll(phase, { timeout: SLOW_MS }).toBe('finished');
    const estimate = trainPanel().getByRole('group', { name: 'Step estimate' });
    await expect.poll(() => estimate.textContent(), { timeout: 60_000 }).toMatch(/^One batch of 64 images ≈ [\d.]+ s and ≈ \d+ MB on wasm here; an epoch \(2 batches\) ≈ [\d.]+ s\. From: the last run saved here trained at \d+ images\/s on wasm\.$/);
    await page.getByRole('region', { name: 'Network architecture' }).getByRole('group', { name: /^Layer 1: Conv2D\b/ }).getByLabel('Filters (filters)').fill('1024');
    await form.getByLabel('Training images').selectOption('5000');
    await form.getByLabel('Batch size (batch_size)').fill('4096');
    await expect.poll(() => estimate.textContent()).toMatch(/^One batch of 4,096 images ≈ \d+ (min|h \d+ min) and ≈ \d\.\d GB on wasm here; an epoch \(2 batches\) ≈ .*this network does 23× its arithmetic per picture\./);
    expect(await estimate.textContent()).toContain('Heavy for this machine: a batch would take about');
  });
});

describe('a diverged run is detected and never handed to Classify without a word (case 3)', () => {
  test('SGD at learning rate 10: the run fails as diverged with what to change; Classify keeps the pretrained model', async () => {
    await openTrain();
    const form = trainPanel().getByRole('form', { name: 'Training settings' });
    await form.getByLabel('Training images').selectOption('512');
    await form.getByLabel('Validation images').selectOption('500');
    await form.getByLabel('Batch size (batch_size)').fill('64');
    await form.getByLabel('Epochs (epochs)').fill('3');
    await form.getByLabel('Learning rate (learning_rate)').fill('10');
    await expect.poll(() => control('Start').isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await control('Start').click();
    await expect.poll(phase, { timeout: SLOW_MS }).toBe('failed');
    const alert = trainPanel().getByRole('alert').filter({ hasText: 'diverged' });
    expect(await alert.textContent()).toMatch(/the run diverged, so training stopped and the weights were put back to their initial values: this run has no trained model to classify with\. Lower the learning rate: SGD at 10 overshoots; try 0\.01, or Adam at 0\.001\.$/);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Classify' }).click();
    await expect.poll(() => page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isEnabled(), { timeout: SLOW_MS }).toBe(true);
    expect(await page.getByRole('radio', { name: /^Pretrained tutorial model/ }).isChecked()).toBe(true);
    expect(await page.getByText(/Your model finished epoch/).count()).toBe(0);
  });
});
