import type { Page } from 'playwright-core';

/** The Train area's parts, found by role and accessible name, as the Train end-to-end tests use them. */
export const architecture = (page: Page) => page.getByRole('region', { name: 'Network architecture' });
export const summary = (page: Page) => architecture(page).getByRole('table', { name: /^Model summary/ });
/** How far the model summary's table overflows its box sideways (CSS px; 0: Param # shows whole, nothing scrolls inside). */
export async function summaryOverflow(page: Page): Promise<number> {
  return summary(page).evaluate((table) => {
    if (!table.parentElement) throw new Error('the model summary has no box around it');
    return table.parentElement.scrollWidth - table.parentElement.clientWidth;
  });
}
export const layer = (page: Page, number: number, type: string) => architecture(page).getByRole('group', { name: new RegExp(`^Layer ${number}: ${type}\\b`) });
export const panel = (page: Page) => page.getByRole('region', { name: 'Train the network' });
export const settings = (page: Page) => panel(page).getByRole('form', { name: 'Training settings' });
export const charts = (page: Page) => panel(page).getByRole('region', { name: 'Live charts' });
export const control = (page: Page, name: string) => panel(page).getByRole('group', { name: 'Training controls' }).getByRole('button', { name, exact: true });
/** The Train area's tabs under the dashboard ("Network and settings" is open on a first visit). */
export const trainTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Train sections' }).getByRole('tab', { name, exact: true });
/** Open one of the Train area's tabs: "Network and settings", "Results", "Runs", "Inside the network" or "Data". */
export async function openTrainTab(page: Page, name: string): Promise<void> {
  await trainTab(page, name).click();
}
