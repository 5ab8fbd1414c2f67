import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Run axe-core on the page as it is now (the CSP stays on: axe is injected through the DevTools
 * protocol, as Playwright's `evaluate` does, not by a `<script>` the policy would refuse), and return
 * one line per violation — rule, impact, how many nodes, the first nodes' selectors — so a failing
 * assertion names what to fix. Every rule axe runs by default counts, best practices included.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => {
    const targets = violation.nodes.slice(0, 4).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`);
    return `${violation.id} [${violation.impact ?? 'unknown'}] ×${violation.nodes.length}: ${targets.join(' | ')}`;
  });
}
