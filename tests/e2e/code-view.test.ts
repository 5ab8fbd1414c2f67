import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionPerTest } from './session-checks';

const baseUrl = inject('baseUrl');
const session = appSessionPerTest(baseUrl);
const SLOW_MS = 300_000;

const codeView = (page: Page) => page.getByRole('region', { name: 'Code: this lab in Keras' });
const code = (page: Page) => codeView(page).getByRole('region', { name: /^Keras 3 code/ });
const settings = (page: Page) => page.getByRole('form', { name: 'Training settings' });
const architecture = (page: Page) => page.getByRole('region', { name: 'Network architecture' });

/** The TUTORIAL's Keras lines, as a reader copies them from the page. */
const TUTORIAL = `model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(32, 32, 3), padding='same', activation='relu'))
model.add(Dropout(0.2))
model.add(Conv2D(32, (3, 3), activation='relu', padding='valid'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(512, activation='relu'))
model.add(Dropout(0.3))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer=SGD(momentum=0.5, decay=0.0004), metrics=['accuracy'])
model.fit(X, y, validation_data=(X_test, y_test), epochs=25, batch_size=512)`;

describe('the code view', () => {
  test('shows the lab as Keras, follows an edit, links a line and its control both ways, and downloads train.py', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await expect.poll(() => code(page).textContent()).toContain('model.add(layers.Conv2D(32, (3, 3), padding="same", activation="relu"))');
    // A setting changes the code at once.
    await settings(page).getByLabel(/^Momentum/).fill('0.9');
    await expect.poll(() => code(page).textContent()).toContain('momentum=0.9,');
    // Focusing a control marks its line; hovering a line marks its control.
    await settings(page).getByLabel(/^Learning rate/).focus();
    await expect.poll(() => code(page).locator('.code-line-marked').allTextContents()).toEqual(['        initial_learning_rate=0.01,\n', '        learning_rate=learning_rate,\n']);
    await code(page).locator('[data-code-link="layer:2"]').hover();
    await expect.poll(() => architecture(page).locator('li.code-linked').getByRole('heading').textContent()).toMatch(/Conv2D/);
    // From the keyboard: ↓ to a linked line, Enter moves the focus to its control.
    await code(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => codeView(page).getByRole('status').first().textContent()).toContain('set by the run seed');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-code-control]')?.getAttribute('data-code-control'))).toBe('setting:trainSubset');
    // The TensorFlow.js tab.
    await codeView(page).getByRole('tab', { name: 'TensorFlow.js' }).click();
    await expect.poll(() => codeView(page).getByRole('region', { name: /^TensorFlow.js code/ }).textContent()).toContain('tf.train.momentum(0.01, 0.9)');
    // The script, as the browser downloads it.
    const download = page.waitForEvent('download');
    await codeView(page).getByRole('link', { name: 'Download train.py' }).click();
    const file = await (await download).path();
    const script = readFileSync(file, 'utf8');
    expect(script).toContain('        momentum=0.9,\n');
    expect(script).toContain('def load_tfjs_weights(model, model_json_path):');
  }, SLOW_MS);

  test("imports the tutorial's lines after a preview, and refuses a snippet with an unusable layer without changing anything", async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/train`);
    await settings(page).getByLabel(/^Learning rate/).fill('0.3');
    await architecture(page).getByRole('group', { name: /^Layer 2: Dropout/ }).getByRole('button', { name: 'Remove' }).click();
    await codeView(page).getByRole('button', { name: 'Import Keras code…' }).click();
    const importer = codeView(page).getByRole('group', { name: 'Import Keras code' });
    // An unusable layer: named, with why, and nothing changes.
    await importer.getByLabel(/^Keras code to import/).fill(TUTORIAL.replace('model.add(Dropout(0.2))', 'model.add(LayerNormalization())'));
    await importer.getByRole('button', { name: 'Read the code' }).click();
    await expect.poll(() => importer.getByRole('list', { name: 'Lines that cannot be used' }).textContent()).toMatch(/Line 3: model\.add\(LayerNormalization\(\)\) — LayerNormalization is not a layer the app can train/);
    expect(await importer.getByRole('button', { name: 'Use this code' }).isDisabled()).toBe(true);
    expect(await settings(page).getByLabel(/^Learning rate/).inputValue()).toBe('0.3');
    // The tutorial's lines: a preview of the changes, then the tutorial's network and settings.
    await importer.getByLabel(/^Keras code to import/).fill(TUTORIAL);
    await importer.getByRole('button', { name: 'Read the code' }).click();
    await expect.poll(() => importer.getByRole('region', { name: 'What the import would do' }).textContent()).toContain('Learning rate: 0.3 → 0.01');
    expect(await settings(page).getByLabel(/^Learning rate/).inputValue()).toBe('0.3');
    await importer.getByRole('button', { name: 'Use this code' }).click();
    await expect.poll(() => settings(page).getByLabel(/^Learning rate/).inputValue()).toBe('0.01');
    await expect.poll(() => architecture(page).getByTestId('total-params').textContent()).toBe('3 702 186');
    await expect.poll(() => importer.getByRole('status').textContent()).toMatch(/^Imported: \d+ changes made\.$/);
  }, SLOW_MS);

  test('Download for Keras of the pretrained model: a zip of train.py and the tfjs files, made in the engine', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}?backend=wasm#/classify`);
    await page.getByRole('button', { name: 'Download for Keras: the pretrained model' }).click();
    const link = page.getByRole('link', { name: 'cifar10-tutorial-keras.zip' });
    await link.waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await link.click();
    const entries = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
    expect(Object.keys(entries).sort()).toEqual(['cifar10-tutorial-keras/cifar10-tutorial.json', 'cifar10-tutorial-keras/cifar10-tutorial.weights.bin', 'cifar10-tutorial-keras/train.py']);
    expect(entries['cifar10-tutorial-keras/cifar10-tutorial.weights.bin']?.byteLength).toBe(3_702_186 * 4);
    expect(new TextDecoder().decode(entries['cifar10-tutorial-keras/train.py'])).toContain('python train.py --weights cifar10-tutorial.json --epochs 0');
  }, SLOW_MS);

  test('lesson 8 draws the network as blocks; a click opens that layer', async () => {
    const { page } = session;
    await page.goto(`${baseUrl}#/learn/network`);
    const diagram = page.getByRole('list', { name: /^The network as a diagram/ });
    await diagram.waitFor();
    expect(await diagram.getByRole('button').count()).toBe(9);
    await diagram.getByRole('button', { name: /^3 Conv2D 30 × 30 × 32 \(9.248 parameters\)$/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'This layer' }).locator('h4').textContent()).toBe("Conv2D(32, (3, 3), padding='valid', activation='relu')");
    expect(await diagram.getByRole('button', { pressed: true }).textContent()).toMatch(/^3 Conv2D/);
  }, SLOW_MS);
});
