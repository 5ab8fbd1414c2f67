import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { appSessionPerTest } from './session-checks';
import { fillRunSettings } from './run-settings';
import { waitForTrainingPhase } from './training-phase';
import { openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** wasm trains the tutorial model at about 150 images a second here; loading CIFAR-10 takes longer. */
const SLOW_MS = 300_000;
const VALIDATION_IMAGES = 64;

const trainPanel = (page: Page) => page.getByRole('region', { name: 'Train the network' });
const evaluation = (page: Page) => page.getByRole('region', { name: 'Where the network goes wrong' });
const internals = (page: Page) => page.getByRole('region', { name: 'Inside the network' });

/** Every cell of the confusion matrix: its true and predicted class and its count, read from its accessible name. */
async function matrixCells(page: Page): Promise<{ name: string; trueClass: string; predicted: string; count: number }[]> {
  const names = await evaluation(page).getByRole('button', { name: /^true \w+, predicted \w+: \d+ images?$/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  return names.map((name) => {
    const [, trueClass = '', predicted = '', count = '0'] = /^true (\w+), predicted (\w+): (\d+) images?$/.exec(name) ?? [];
    return { name, trueClass, predicted, count: Number(count) };
  });
}

/** How many pixels of a canvas are not white (a heat map of an all-zero map is all white). */
function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
    let inked = 0;
    for (let offset = 0; offset < data.length; offset += 4) if ((data[offset] ?? 255) < 250 || (data[offset + 1] ?? 255) < 250 || (data[offset + 2] ?? 255) < 250) inked += 1;
    return inked;
  });
}

/** Open Train on wasm and set a one-epoch run of 128 images, batch 32, validated on VALIDATION_IMAGES. */
async function setUpShortRun(page: Page): Promise<void> {
  await page.goto(`${baseUrl}?backend=wasm#/train`);
  const badge = page.getByRole('status', { name: 'Compute backend' });
  await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 120_000 }).toBe('wasm');
  await fillRunSettings(page, { trainImages: '128', validationImages: String(VALIDATION_IMAGES), batchSize: '32', epochs: '1' });
}

async function trainOneShortEpoch(page: Page): Promise<void> {
  await setUpShortRun(page);
  const start = trainPanel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Start', exact: true });
  await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS }).toBe(true);
  // Before any run, the confusion matrix waits for an epoch, and the insides are the pretrained model's (or, without it, say so).
  await openTrainTab(page, 'Results');
  expect(await evaluation(page).getByText(/appear here/).isVisible()).toBe(true);
  await openTrainTab(page, 'Inside the network');
  await expect
    .poll(async () => (await internals(page).textContent()) ?? '', { timeout: 60_000 })
    .toMatch(/What the pretrained tutorial model makes of this picture\.|There is no model to look into yet: no network has been trained here/);
  await start.click();
  const status = trainPanel(page).getByRole('status', { name: 'Training status' });
  await waitForTrainingPhase(status, 'finished', SLOW_MS);
  await openTrainTab(page, 'Results');
}

describe('evaluation and network internals after an epoch (wasm)', () => {
  test('confusion matrix adds up to the validation images, a square shows its images, internals show every layer, lesson 9 replays a cell exactly', async () => {
    const { page } = session;
    await trainOneShortEpoch(page);

    // The tutorial's accuracy line, and the matrix: 100 buttons adding up to every evaluated image.
    const line = evaluation(page).getByText(/^Accuracy: \d+\.\d{2}%$/);
    await expect.poll(() => line.isVisible(), { timeout: 30_000 }).toBe(true);
    const cells = await matrixCells(page);
    expect(cells).toHaveLength(100);
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(VALIDATION_IMAGES);
    expect(await evaluation(page).getByLabel(`All cells together: ${VALIDATION_IMAGES} images`).textContent()).toBe(String(VALIDATION_IMAGES));
    // The accuracy line is the diagonal's share of the total.
    const correct = cells.filter((cell) => cell.trueClass === cell.predicted).reduce((sum, cell) => sum + cell.count, 0);
    expect(await line.textContent()).toBe(`Accuracy: ${((correct / VALIDATION_IMAGES) * 100).toFixed(2)}%`);
    // A stratified validation subset: each true class has 64 / 10 rounded images in its row.
    const rows = new Map<string, number>();
    for (const cell of cells) rows.set(cell.trueClass, (rows.get(cell.trueClass) ?? 0) + cell.count);
    expect([...rows.values()].every((count) => count === 6 || count === 7)).toBe(true);
    expect(await evaluation(page).getByRole('table', { name: 'Accuracy per class' }).getByRole('row').count()).toBe(11);

    // Clicking the fullest square shows that many thumbnails of its test images.
    const fullest = cells.reduce((best, cell) => (cell.count > best.count ? cell : best));
    await evaluation(page).getByRole('button', { name: fullest.name, exact: true }).click();
    expect(await evaluation(page).getByRole('button', { name: fullest.name, exact: true }).getAttribute('aria-pressed')).toBe('true');
    const shown = evaluation(page).getByRole('region', { name: 'Images of the chosen square' });
    await expect.poll(() => shown.getByRole('heading').textContent()).toBe(`True ${fullest.trueClass}, predicted ${fullest.predicted}: ${fullest.count} ${fullest.count === 1 ? 'image' : 'images'}`);
    const thumbnails = shown.getByRole('button', { name: /^Test image \d+: look inside the network$/ });
    await expect.poll(() => thumbnails.count(), { timeout: 30_000 }).toBe(Math.min(fullest.count, 60));
    expect(await inkedPixels(thumbnails.first().locator('canvas'))).toBeGreaterThan(100);

    const thumbnailName = (await thumbnails.first().getAttribute('aria-label')) ?? '';
    const index = /Test image (\d+)/.exec(thumbnailName)?.[1] ?? '';

    // Inside the network: the trained model after epoch 1, every conv and pooling layer's 32 maps, the filters, the units, the softmax.
    await openTrainTab(page, 'Inside the network');
    const inside = internals(page);
    await expect.poll(() => inside.getByRole('status', { name: 'Network internals status' }).textContent(), { timeout: 60_000 }).toBe('What your network after epoch 1 makes of this picture.');
    for (const layer of ['conv2d', 'conv2d_1', 'max_pooling2d']) {
      expect(await inside.getByRole('img', { name: new RegExp(`^${layer}, feature map \\d+$`) }).count()).toBe(32);
    }
    expect(await inside.getByRole('img', { name: /^Filter \d+ in colour$/ }).count()).toBe(32);
    expect(await inside.getByRole('img', { name: /^Filter \d+, (red|green|blue) weights$/ }).count()).toBe(96);
    const firstLayerInk = await Promise.all(Array.from({ length: 32 }, (_, map) => inkedPixels(inside.getByRole('img', { name: `conv2d, feature map ${map + 1}`, exact: true }))));
    expect(firstLayerInk.some((inked) => inked > 0)).toBe(true);
    expect(await inside.getByRole('region', { name: 'Strongest units of dense' }).getByRole('row').count()).toBe(11);
    const softmax = inside.getByRole('region', { name: 'Softmax output' });
    expect(await softmax.getByRole('row').count()).toBe(11);

    // A thumbnail becomes the current image, its button opens the insides, and the network is asked about it.
    await openTrainTab(page, 'Results');
    await thumbnails.first().click();
    expect(await page.getByRole('tab', { name: 'Inside the network' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => inside.getByRole('figure', { name: 'Inspected image' }).textContent(), { timeout: 60_000 }).toContain(`test image ${index}`);
    await expect.poll(() => softmax.getByRole('row', { name: new RegExp(`^${fullest.trueClass} \\(true\\)`) }).count(), { timeout: 60_000 }).toBe(1);

    // Lesson 9 on the same page: the trained weights, a clicked cell, replayed to the end.
    await page.getByRole('link', { name: 'Learn' }).first().click();
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Real network$/ }).click();
    await page.getByRole('heading', { level: 3, name: /^9\. The real network, step by step$/ }).waitFor();
    await page.getByLabel('Filter', { exact: true }).fill('5');
    const map = page.getByRole('img', { name: 'Feature map of filter 5 (conv2d): click a cell to replay it' });
    await map.waitFor({ timeout: 60_000 });
    const box = await map.boundingBox();
    if (!box) throw new Error('the feature map has no box');
    // The cell at row 4, column 11 (1-based): its centre.
    await map.click({ position: { x: (10.5 / 32) * box.width, y: (3.5 / 32) * box.height } });
    expect(await page.getByLabel('Row', { exact: true }).inputValue()).toBe('4');
    expect(await page.getByLabel('Column', { exact: true }).inputValue()).toBe('11');
    const scrubber = page.getByRole('slider', { name: /^Step \d+ of 29$/ });
    await scrubber.waitFor();
    await scrubber.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByText(/^Step 29 of 29$/).isVisible()).toBe(true);
    const check = page.getByRole('group', { name: 'Replay check' });
    const values = await check.locator('strong').evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))));
    expect(values).toHaveLength(2);
    expect(Math.abs((values[0] ?? 0) - (values[1] ?? 1))).toBeLessThan(1e-5);
    expect(await check.getByText(/^The same value/).isVisible()).toBe(true);
    // Step 1 writes the first of the 27 products.
    await page.keyboard.press('Home');
    expect(await page.getByText(/^Step 1: (Red|Green|Blue) at row 3, column 10 is /).isVisible()).toBe(true);
    // A typed row outside the map is explained where it was typed.
    await page.getByLabel('Row', { exact: true }).fill('40');
    expect(await page.getByText('Row: 40 is too large: type a whole number from 1 to 32').isVisible()).toBe(true);
  }, 900_000);

  test('evaluate now: a paused run, then the finished run on more test images than it validated on, then the pretrained model', async () => {
    const { page } = session;
    await setUpShortRun(page);
    await page.getByRole('checkbox', { name: /^Augment the training pictures/ }).check();
    // The dataset browser shows what augmentation does to the current picture.
    await openTrainTab(page, 'Data');
    const variants = page.getByRole('figure', { name: 'What the network sees with augmentation' }).getByRole('img', { name: /^Variant \d: / });
    await expect.poll(() => variants.count(), { timeout: 60_000 }).toBe(8);
    await openTrainTab(page, 'Results');
    const training = trainPanel(page).getByRole('group', { name: 'Training controls' });
    const status = trainPanel(page).getByRole('status', { name: 'Training status' });
    const controls = evaluation(page).getByRole('group', { name: 'Evaluate now' });
    const now = controls.getByRole('button', { name: 'Evaluate now', exact: true });
    expect(await now.isEnabled()).toBe(false);

    // One batch, then paused: the run's model is scored as it is, on its validation images.
    const step = training.getByRole('button', { name: 'Step one batch' });
    await expect.poll(() => step.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await step.click();
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: SLOW_MS, interval: 250 }).toBe('paused');
    await expect.poll(() => now.isEnabled(), { timeout: 30_000 }).toBe(true);
    await now.click();
    const said = () => evaluation(page).locator('.evaluation-accuracy').textContent();
    const total = () => evaluation(page).getByLabel(/^All cells together: /).textContent();
    await expect.poll(said, { timeout: 120_000 }).toMatch(new RegExp(`on ${VALIDATION_IMAGES} images from the test set, by your network, evaluated now, after batch 1 of epoch 1 \\(at \\d\\d:\\d\\d:\\d\\d\\)`));
    expect(await total()).toBe(String(VALIDATION_IMAGES));
    expect(await status.getAttribute('data-phase')).toBe('paused');

    // Resumed to the end of its epoch: the epoch's own evaluation takes the place of the one asked for.
    await training.getByRole('button', { name: 'Resume', exact: true }).click();
    await waitForTrainingPhase(status, 'finished', SLOW_MS);
    await expect.poll(said, { timeout: 30_000 }).toMatch(new RegExp(`on ${VALIDATION_IMAGES} images from the test set, after epoch 1:`));

    // The settings are free again: score the trained network on 256 test images, without training it.
    const epochTable = trainPanel(page).getByRole('table', { name: 'Results per epoch' });
    const epochsBefore = await epochTable.textContent();
    await openTrainTab(page, 'Network and settings');
    await page.getByLabel('Validation images').selectOption('256');
    await openTrainTab(page, 'Results');
    await now.click();
    await expect.poll(said, { timeout: 120_000 }).toMatch(/on 256 images from the test set, by your network, evaluated now, after epoch 1 \(at \d\d:\d\d:\d\d\)/);
    expect(await total()).toBe('256');
    // Nothing was trained: the epoch table is as it was, and the run is still finished.
    expect(await epochTable.textContent()).toBe(epochsBefore);
    expect(await status.getAttribute('data-phase')).toBe('finished');

    // The shipped pretrained model on the same images: far above chance (its card says 70.18 % on all 10 000).
    await controls.getByRole('button', { name: 'Evaluate the pretrained model' }).click();
    await expect.poll(said, { timeout: 120_000 }).toMatch(/on 256 images from the test set, by the pretrained tutorial model, evaluated now/);
    expect(await total()).toBe('256');
    const line = evaluation(page).getByText(/^Accuracy: \d+\.\d{2}%$/);
    const accuracy = Number(/Accuracy: (\d+\.\d{2})%/.exec((await line.textContent()) ?? '')?.[1]);
    expect(accuracy).toBeGreaterThan(55);
    expect(accuracy).toBeLessThan(85);
    expect(await now.isEnabled()).toBe(true);
  }, 900_000);

  test('lesson 9 straight from its link: loads CIFAR-10 on request and replays the pretrained model’s first layer', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/learn/real-network/28`);
    await page.getByRole('heading', { level: 3, name: /^9\. The real network, step by step$/ }).waitFor();
    // No picture yet: the lesson says so and offers to load the data set.
    await page.getByRole('button', { name: 'Load CIFAR-10' }).click();
    const map = page.getByRole('img', { name: 'Feature map of filter 1 (conv2d): click a cell to replay it' });
    await map.waitFor({ timeout: SLOW_MS });
    expect(await page.getByText(/The weights are those of the pretrained tutorial model\./).isVisible()).toBe(true);
    // The link's step 28 is the bias step of the default cell (row 16, column 16 of filter 1).
    expect(await page.getByText(/^Step 28: the 27 products add up to /).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Next step' }).click();
    const check = page.getByRole('group', { name: 'Replay check' });
    const values = await check.locator('strong').evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))));
    expect(Math.abs((values[0] ?? 0) - (values[1] ?? 1))).toBeLessThan(1e-5);
    // Every one of the 32 filters replays its cell to the network's value.
    for (const filter of [2, 17, 32]) {
      await page.getByLabel('Filter', { exact: true }).fill(String(filter));
      await page.getByRole('img', { name: `Feature map of filter ${filter} (conv2d): click a cell to replay it` }).waitFor();
      const pair = await check.locator('strong').evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))));
      expect(Math.abs((pair[0] ?? 0) - (pair[1] ?? 1))).toBeLessThan(1e-5);
    }
  }, 600_000);
});
