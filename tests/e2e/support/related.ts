import { expect, type Page } from '@playwright/test';

// The one SQL helper lives in ./db; the related-content specs reach it from here too.
export { sql } from './db';

/** The box ids of the Related Content sidebar, top to bottom as painted. */
export async function paintedBoxOrder(page: Page): Promise<string[]> {
  return page.locator('.related-box').evaluateAll((boxes) =>
    boxes
      .map((b) => ({ id: b.getAttribute('data-box') ?? '', top: b.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top)
      .map((b) => b.id),
  );
}

/** The box ids in DOM order (what keyboard and screen-reader users move through). */
export async function domBoxOrder(page: Page): Promise<string[]> {
  return page.locator('.related-box').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-box') ?? ''));
}

/** Waits until the sidebar has hydrated and taken the given order, painted and in the DOM. */
export async function expectBoxOrder(page: Page, order: string[]) {
  await expect.poll(() => paintedBoxOrder(page)).toEqual(order);
  await expect.poll(() => domBoxOrder(page)).toEqual(order);
}

/** Drags one box onto another with the mouse, in small steps as a person would. */
export async function dragBoxWithMouse(page: Page, fromTitle: string, toTitle: string) {
  const handle = page.getByRole('button', { name: `Move box: ${fromTitle}` });
  const target = page.getByRole('button', { name: `Move box: ${toTitle}` });
  // The mouse reaches only what is on screen: start with the upper box at the top of the window.
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  const steps = 8;
  for (let i = 1; i <= steps; i++) await page.mouse.move(x, from.y + from.height / 2 + ((to.y - from.y) * i) / steps);
  await expect(page.getByRole('status').filter({ hasText: `${fromTitle} moved to position` })).toHaveCount(1);
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: `${fromTitle} dropped at position` })).toHaveCount(1);
}
