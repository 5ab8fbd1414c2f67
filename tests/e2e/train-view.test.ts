import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appSessionPerTest } from './session-checks';
import { architecture, summary, layer, panel, charts, control, openTrainTab } from './train-page';
import { waitForTrainingPhase } from './training-phase';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** Loading 184 MB into a fresh profile and a run on wasm take seconds; the margin is for a busy machine. */
const SLOW_MS = 300_000;


/** The summary's rows as [layer, output shape, params] text. */
async function summaryRows(page: Page): Promise<string[][]> {
  return summary(page).locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

async function totalParams(page: Page): Promise<string | null> {
  return summary(page).getByTestId('total-params').textContent();
}

/** The text of the elements `element` names in its aria-describedby. */
async function description(element: Locator): Promise<string> {
  return element.evaluate((node) =>
    (node.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function phase(page: Page): Promise<string | null> {
  return panel(page).getByRole('status', { name: 'Training status' }).getAttribute('data-phase');
}

/** Open a chart's data table and read its body rows. */
async function chartTableRows(chart: Locator): Promise<string[][]> {
  const details = chart.locator('details.chart-data');
  if ((await details.getAttribute('open')) === null) await chart.getByText('Data table', { exact: true }).click();
  // The table is rendered once the details are open.
  await details.locator('table').waitFor();
  return details.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

describe('the Train view', () => {
  test('edits the architecture: a new layer changes the summary, a bad edit is shown on its layer and stops Start, the Tutorial preset restores 3 702 186 parameters', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => totalParams(page)).toBe('3 702 186');
    expect((await summaryRows(page)).map((cells) => cells[0])).toEqual([
      'conv2d (Conv2D)', 'dropout (Dropout)', 'conv2d_1 (Conv2D)', 'max_pooling2d (MaxPooling2D)', 'flatten (Flatten)', 'dense (Dense)', 'dropout_1 (Dropout)', 'dense_1 (Dense)',
    ]);
    // The tutorial's settings are the defaults, each labelled with Keras' name.
    expect(await panel(page).getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.01');
    expect(await panel(page).getByLabel('Momentum (momentum)').inputValue()).toBe('0.5');
    expect(await panel(page).getByLabel('Decay (decay)').inputValue()).toBe('0.0004');
    expect(await panel(page).getByLabel('Batch size (batch_size)').inputValue()).toBe('512');
    expect(await panel(page).getByLabel('Epochs (epochs)').inputValue()).toBe('25');

    // Add a Dense layer: by default just before the output layer, with 128 units.
    const add = architecture(page).getByRole('form', { name: 'Add a layer' });
    await add.getByLabel('Layer type').selectOption('Dense');
    expect(await add.getByLabel('Where').inputValue()).toBe('7');
    await add.getByRole('button', { name: 'Add layer' }).click();
    await expect.poll(() => totalParams(page)).toBe('3 764 010');
    const rows = await summaryRows(page);
    expect(rows).toHaveLength(9);
    expect(rows[7]).toEqual(['dense_1 (Dense)', '(None, 128)', '65 664']);
    expect(rows[8]).toEqual(['dense_2 (Dense)', '(None, 10)', '1 290']);

    // Reorder from the keyboard: the focus follows the moved layer.
    await layer(page, 8, 'Dense').getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => layer(page, 7, 'Dense').getByLabel('Units (units)').inputValue()).toBe('128');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move up');
    expect(await layer(page, 7, 'Dense').getByRole('button', { name: 'Move up' }).evaluate((node) => node === document.activeElement)).toBe(true);
    expect((await summaryRows(page))[6]).toEqual(['dense_1 (Dense)', '(None, 128)', '65 664']);

    // A kernel larger than the image: the error is on that input, and Start says why it is off.
    const kernel = layer(page, 1, 'Conv2D').getByLabel('Kernel size (kernel_size)');
    await kernel.fill('40');
    await expect.poll(() => kernel.getAttribute('aria-invalid')).toBe('true');
    expect(await description(kernel)).toBe('kernelSize 40×40 is larger than its 32×32 input');
    const start = control(page, 'Start');
    expect(await start.isDisabled()).toBe(true);
    expect(await description(start)).toMatch(/^Start is off until this is fixed: The network: layer 1 \(Conv2D\): kernelSize 40×40 is larger than its 32×32 input/);
    expect(await totalParams(page)).toBe('—');
    await kernel.fill('3');
    await expect.poll(() => kernel.getAttribute('aria-invalid')).toBe('false');

    // Without Flatten, a Dense layer has no flat input: the error is on the layer as a whole.
    await layer(page, 5, 'Flatten').getByRole('button', { name: 'Remove' }).click();
    const dense = layer(page, 5, 'Dense');
    await expect.poll(() => dense.getAttribute('aria-invalid')).toBe('true');
    expect(await description(dense)).toBe('needs a flat input, got 15×15×32; add a Flatten layer before it');
    expect(await start.isDisabled()).toBe(true);
    expect(await description(start)).toContain('layer 5 (Dense): needs a flat input');

    // A setting typed wrong is refused in place too.
    await panel(page).getByLabel('Learning rate (learning_rate)').fill('0');
    expect(await description(panel(page).getByLabel('Learning rate (learning_rate)'))).toContain('Learning rate must be > 0, got 0');

    // One click puts the tutorial back.
    await architecture(page).getByRole('button', { name: 'Tutorial model' }).click();
    await expect.poll(() => totalParams(page)).toBe('3 702 186');
    expect(await summaryRows(page)).toHaveLength(8);
    expect(await architecture(page).locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await panel(page).getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.01');
    expect(await architecture(page).getByText('3 702 186 parameters to learn', { exact: false }).isVisible()).toBe(true);
  });

  test('a short run on wasm fills the charts and moves the progress bars; the charts export their data as CSV', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    // A small network and run: 128 images in batches of 32 (4 steps an epoch), 2 epochs, 64 to validate.
    await layer(page, 6, 'Dense').getByLabel('Units (units)').fill('64');
    await expect.poll(() => summaryRows(page).then((rows) => rows[5])).toEqual(['dense (Dense)', '(None, 64)', '460 864']);
    await panel(page).getByLabel('Training images').selectOption('128');
    await panel(page).getByLabel('Validation images').selectOption('64');
    await panel(page).getByLabel('Batch size (batch_size)').fill('32');
    await panel(page).getByLabel('Epochs (epochs)').fill('2');
    // No decay, so every step's learning rate is the one typed here: the engine reports what it used.
    await panel(page).getByLabel('Learning rate (learning_rate)').fill('0.02');
    await panel(page).getByLabel('Decay (decay)').fill('0');
    expect(await chartTableRows(charts(page).getByRole('figure', { name: 'Batch loss' }))).toEqual([]);

    // Mark the three charts' canvases: a chart rebuilt for new points would lose its mark.
    expect(await charts(page).locator('canvas').evaluateAll((canvases) => canvases.map((canvas) => canvas.setAttribute('data-original', 'yes')).length)).toBe(3);

    const step = control(page, 'Step one batch');
    await expect.poll(() => step.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    expect(await description(control(page, 'Start'))).toBe('');
    await step.click();
    await expect.poll(() => phase(page), { timeout: SLOW_MS }).toBe('paused');
    const epochsBar = panel(page).getByRole('progressbar', { name: 'Epochs completed' });
    const batchesBar = panel(page).getByRole('progressbar', { name: 'Batches completed in this epoch' });
    expect([await epochsBar.getAttribute('value'), await epochsBar.getAttribute('max')]).toEqual(['0', '2']);
    expect([await batchesBar.getAttribute('value'), await batchesBar.getAttribute('max')]).toEqual(['1', '4']);
    expect(await panel(page).getByText('Learning rate', { exact: true }).locator('xpath=following-sibling::dd').textContent()).toBe('0.0200');
    const batchChart = charts(page).getByRole('figure', { name: 'Batch loss' });
    await expect.poll(() => batchChart.getByRole('img').getAttribute('aria-label')).toMatch(/^Batch loss chart: Loss \d\.\d{2} over 1 of 8 steps \(smoothed \d\.\d{2}\)\.$/);
    expect(await chartTableRows(batchChart)).toHaveLength(1);

    await control(page, 'Resume').click();
    await waitForTrainingPhase(panel(page).getByRole('status', { name: 'Training status' }), 'finished', SLOW_MS);
    expect([await epochsBar.getAttribute('value'), await batchesBar.getAttribute('value')]).toEqual(['2', '4']);

    expect(await charts(page).locator('canvas[data-original="yes"]').count()).toBe(3);

    // Every step is in the batch chart's table; the smoothed loss of step 1 is its own loss.
    const batchRows = await chartTableRows(batchChart);
    expect(batchRows.map((cells) => cells[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(batchRows.map((cells) => cells.slice(1, 3))).toEqual([['1', '1'], ['1', '2'], ['1', '3'], ['1', '4'], ['2', '1'], ['2', '2'], ['2', '3'], ['2', '4']]);
    expect(batchRows[0]?.[4]).toBe(batchRows[0]?.[3]);
    expect(await batchChart.getByRole('img').getAttribute('aria-label')).toMatch(/^Batch loss chart: Loss \d\.\d{2} → \d\.\d{2} over 8 of 8 steps /);

    // Per epoch: two points each, the same numbers as the results table.
    const lossChart = charts(page).getByRole('figure', { name: 'Loss per epoch' });
    const accuracyChart = charts(page).getByRole('figure', { name: 'Accuracy per epoch' });
    const lossRows = await chartTableRows(lossChart);
    expect(lossRows.map((cells) => cells[0])).toEqual(['1', '2']);
    await openTrainTab(page, 'Results');
    const results = await panel(page).getByRole('table', { name: 'Results per epoch' }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
    expect(lossRows.map((cells) => [cells[1], cells[2]])).toEqual(results.map((cells) => [cells[1], cells[3]]));
    expect((await chartTableRows(accuracyChart)).map((cells) => [cells[1], cells[2]])).toEqual(results.map((cells) => [cells[2], cells[4]]));
    expect(await accuracyChart.getByRole('img').getAttribute('aria-label')).toMatch(/^Accuracy per epoch chart: Training accuracy \d+\.\d % → \d+\.\d % over 2 of 2 epochs; validation \d+\.\d % → \d+\.\d %\.$/);
    // The same sentence is written under the chart's title, for everyone.
    expect(await accuracyChart.getByText(/^Training accuracy \d+\.\d % → /).count()).toBe(1);

    // The CSV holds what the table shows, at full precision.
    const [download] = await Promise.all([page.waitForEvent('download'), batchChart.getByRole('button', { name: 'Download CSV of the batch loss' }).click()]);
    expect(download.suggestedFilename()).toBe('batch-loss.csv');
    const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('step,epoch,batch,loss,smoothed_loss,accuracy,learning_rate');
    expect(csv).toHaveLength(9);
    csv.slice(1).forEach((line, index) => {
      const [stepCell, , , lossCell, , , rate] = line.split(',');
      expect(stepCell).toBe(String(index + 1));
      expect(Number(lossCell).toFixed(4)).toBe(batchRows[index]?.[3]);
      expect(Number(rate)).toBeCloseTo(0.02, 6);
    });
    const [epochDownload] = await Promise.all([page.waitForEvent('download'), accuracyChart.getByRole('button', { name: 'Download CSV of the accuracy per epoch' }).click()]);
    expect(readFileSync(await epochDownload.path(), 'utf8').split('\r\n')[0]).toBe('epoch,accuracy,val_accuracy');

    // Speed and backend, as measured.
    expect(Number(await panel(page).getByTestId('images-per-second').textContent())).toBeGreaterThan(0);
    expect(await panel(page).getByText('Backend', { exact: true }).locator('xpath=following-sibling::dd').textContent()).toMatch(/^wasm · SIMD/);
  });
});
