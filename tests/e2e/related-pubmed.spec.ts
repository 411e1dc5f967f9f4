import { expect, test } from '@playwright/test';
import { SEED_DOI } from './support/content';
import { sql } from './support/related';
import { e2eSettings } from './settings';
import { startNcbiStandIn } from '../support/ncbi-stand-in';

const ARTICLE = `/doi/${SEED_DOI}`;

async function ageCache() {
  await sql(
    `UPDATE "PubmedCache" SET "fetchedAt" = now() - interval '30 days' WHERE "articleId" = (SELECT id FROM "Article" WHERE doi = $1)`,
    [SEED_DOI],
  );
}

test('with NCBI down the page renders at once and the box shows the cached list', async ({ page }) => {
  await ageCache(); // stale, so the server tries the (stopped) stand-in first
  const started = Date.now();
  const [pubmed] = await Promise.all([page.waitForResponse('**/api/articles/pubmed?*'), page.goto(ARTICLE)]);
  expect(pubmed.status()).toBe(200);
  const box = page.locator('.related-box[data-box="pubmed"]');
  await expect(box.getByRole('link', { name: 'The DRESS syndrome: a literature review.' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a slow NCBI costs the box at most about a second, then a stale list is refreshed from NCBI', async ({
  page,
  browser,
}) => {
  await ageCache();
  const slow = await startNcbiStandIn({ port: e2eSettings().ncbiPort, delayMs: 3000, neighbours: [] });
  try {
    await page.goto(ARTICLE);
    const started = Date.now();
    const body = (await (
      await page.request.get(`/api/articles/pubmed?doi=${encodeURIComponent(SEED_DOI)}`)
    ).json()) as { items: { title: string }[] };
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.items.map((i) => i.title)).toContain('The DRESS syndrome: a literature review.');
  } finally {
    await slow.close();
  }

  const ncbi = await startNcbiStandIn({
    port: e2eSettings().ncbiPort,
    neighbours: [
      {
        pmid: '30000001',
        title: 'Stand-in neighbour about IVIG in DRESS',
        journal: 'Stand-in Journal',
        pubdate: '2020 Mar',
      },
    ],
  });
  // A new browser: the first one may keep the earlier answer for a few minutes (it is cacheable).
  const fresh = await browser.newPage();
  try {
    await fresh.goto(ARTICLE);
    await expect(
      fresh
        .locator('.related-box[data-box="pubmed"]')
        .getByRole('link', { name: 'Stand-in neighbour about IVIG in DRESS' }),
    ).toBeVisible();
    const elink = ncbi.requests.find((u) => u.pathname.endsWith('/elink.fcgi'));
    expect(elink?.searchParams.get('cmd')).toBe('neighbor_score');
    expect(elink?.searchParams.get('tool')).toBe('journal-platform');
  } finally {
    await fresh.close();
    await ncbi.close();
  }
});
