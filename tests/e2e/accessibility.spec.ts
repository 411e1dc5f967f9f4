import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SEED_DOI } from './support/content';

for (const [name, path] of [
  ['home', '/'],
  ['issue', '/issues/148/4'],
  ['article', `/doi/${SEED_DOI}`],
  ['not found', '/doi/10.1001/missing'],
] as const) {
  test(`the ${name} page has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
