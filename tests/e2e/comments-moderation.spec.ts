import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, registerViaUi, signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/related';

const ARTICLE = `/doi/${SEED_DOI}`;

test('a comment waits for moderation, then shows with author, date and disclosure', async ({ page, browser }) => {
  const text = `Useful commentary; we saw similar reactions in our clinic (${Date.now()}).`;
  await page.goto(`${ARTICLE}#comments`);
  await expect(page.locator('#comments').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await registerViaUi(page, 'Casey Commenter');
  await page.goto(`${ARTICLE}#comments`);
  const comments = page.locator('#comments');
  await comments.getByLabel('Comment').fill('Too short');
  await comments.getByLabel('Conflict of interest disclosure').fill('None');
  await comments.getByRole('button', { name: 'Submit comment' }).click();
  await expect(comments.getByRole('alert')).toContainText('at least 10 characters');

  await comments.getByLabel('Comment').fill(`<b>${text}</b>`);
  await comments.getByRole('button', { name: 'Submit comment' }).click();
  await expect(comments.getByRole('status')).toContainText('once a moderator has approved it');
  await expect(comments.getByText(text)).toBeVisible();
  await expect(comments.getByText('Awaiting moderation')).toBeVisible();

  // Nobody else sees it yet.
  const visitor = await browser.newPage();
  await visitor.goto(`${ARTICLE}#comments`);
  await expect(
    visitor.locator('#comments').getByText('No comments yet.').or(visitor.locator('#comments .comments__list')),
  ).toBeVisible();
  await expect(visitor.locator('#comments').getByText(text)).toHaveCount(0);

  // Approval (the admin queue of a later issue does this update).
  await sql(`UPDATE "Comment" SET status = 'approved', "decidedAt" = now() WHERE body = $1`, [text]);
  await visitor.reload();
  const item = visitor.locator('.comments__item', { hasText: text });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Casey Commenter');
  await expect(item).toContainText('Conflict of interest disclosure: None');
  await expect(item).toContainText(/\d{1,2} [A-Z][a-z]+ \d{4}/); // dates in words (lib/format-date.ts)
  await expect(item.locator('b')).toHaveCount(0); // markup was stripped, not rendered
  await visitor.close();
});

test('an author can withdraw a pending comment', async ({ page }) => {
  const text = `A comment I will think better of (${Date.now()}).`;
  await registerViaUi(page, 'Wren Withdrawer');
  await page.goto(`${ARTICLE}#comments`);
  const comments = page.locator('#comments');
  await comments.getByLabel('Comment').fill(text);
  await comments.getByLabel('Conflict of interest disclosure').fill('Consultant for a maker of IVIG');
  await comments.getByRole('button', { name: 'Submit comment' }).click();
  const item = comments.locator('.comments__item', { hasText: text });
  await item.getByRole('button', { name: 'Withdraw comment' }).click();
  await expect(comments.getByRole('status')).toContainText('withdrawn');
  await expect(item).toHaveCount(0);
  expect(await sql(`SELECT status FROM "Comment" WHERE body = $1`, [text])).toEqual([{ status: 'withdrawn' }]);
});

test('an admin removes a published comment: it leaves the article at once and the author is told why', async ({
  page,
  browser,
}) => {
  const text = `A published remark that must come down (${Date.now()}).`;
  const { email } = await registerViaUi(page, 'Remy Removed');
  await page.goto(`${ARTICLE}#comments`);
  const comments = page.locator('#comments');
  await comments.getByLabel('Comment').fill(text);
  await comments.getByLabel('Conflict of interest disclosure').fill('None');
  await comments.getByRole('button', { name: 'Submit comment' }).click();
  await expect(comments.getByRole('status')).toContainText('once a moderator has approved it');
  await sql(`UPDATE "Comment" SET status = 'approved', "decidedAt" = now() WHERE body = $1`, [text]);

  const admin = await browser.newPage();
  await signIn(admin, 'admin@example.com', DEMO_PASSWORD, '/admin/comments');
  const card = admin.getByRole('article', { name: 'Comment by Remy Removed' }).filter({ hasText: text });
  await card.getByLabel('Reason for removal').fill('It names a patient.');
  admin.once('dialog', (d) => void d.accept());
  await card.getByRole('button', { name: 'Remove' }).click();
  await expect(admin.getByRole('article').filter({ hasText: text })).toHaveCount(0);
  await admin.close();

  const visitor = await browser.newPage();
  await visitor.goto(`${ARTICLE}#comments`);
  await expect(visitor.locator('#comments .comments__item', { hasText: text })).toHaveCount(0);
  await visitor.close();
  expect(await sql(`SELECT status, "moderationNote" FROM "Comment" WHERE body = $1`, [text])).toEqual([
    { status: 'removed', moderationNote: 'It names a patient.' },
  ]);
  const [mail] = await sql<{ text: string }>(`SELECT text FROM "OutboxEmail" WHERE "to" = $1 AND subject = $2`, [
    email,
    'Your comment has been removed',
  ]);
  expect(mail?.text).toContain('Reason: It names a patient.');
});

test('a pasted comment over 4,000 characters is counted, kept whole and refused with a reason', async ({ page }) => {
  await registerViaUi(page, 'Pat Paster');
  await page.goto(`${ARTICLE}#comments`);
  const comments = page.locator('#comments');
  const box = comments.getByLabel('Comment');
  const announcement = comments.getByTestId('comment-count-announcement');
  await expect(box).toHaveAccessibleDescription(/0 of 4,000 characters/);

  await box.fill('Short and sweet remark.');
  await expect(comments.getByText('23 of 4,000 characters')).toBeVisible();
  await page.waitForTimeout(1200);
  await expect(announcement).toHaveText(''); // far from the limit: nothing is announced
  await expect(announcement).toHaveAttribute('aria-live', 'polite');

  await box.fill('y'.repeat(3812));
  await expect(comments.getByText('3,812 of 4,000 characters')).toBeVisible();
  await expect(announcement).toHaveText('3,812 of 4,000 characters');

  const marker = `Pasted-${Date.now()} `;
  const pasted = marker + 'z'.repeat(4400 - marker.length);
  await box.fill(pasted);
  await expect(box).toHaveValue(pasted); // not cut by the browser
  await expect(comments.getByText('4,400 of 4,000 characters (400 too many)')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await comments.getByLabel('Conflict of interest disclosure').fill('None');
  await comments.getByRole('button', { name: 'Submit comment' }).click();
  await expect(comments.getByRole('alert')).toHaveText(
    'Your comment is 4,400 characters; the limit is 4,000. Please shorten it by 400 characters and submit again.',
  );
  await expect(box).toHaveValue(pasted);
  await expect(box).toBeFocused();

  // The server refuses it too (for a client that skips the form's check), and stores nothing.
  const res = await page.request.post('/api/comments', {
    data: { doi: SEED_DOI, body: pasted, disclosure: 'None' },
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { error: string }).error).toContain('Please shorten it by 400 characters');
  expect(await sql(`SELECT id FROM "Comment" WHERE body LIKE $1`, [`${marker}%`])).toHaveLength(0);
});
