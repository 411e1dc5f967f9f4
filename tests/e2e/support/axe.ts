import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Axe on the page, every rule: only violations are wanted, so axe skips working out the selectors
 * of the nodes that pass (axe-core's own performance advice; on the article page most of its time).
 * Legacy mode runs axe.run in the page itself: the default opens a blank page per analysis to merge
 * the results of cross-origin frames, which our pages cannot have (CSP: frames from 'self' only).
 * On accessibility.spec.ts it took the test runner's CPU from 30.9 s to 23.8 s.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/** The serious and critical axe violations on the page as it stands (or in `include`, a selector). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = axeOn(page);
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** No serious or critical axe violation on the page, once it has its title. */
export async function expectAxeClean(page: Page) {
  // After a form's redirect Next sets the new page's <title> a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  expect(await seriousViolations(page)).toEqual([]);
}
