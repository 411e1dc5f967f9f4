import { expect, test, type Browser } from '@playwright/test';
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

/** A reader whose page is rendered per request (their text-size cookie), so each view reads the cache anew. */
async function readerPage(browser: Browser) {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'text-size', value: 'large', url: 'http://localhost' }]);
  return context.newPage();
}

const pubmedBox = (page: Awaited<ReturnType<typeof readerPage>>) => page.locator('.related-box[data-box="pubmed"]');

test('with NCBI down the page renders at once and the box shows the cached list, in the page itself', async ({
  browser,
  page,
}) => {
  await ageCache(); // stale, but the (stopped) stand-in is never waited for
  const reader = await readerPage(browser);
  const started = Date.now();
  const response = await reader.goto(ARTICLE);
  expect(await response!.text()).toContain('The DRESS syndrome: a literature review.');
  await expect(pubmedBox(reader).getByRole('link', { name: 'The DRESS syndrome: a literature review.' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5000);
  await reader.context().close();
  // The shared page carries the box in its HTML too.
  const shared = await page.goto(ARTICLE);
  expect(await shared!.text()).toContain('The DRESS syndrome: a literature review.');
});

test('a slow NCBI never holds up the page; a stale list is refreshed from NCBI after the page was sent', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  await ageCache();
  const slow = await startNcbiStandIn({ port: e2eSettings().ncbiPort, delayMs: 3000, neighbours: [] });
  const reader = await readerPage(browser);
  try {
    const started = Date.now();
    await reader.goto(ARTICLE);
    expect(Date.now() - started).toBeLessThan(2500);
    await expect(
      pubmedBox(reader).getByRole('link', { name: 'The DRESS syndrome: a literature review.' }),
    ).toBeVisible();
  } finally {
    await slow.close();
  }

  await ageCache();
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
  try {
    // The first view answers from the cache and asks NCBI afterwards; a later view shows the new list.
    // The server reads an article's cached parts again after 30 s (FRESH_MS in
    // lib/articles/article-page-cache.ts): until then a view loaded before ageCache() sees the list as fresh.
    await expect
      .poll(
        async () => {
          await reader.goto(ARTICLE);
          return pubmedBox(reader).getByRole('link', { name: 'Stand-in neighbour about IVIG in DRESS' }).count();
        },
        { timeout: 45_000 },
      )
      .toBe(1);
    const elink = ncbi.requests.find((u) => u.pathname.endsWith('/elink.fcgi'));
    expect(elink?.searchParams.get('cmd')).toBe('neighbor_score');
    expect(elink?.searchParams.get('tool')).toBe('journal-platform');
  } finally {
    await reader.context().close();
    await ncbi.close();
  }
});
