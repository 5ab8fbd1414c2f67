import type { Locator, Page } from 'playwright-core';

/** The length and data of a training run, as the Train settings form takes them. */
export interface RunSettings {
  /** One of the form's choices: '128', '512', '1000', '5000', '10000' or 'all'. */
  readonly trainImages: string;
  /** One of '64', '256', '500', '1000' or 'all'. */
  readonly validationImages: string;
  readonly batchSize: string;
  readonly epochs: string;
}

/**
 * Fill the Train area's settings form: training and validation images, batch size, epochs. The fields
 * are looked up inside the form, by label, because once a run has trained, a progress bar is labelled
 * "Epochs completed" too. Used by the e2e tests, the screenshots and the benchmark (no Vitest here).
 */
export async function fillRunSettings(scope: Page | Locator, run: RunSettings): Promise<void> {
  const form = scope.getByRole('form', { name: 'Training settings' });
  await form.getByLabel('Training images').selectOption(run.trainImages);
  await form.getByLabel('Validation images').selectOption(run.validationImages);
  await form.getByLabel('Batch size').fill(run.batchSize);
  await form.getByLabel('Epochs').fill(run.epochs);
}
