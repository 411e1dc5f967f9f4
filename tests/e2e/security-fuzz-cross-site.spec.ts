// Requests from other sites: server actions and JSON routes posted with a foreign Origin (or a
// browser's Sec-Fetch-Site: cross-site) are refused with 403 before they run, and a real page on
// another site cannot use a signed-in reader's session (SameSite=Lax keeps the cookie home).
// Also: the session cookie's attributes over http (the https case is in
// tests/integration/session-cookies.test.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';
import { countRows, createAccount } from './support/fuzz';
import { callAction, submitForm } from './support/server-actions';

const EVIL = 'https://evil.example';
const nameOf = async (email: string) =>
  (await sql<{ name: string }>('SELECT name FROM "User" WHERE email = $1', [email]))[0]!.name;

test('a server action posted from another site is refused with 403 and does not run', async ({ page }) => {
  const account = await createAccount('Fuzz Same Origin');
  await signIn(page, account.email, account.password);
  const save = page.getByRole('button', { name: 'Save details', exact: true });
  const { actionId } = await submitForm(page, page.locator('form').filter({ has: save }), save, {
    name: 'Fuzz Same Origin',
  });
  const fields = { name: 'Renamed By Evil', email: account.email };

  const foreign: Record<string, string>[] = [{ Origin: EVIL }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
  for (const headers of foreign) {
    const answer = await callAction(page.request, '/account', actionId, fields, headers);
    expect(answer.status, JSON.stringify(headers)).toBe(403);
    expect(answer.raw).toBe(
      "This request came from another website and was refused. Please use the journal's own pages.",
    );
    expect(await nameOf(account.email)).toBe('Fuzz Same Origin');
  }
  // The same request from the site itself goes through: the refusal is about the origin alone.
  const origin = new URL(page.url()).origin;
  const same = await callAction(page.request, '/account', actionId, fields, { Origin: origin });
  expect(same.state?.message).toBe('Your details have been saved.');
  expect(await nameOf(account.email)).toBe('Renamed By Evil');
});

test('JSON routes that use the session cookie refuse foreign origins with 403 JSON', async ({ page }) => {
  const account = await createAccount('Fuzz Cookie Holder');
  await signIn(page, account.email, account.password);
  const comment = { doi: SEED_DOI, body: 'Forged from another website.', disclosure: 'None' };
  const sends = [
    () => page.request.post('/api/comments', { data: comment, headers: { Origin: EVIL } }),
    () =>
      page.request.put('/api/reader-tools', {
        data: { doi: SEED_DOI, tool: 'isSaved', on: true },
        headers: { Origin: EVIL },
      }),
    () => page.request.put('/api/sidebar-layout', { data: { order: [] }, headers: { 'Sec-Fetch-Site': 'cross-site' } }),
    () => page.request.delete('/api/comments/anything', { headers: { 'Sec-Fetch-Site': 'same-site' } }),
  ];
  const tables = ['Comment', 'SavedArticle', 'SidebarLayout'];
  const before = await countRows(tables);
  for (const send of sends) {
    const res = await send();
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({
      error: "This request came from another website and was refused. Please use the journal's own pages.",
    });
  }
  expect(await countRows(tables)).toEqual(before);
});

test('a page on another site cannot post with a signed-in reader’s session', async ({ page, baseURL }) => {
  const account = await createAccount('Fuzz CSRF Target');
  await signIn(page, account.email, account.password);
  const target = new URL(baseURL!);
  // The attacker's page: another site (127.0.0.1 is not localhost), a classic JSON-in-text/plain
  // form that posts a comment, and a no-cors fetch doing the same.
  const body = JSON.stringify({ doi: SEED_DOI, body: 'Posted by a forged form.', disclosure: 'None', x: '' });
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><title>Win a prize</title>
      <form method="POST" action="${target.origin}/api/comments" enctype="text/plain">
        <input type="hidden" name='${body.slice(0, -2)}' value='"}'><button>Claim</button></form>
      <script>fetch('${target.origin}/api/comments', { method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(body)} })</script>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const before = await countRows(['Comment']);
    const fetched = page.waitForRequest((r) => r.url().endsWith('/api/comments') && r.resourceType() === 'fetch');
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const forged = await fetched;
    expect((await forged.allHeaders())['cookie'] ?? '').not.toContain('next-auth.session-token');
    expect((await forged.response())?.status()).toBe(403);
    const [navigation] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/comments') && r.request().resourceType() === 'document'),
      page.getByRole('button', { name: 'Claim' }).click(),
    ]);
    expect(navigation.status()).toBe(403);
    expect((await navigation.request().allHeaders())['cookie'] ?? '').not.toContain('next-auth.session-token');
    expect(await countRows(['Comment'])).toEqual(before);
  } finally {
    await new Promise((resolve) => evil.close(resolve));
  }
});

test('the session cookie is HttpOnly and SameSite=Lax (not Secure over plain http)', async ({ page, request }) => {
  const account = await createAccount('Fuzz Cookie Reader');
  await signIn(page, account.email, account.password);
  const session = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');

  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: account.email, password: account.password, json: 'true' },
  });
  const setCookie = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .find((v) => v.startsWith('next-auth.session-token='));
  expect(setCookie).toMatch(/; HttpOnly/i);
  expect(setCookie).toMatch(/; SameSite=Lax/i);
  expect(setCookie).not.toMatch(/; Secure/i);
});
