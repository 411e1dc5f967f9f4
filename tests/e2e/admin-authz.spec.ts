import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { ADMIN_ACTIONS, ADMIN_PAGES } from './support/admin';
import { signIn } from './support/auth';
import { sql } from './support/db';
import { actionIdOf, callAction } from './support/server-actions';

const ACTIONS = 'lib/admin/actions.ts';

type Role = 'anonymous' | 'reader' | 'subscriber' | 'admin';
const contexts = new Map<Role, BrowserContext>();

async function contextFor(browser: Browser, role: Role) {
  if (!contexts.has(role)) {
    const context = await browser.newContext();
    if (role !== 'anonymous') await signIn(await context.newPage(), `${role}@example.com`);
    contexts.set(role, context);
  }
  return contexts.get(role)!;
}

test.afterAll(async () => {
  for (const c of contexts.values()) await c.close();
});

test('every admin page: anonymous → sign-in, reader and subscriber → 403, admin → 200', async ({ browser }) => {
  const readerId = (await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reader@example.com'`))[0]!.id;
  for (const path of [...ADMIN_PAGES, `/admin/users/${readerId}`]) {
    for (const role of ['anonymous', 'reader', 'subscriber', 'admin'] as const) {
      const res = await (await contextFor(browser, role)).request.get(path, { maxRedirects: 0 });
      const outcome = `${role} ${path}`;
      if (role === 'anonymous') {
        expect([303, 307], outcome).toContain(res.status());
        expect(res.headers()['location'], outcome).toContain(`/signin?callbackUrl=`);
      } else if (role === 'admin') {
        expect(res.status(), outcome).toBe(200);
      } else {
        expect(res.status(), outcome).toBe(403);
        expect(await res.text(), outcome).toContain('Not allowed');
      }
    }
  }
});

test('every admin action: anonymous and reader and subscriber refused with nothing written, admin → field errors for empty input', async ({
  browser,
}) => {
  const auditCount = async () => (await sql<{ count: string }>('SELECT count(*) FROM "AuditEvent"'))[0]!.count;
  const before = await auditCount();
  for (const { name, path } of ADMIN_ACTIONS) {
    const actionId = actionIdOf(ACTIONS, name);
    for (const role of ['anonymous', 'reader', 'subscriber', 'admin'] as const) {
      const { state } = await callAction((await contextFor(browser, role)).request, path, actionId, {});
      const outcome = `${role} ${name}`;
      expect(state?.ok, outcome).toBe(false);
      expect(typeof state?.message, `${outcome} explains`).toBe('string');
      const expected = {
        anonymous: /^Please sign in as an administrator/,
        reader: /^Only administrators can do this/,
        subscriber: /^Only administrators can do this/,
        admin: /^Please correct th|^Choose a file/,
      }[role];
      expect(state!.message, outcome).toMatch(expected);
    }
  }
  expect(await auditCount()).toBe(before);
});

test('the CME report download: anonymous → 401, reader and subscriber → 403, admin → CSV', async ({ browser }) => {
  for (const [role, status] of [
    ['anonymous', 401],
    ['reader', 403],
    ['subscriber', 403],
    ['admin', 200],
  ] as const) {
    const res = await (await contextFor(browser, role)).request.get('/api/admin/cme/report');
    expect(res.status(), role).toBe(status);
    if (role === 'admin')
      expect(await res.text()).toMatch(/^Learner name,Email,Activity,Completion date,Credit type,Credits,NPI/);
  }
});

test('a forged role field changes nothing: the role comes from the database', async ({ browser }) => {
  const reader = await contextFor(browser, 'reader');
  const { state } = await callAction(
    reader.request,
    '/admin/subscriptions',
    actionIdOf(ACTIONS, 'grantSubscriptionAction'),
    { email: 'reader@example.com', plan: 'annual', endsAt: '2030-01-01', role: 'admin' },
    { 'x-role': 'admin' },
  );
  expect(state?.message).toMatch(/^Only administrators can do this/);
});
