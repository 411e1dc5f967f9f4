// Fuzzes every admin JSON route (app/api/admin/**) with hostile values in each field and with
// hostile whole bodies, as an administrator so that validation is what is tested. Anonymous
// callers and readers are refused before any of it (401/403). Refusals store nothing.
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  createAccount,
  expectClearRefusal,
  expectHandled,
  expectNothingStoredOnRefusal,
  HOSTILE_BODIES,
  HOSTILE_URL_PARTS,
  HOSTILE_VALUES,
  signedInApi,
} from './support/fuzz';

type AdminRoute = { path: string; base: Record<string, unknown>; tables: string[] };

const NONE = 'fuzz-no-such-record';
// An institution that ended in 2020 on a documentation range: accepting it grants no one access.
const institution = {
  name: 'Fuzz Institute',
  activeFrom: '2020-01-01',
  activeUntil: '2020-12-31',
  ranges: ['198.51.100.240/29'],
};
const CSV = 'member_number,last_name,expires_on\nFUZZ-1,Tester,2030-01-01\n';

/** Each route with a body that is valid or points at nothing, so each field is reached alone. */
function adminRoutes(targetEmail: string): AdminRoute[] {
  const audit = ['AuditEvent'];
  return [
    { path: '/api/admin/users/role', base: { userId: NONE, role: 'reader' }, tables: ['User', ...audit] },
    { path: '/api/admin/users/disable', base: { userId: NONE, disabled: true }, tables: ['User', ...audit] },
    {
      path: '/api/admin/subscriptions/grant',
      base: { email: targetEmail, plan: 'annual', endsAt: '2031-01-01' },
      tables: ['Subscription', ...audit],
    },
    {
      path: '/api/admin/subscriptions/extend',
      base: { subscriptionId: NONE, endsAt: '2031-01-01', expectedUpdatedAt: '2026-01-01T00:00:00.000Z' },
      tables: ['Subscription', ...audit],
    },
    {
      path: '/api/admin/subscriptions/cancel',
      base: { subscriptionId: NONE, when: 'now', expectedUpdatedAt: '2026-01-01T00:00:00.000Z' },
      tables: ['Subscription', ...audit],
    },
    { path: '/api/admin/subscriptions/refund', base: { subscriptionId: NONE }, tables: ['Subscription', ...audit] },
    { path: '/api/admin/purchases/refund', base: { purchaseId: NONE }, tables: ['ArticlePurchase', ...audit] },
    { path: '/api/admin/institutions', base: institution, tables: ['Institution', 'InstitutionRange', ...audit] },
    {
      path: '/api/admin/institutions/update',
      base: { ...institution, id: NONE, expectedUpdatedAt: '2026-01-01T00:00:00.000Z' },
      tables: ['Institution', 'InstitutionRange', ...audit],
    },
    { path: '/api/admin/institutions/deactivate', base: { id: NONE }, tables: ['Institution', ...audit] },
    { path: '/api/admin/members/import', base: { fileName: 'fuzz.csv', csv: CSV }, tables: ['MemberRecord', ...audit] },
    {
      path: '/api/admin/articles/import',
      base: { fileName: 'fuzz.xml', xml: '<article/>' },
      tables: ['Article', 'ArticleFiles', ...audit],
    },
    {
      path: '/api/admin/articles/edit',
      base: {
        articleId: NONE,
        expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
        isFree: true,
        topics: ['Fuzz'],
        seeAlso: [],
      },
      tables: ['Topic', 'ArticleTopic', 'ArticleLink', ...audit],
    },
    {
      path: '/api/admin/comments/moderate',
      base: { commentId: NONE, decision: 'reject', reason: 'Off topic.' },
      tables: ['Comment', ...audit],
    },
    { path: '/api/admin/issues/publish', base: { issueId: NONE }, tables: ['Issue', ...audit] },
    { path: '/api/admin/jobs/retry', base: { jobId: '999999999' }, tables: ['OutboxEmail', ...audit] },
  ];
}

let admin: APIRequestContext;
let reader: APIRequestContext;
let routes: AdminRoute[];
const baseOf = (path: string) => routes.find((r) => r.path === path)!.base;

test.beforeAll(async () => {
  const adminAccount = await createAccount('Fuzz Admin', 'admin');
  const readerAccount = await createAccount('Fuzz Reader');
  const target = await createAccount('Fuzz Grant Target');
  [admin, reader] = await Promise.all([
    signedInApi(adminAccount.email, adminAccount.password),
    signedInApi(readerAccount.email, readerAccount.password),
  ]);
  routes = adminRoutes(target.email);
});

test.afterAll(async () => {
  await Promise.all([admin?.dispose(), reader?.dispose()]);
});

test('admin routes refuse anonymous callers (401) and readers (403), hostile bodies or not', async ({ request }) => {
  for (const route of routes) {
    for (const [label, body] of [['valid body', JSON.stringify(route.base)], ...HOSTILE_BODIES.slice(0, 3)]) {
      const anonymous = await request.post(route.path, { data: body, headers: { 'Content-Type': 'application/json' } });
      expect(anonymous.status(), `anonymous ${route.path} ${label}`).toBe(401);
      await expectClearRefusal(anonymous, `anonymous ${route.path}`);
      const asReader = await reader.post(route.path, { data: body, headers: { 'Content-Type': 'application/json' } });
      expect(asReader.status(), `reader ${route.path} ${label}`).toBe(403);
      await expectClearRefusal(asReader, `reader ${route.path}`);
    }
  }
  expect((await request.get('/api/admin/cme/report')).status()).toBe(401);
  expect((await reader.get('/api/admin/cme/report')).status()).toBe(403);
});

test('every field of every admin route: hostile values are refused clearly or stored harmlessly, never a 500', async () => {
  test.setTimeout(240_000);
  for (const route of routes) {
    for (const field of Object.keys(route.base)) {
      for (const [label, value] of HOSTILE_VALUES) {
        await expectNothingStoredOnRefusal(
          route.tables,
          () => admin.post(route.path, { data: { ...route.base, [field]: value } }),
          `${route.path} ${field} = ${label}`,
        );
      }
    }
  }
});

test('admin routes answer hostile whole bodies with a 4xx and store nothing', async () => {
  for (const route of routes) {
    for (const [label, body] of HOSTILE_BODIES) {
      const res = await expectNothingStoredOnRefusal(
        route.tables,
        () => admin.post(route.path, { data: body, headers: { 'Content-Type': 'application/json' } }),
        `${route.path} ${label}`,
      );
      expect(res.status(), `${route.path} ${label}`).toBeGreaterThanOrEqual(400);
    }
  }
});

test('hostile CSV rows and out-of-range dates are refused without a 500', async () => {
  const tables = ['MemberRecord', 'Institution', 'Subscription', 'AuditEvent'];
  for (const [label, value] of HOSTILE_VALUES.filter(([, v]) => typeof v === 'string')) {
    const cell = String(value).replace(/[",\n]/g, ' ');
    for (const csv of [
      `member_number,last_name,expires_on\n${cell.slice(0, 100)},Tester,2030-01-01\n`,
      `member_number,last_name,expires_on\nFUZZ-2,${cell.slice(0, 100)},2030-01-01\n`,
      `member_number,last_name,expires_on\nFUZZ-3,Tester,${cell.slice(0, 100)}\n`,
    ]) {
      await expectNothingStoredOnRefusal(
        tables,
        () => admin.post('/api/admin/members/import', { data: { fileName: 'fuzz.csv', csv } }),
        `members CSV cell ${label}`,
      );
    }
  }
  // Days that do not exist or that PostgreSQL/Prisma cannot hold: refused, never stored.
  for (const day of ['0000-01-01', '2027-02-30', '9999-99-99', '+275760-09-13', '-271821-04-20', '1e21']) {
    for (const send of [
      () => admin.post('/api/admin/institutions', { data: { ...institution, activeFrom: day } }),
      () =>
        admin.post('/api/admin/subscriptions/grant', {
          data: { ...baseOf('/api/admin/subscriptions/grant'), endsAt: day },
        }),
      () =>
        admin.post('/api/admin/members/import', {
          data: { fileName: 'fuzz.csv', csv: `member_number,last_name,expires_on\nFUZZ-4,Tester,${day}\n` },
        }),
    ]) {
      const res = await expectNothingStoredOnRefusal(tables, send, `date ${day}`);
      if (res.url().includes('members')) {
        const report = (await res.json()) as { imported: number; problems: unknown[] };
        expect(report.imported, `date ${day}`).toBe(0);
      } else expect(res.status(), `date ${day}`).toBe(422);
    }
  }
  const listing = await admin.get('/admin/institutions');
  expect(listing.status(), 'the institutions page still renders').toBe(200);
});

test('the CME report takes only sensible filters from its query string', async () => {
  for (const param of ['activityId', 'from', 'to']) {
    for (const [label, part] of HOSTILE_URL_PARTS) {
      const res = await admin.get(`/api/admin/cme/report?${param}=${part}`);
      if (res.status() === 200) expect(res.headers()['content-type'], `${param} ${label}`).toMatch(/^text\/csv/);
      else if (res.status() === 431)
        continue; // the 20 kB address: Node's own header limit
      else await expectHandled(res, `cme report ${param} = ${label}`);
    }
  }
});
