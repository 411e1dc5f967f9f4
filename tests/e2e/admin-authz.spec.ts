import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { ADMIN_PAGES } from './support/admin';
import { signIn } from './support/auth';
import { sql } from './support/db';

const ROUTES = [
  '/api/admin/users/role',
  '/api/admin/users/disable',
  '/api/admin/subscriptions/grant',
  '/api/admin/subscriptions/extend',
  '/api/admin/subscriptions/cancel',
  '/api/admin/subscriptions/refund',
  '/api/admin/purchases/refund',
  '/api/admin/institutions',
  '/api/admin/institutions/update',
  '/api/admin/institutions/deactivate',
  '/api/admin/members/import',
  '/api/admin/articles/import',
  '/api/admin/articles/edit',
  '/api/admin/comments/moderate',
  '/api/admin/issues/publish',
  '/api/admin/jobs/retry',
];

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

test('every admin route: anonymous → 401, reader and subscriber → 403 with nothing written, admin → 422 for empty input', async ({
  browser,
}) => {
  const auditCount = async () => (await sql<{ count: string }>('SELECT count(*) FROM "AuditEvent"'))[0]!.count;
  const before = await auditCount();
  for (const route of ROUTES) {
    for (const role of ['anonymous', 'reader', 'subscriber', 'admin'] as const) {
      const res = await (await contextFor(browser, role)).request.post(route, { data: {} });
      const expected = { anonymous: 401, reader: 403, subscriber: 403, admin: 422 }[role];
      expect(res.status(), `${role} POST ${route}`).toBe(expected);
      expect(typeof ((await res.json()) as { error?: unknown }).error, `${role} POST ${route} explains`).toBe('string');
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
  const res = await reader.request.post('/api/admin/subscriptions/grant', {
    data: { email: 'reader@example.com', plan: 'annual', endsAt: '2030-01-01', role: 'admin' },
    headers: { 'x-role': 'admin' },
  });
  expect(res.status()).toBe(403);
});
