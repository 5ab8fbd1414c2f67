import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionPerTest } from './session-checks';
import { architecture, summary, layer, panel, settings, control, openTrainTab } from './train-page';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);

/** Loading 184 MB into a fresh profile and a run on wasm take seconds; the margin is for a busy machine. */
const SLOW_MS = 300_000;


async function totalParams(page: Page): Promise<string | null> {
  return summary(page).getByTestId('total-params').textContent();
}

describe('regularisers, recipes and each optimiser’s own decay', () => {
  test('Quick demo and Better recipe set a whole network and its settings; switching optimiser never carries the decay over', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => totalParams(page)).toBe('3 702 186');
    const optimizer = settings(page).getByRole('group', { name: 'SGD’s own settings' });
    expect(await optimizer.getByLabel('Decay (decay)').inputValue()).toBe('0.0004');

    // SGD → Adam: Adam's own learning rate and no decay, under Adam's name; back: SGD's as left.
    await settings(page).getByLabel('Learning rate (learning_rate)').fill('0.05');
    await settings(page).getByLabel('Optimizer (optimizer)').selectOption('adam');
    const adam = settings(page).getByRole('group', { name: 'Adam’s own settings' });
    expect(await adam.getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.001');
    expect(await adam.getByLabel('Decay (decay)').inputValue()).toBe('0');
    await settings(page).getByLabel('Optimizer (optimizer)').selectOption('sgd');
    expect(await settings(page).getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.05');
    expect(await settings(page).getByLabel('Decay (decay)').inputValue()).toBe('0.0004');

    const recipes = architecture(page).getByRole('group', { name: 'Recipes' });
    await recipes.getByRole('button', { name: 'Quick demo' }).click();
    await expect.poll(() => totalParams(page)).toBe('136 874');
    expect(await settings(page).getByLabel('Optimizer (optimizer)').inputValue()).toBe('adam');
    expect(await settings(page).getByLabel('Learning rate (learning_rate)').inputValue()).toBe('0.003');
    expect(await settings(page).getByLabel('Decay (decay)').inputValue()).toBe('0');
    expect(await settings(page).getByLabel('Training images').inputValue()).toBe('10000');
    expect(await settings(page).getByLabel('Validation images').inputValue()).toBe('1000');
    expect(await settings(page).getByLabel('Batch size (batch_size)').inputValue()).toBe('64');

    await recipes.getByRole('button', { name: 'Better recipe' }).click();
    await expect.poll(() => totalParams(page)).toBe('3 702 442');
    expect(await settings(page).getByLabel('Schedule').inputValue()).toBe('one-cycle');
    expect(await settings(page).getByLabel('Label smoothing (label_smoothing)').inputValue()).toBe('0.1');
    // Under one-cycle the decay is not used, and the page says so.
    expect(await settings(page).getByLabel('Decay (decay)').isDisabled()).toBe(true);
    expect(await settings(page).getByLabel(/^Augment the training pictures/).isChecked()).toBe(true);
    await architecture(page).getByText('What the recipes change, and why').click();
    expect(await architecture(page).getByRole('region', { name: 'Better recipe: changes' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(5);
  });

  test('DropConnect, stochastic pooling, weight decay and max-norm in the editor, the summary and the regulariser table; a short run with them trains on wasm', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => totalParams(page)).toBe('3 702 186');
    // Stochastic pooling in place of max pooling (layer 4), DropConnect in place of the 512-unit dense layer.
    const add = architecture(page).getByRole('form', { name: 'Add a layer' });
    await add.getByLabel('Layer type').selectOption('StochasticPooling2D');
    await add.getByLabel('Where').selectOption('3');
    await add.getByRole('button', { name: 'Add layer' }).click();
    await layer(page, 5, 'MaxPooling2D').getByRole('button', { name: 'Remove' }).click();
    await add.getByLabel('Layer type').selectOption('DropConnectDense');
    await add.getByLabel('Where').selectOption('5');
    await add.getByRole('button', { name: 'Add layer' }).click();
    await layer(page, 7, 'Dense').getByRole('button', { name: 'Remove' }).click();
    await layer(page, 6, 'DropConnectDense').getByLabel('Units (units)').fill('32');
    const conv = layer(page, 1, 'Conv2D');
    await conv.getByLabel('Weight decay (kernel_regularizer=l2(…))').fill('0.0005');
    await conv.getByLabel('Max-norm (kernel_constraint=max_norm(…))').fill('3');
    // 896 + 9 248 + (7 200 + 1) × 32 + 33 × 10
    await expect.poll(() => totalParams(page)).toBe('240 906');
    const rows = await summary(page).locator('tbody th').allTextContents();
    expect(rows[0]).toBe('conv2d (Conv2D)weight decay l2(0.0005), max_norm(3)');
    expect(rows[3]).toBe('stochastic_pooling2d (StochasticPooling2D)');
    expect(rows[5]).toBe('drop_connect_dense (DropConnectDense)');

    // Stochastic pooling after a layer that can be negative is refused, on that layer.
    await conv.getByLabel('Activation (activation)').selectOption('tanh');
    await layer(page, 3, 'Conv2D').getByLabel('Activation (activation)').selectOption('linear');
    const pooling = layer(page, 4, 'StochasticPooling2D');
    await expect.poll(() => pooling.getAttribute('aria-invalid')).toBe('true');
    await layer(page, 3, 'Conv2D').getByLabel('Activation (activation)').selectOption('relu');
    await conv.getByLabel('Activation (activation)').selectOption('relu');
    await expect.poll(() => pooling.getAttribute('aria-invalid')).toBe(null);

    await architecture(page).getByText(/^Regularisers: fighting overfitting/).click();
    const table = architecture(page).getByRole('table', { name: /^Regularisers: fighting overfitting/ });
    const uses = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.lastElementChild?.textContent ?? '']));
    expect(uses).toEqual([
      ['Dropout (empirical)', 'dropout, dropout_1'],
      ['DropConnect (empirical)', 'drop_connect_dense'],
      ['Stochastic pooling (empirical)', 'stochastic_pooling2d'],
      ['Early stopping (explicit)', 'not used'],
      ['Weight decay (explicit)', 'conv2d'],
      ['Number of parameters (explicit)', '240,906 parameters, 96 % of them in drop_connect_dense'],
      ['Max-norm constraint (explicit)', 'conv2d'],
    ]);

    // Train it: 128 pictures, 2 epochs of 4 batches, 64 to validate, on wasm in the engine's worker.
    await settings(page).getByLabel('Training images').selectOption('128');
    await settings(page).getByLabel('Validation images').selectOption('64');
    await settings(page).getByLabel('Batch size (batch_size)').fill('32');
    await settings(page).getByLabel('Epochs (epochs)').fill('2');
    const start = control(page, 'Start');
    await expect.poll(() => start.isEnabled(), { timeout: SLOW_MS }).toBe(true);
    await start.click();
    const status = panel(page).getByRole('status', { name: 'Training status' });
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: SLOW_MS }).toBe('finished');
    await openTrainTab(page, 'Results');
    const epochs = await panel(page).getByRole('table', { name: 'Results per epoch' }).locator('tbody tr').allTextContents();
    expect(epochs).toHaveLength(2);
    expect(await page.locator('[data-backend]').getAttribute('data-backend')).toBe('wasm');
  });
});
