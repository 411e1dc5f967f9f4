// Readers of every kind for the article-page tests: each a browser context of its own, so their
// cookies never mix, set up the way the site's own flows leave them.
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';
import { registerViaUi, signIn } from './auth';
import { SEED_DOI } from './content';
import { sql } from './related';

export type ReaderKind = 'visitor' | 'free reader' | 'subscriber' | 'purchaser' | 'institution' | 'expired purchase';

/** The address the seed's institution range (203.0.113.0/24) covers, sent as the e2e proxy would. */
export const INSTITUTION_HEADERS = { 'X-Forwarded-For': '203.0.113.77' };

/** Records a 24-hour purchase of `doi` as the payment does (buying itself: purchase-24-hours.spec.ts). */
async function recordPurchase(email: string, doi: string, hoursAgo: number) {
  await sql(
    `INSERT INTO "ArticlePurchase" (id, "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", currency)
     SELECT $1, u.id, a.id, now() - make_interval(hours => $4), now() - make_interval(hours => $4) + interval '24 hours', 3000, 'usd'
     FROM "User" u, "Article" a WHERE u.email = $2 AND a.doi = $3`,
    [`reader-${Date.now()}-${Math.random()}`, email, doi, hoursAgo],
  );
}

/** A context for `kind`; the institution visitor's requests carry the institution's address. */
export async function contextFor(
  browser: Browser,
  kind: ReaderKind,
  options: BrowserContextOptions = {},
  doi = SEED_DOI,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: kind === 'institution' ? INSTITUTION_HEADERS : {},
  });
  // Signing in needs the site's scripts; the reader's own browser may then run without them.
  const setUp = options.javaScriptEnabled === false ? await browser.newContext() : context;
  const page = await setUp.newPage();
  if (kind === 'free reader') await signIn(page, 'reader@example.com');
  if (kind === 'subscriber') await signIn(page, 'subscriber@example.com');
  if (kind === 'purchaser' || kind === 'expired purchase') {
    const { email } = await registerViaUi(page, kind === 'purchaser' ? 'Pat Purchaser' : 'Eve Expired');
    await recordPurchase(email, doi, kind === 'purchaser' ? 0 : 25);
  }
  if (setUp !== context) {
    await context.addCookies(await setUp.cookies());
    await setUp.close();
  } else {
    await page.close();
  }
  return context;
}

export const ENTITLED: ReadonlySet<ReaderKind> = new Set(['subscriber', 'purchaser', 'institution']);
