/**
 * The README's "Your own classes" screenshot at the projector size (1280 × 720): a set of three
 * classes — two filled from drawn picture files, one from Chromium's fake camera with a held burst —
 * with the camera still live above the class cards; then, trained by transfer, Classify answering the
 * camera live in the set's class names.
 */
import type { Page } from 'playwright-core';
import { drawnPicture } from '../../tests/e2e/own-class-pictures';
import { goToView, PROJECTOR, showTrainTab, waitForRun, type Shot } from './shot';

const PICTURES = 20;

async function rename(page: Page, number: number, name: string): Promise<void> {
  const field = page.getByRole('textbox', { name: `Name of class ${number}` });
  await field.fill(name);
  await field.press('Enter');
  await page.getByRole('group', { name: `Class ${number}: ${name}` }).waitFor();
}

const count = (page: Page, number: number, name: string): Promise<string | null> => page.getByRole('group', { name: `Class ${number}: ${name}` }).getByText(/^\d+ pictures?/).textContent();

async function ownClasses(page: Page): Promise<void> {
  await page.setViewportSize(PROJECTOR);
  await showTrainTab(page, 'Own classes');
  const region = page.getByRole('region', { name: 'Your own classes' });
  await region.getByRole('button', { name: 'New class set' }).click();
  await region.getByRole('group', { name: 'Class 2: Class 2' }).waitFor();
  const setName = region.getByRole('textbox', { name: 'Set name' });
  await setName.fill('Shapes and a mug');
  await setName.press('Enter');
  await region.getByRole('button', { name: 'Add a class' }).click();
  await rename(page, 1, 'Red disc');
  await rename(page, 2, 'Blue square');
  await rename(page, 3, 'Mug');
  await region.getByLabel('Picture files for “Red disc”').setInputFiles(Array.from({ length: PICTURES }, (_, index) => drawnPicture('disc', index)));
  await region.getByLabel('Picture files for “Blue square”').setInputFiles(Array.from({ length: PICTURES }, (_, index) => drawnPicture('square', index)));
  while ((await count(page, 2, 'Blue square')) !== `${PICTURES} pictures`) await page.waitForTimeout(200);
  await region.getByRole('group', { name: 'Class 3: Mug' }).getByRole('button', { name: 'Camera', exact: true }).click();
  const hold = region.getByRole('button', { name: 'Hold to capture into “Mug”' });
  await hold.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await hold.focus();
  await page.keyboard.down('Space');
  await page.waitForTimeout(2600);
  await page.keyboard.up('Space');
  while (!/^(1[5-9]|[2-9]\d) pictures/.test((await count(page, 3, 'Mug')) ?? '')) await page.waitForTimeout(200);
  // The open set from its name row down: the camera live above the class cards.
  await page.locator('.own-editor').evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -8);
  });
  await hold.blur();
  await page.waitForTimeout(300);
}

/** Train the set by transfer (the form's defaults), then let Classify answer the camera live with the run's model. */
async function classifyLive(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Turn the camera off' }).click();
  await page.getByRole('form', { name: 'Train on these classes' }).getByRole('button', { name: 'Start training' }).click();
  await waitForRun(page);
  await goToView(page, '#/classify', 'Classify');
  await page.getByRole('button', { name: 'Use the camera' }).click();
  await page.getByRole('button', { name: 'Classify live' }).click();
  await page.getByRole('group', { name: 'Live answer' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Camera', exact: true }).evaluate((element) => {
    element.scrollIntoView({ block: 'center' });
  });
  await page.waitForTimeout(600);
}

/** Back in Train after the transfer run: Results, its matrix in the set's class names, one square's held-out pictures (the panel whole). */
async function ownResults(page: Page): Promise<void> {
  await goToView(page, '#/train', 'Train');
  await showTrainTab(page, 'Results');
  const evaluation = page.getByRole('region', { name: 'Where the network goes wrong' });
  await evaluation.getByRole('button', { name: /^true Red disc, predicted Red disc: \d+ images?$/ }).click();
  await evaluation.getByRole('region', { name: 'Images of the chosen square' }).getByRole('button').first().waitFor();
  await page.waitForTimeout(300);
}

/** The own-classes screenshots, in order: each after the first stays on the page the one before left (its set, its camera, its trained run). */
export const OWN_CLASSES_SHOTS: readonly Shot[] = [
  { file: 'docs/train-own-classes.png', hash: '?backend=wasm#/train', waitForHeading: 'Train', prepare: ownClasses },
  { file: 'docs/classify-own-live.png', hash: '', waitForHeading: '', samePage: true, prepare: classifyLive },
  {
    file: 'docs/train-own-classes-results.png',
    hash: '',
    waitForHeading: '',
    samePage: true,
    prepare: ownResults,
    element: (page: Page) => page.getByRole('region', { name: 'Where the network goes wrong' }),
  },
];
