// Fuzzes the public and per-reader JSON routes under app/api (query strings, route params and
// bodies) and next-auth's credentials sign-in, as anonymous visitors and as a signed-in reader.
// Every answer is below 500; refusals are one plain sentence and store nothing. The admin routes
// are in security-fuzz-admin.spec.ts, pages and files in -pages, server actions in -actions.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loadSeedQuiz } from './support/cme';
import { SEED_DOI } from './support/content';
import {
  createAccount,
  expectClearRefusal,
  expectHandled,
  expectNothingStoredOnRefusal,
  HOSTILE_BODIES,
  HOSTILE_STRINGS,
  HOSTILE_URL_PARTS,
  HOSTILE_VALUES,
  signedInApi,
  WRONG_TYPES,
} from './support/fuzz';

type BodyRoute = { method: 'POST' | 'PUT'; path: string; base: Record<string, unknown>; tables: string[] };

let reader: APIRequestContext;
let activityId: string;

test.beforeAll(async () => {
  const account = await createAccount('Fuzz Reader');
  reader = await signedInApi(account.email, account.password);
  activityId = (await loadSeedQuiz()).activityId;
});

test.afterAll(async () => {
  await reader?.dispose();
});

function bodyRoutes(): BodyRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/comments',
      base: { doi: SEED_DOI, body: 'A thoughtful remark on the dosing.', disclosure: 'None' },
      tables: ['Comment'],
    },
    {
      method: 'PUT',
      path: '/api/reader-tools',
      base: { doi: SEED_DOI, tool: 'isSaved', on: false },
      tables: ['SavedArticle', 'ArticleCommentAlert', 'JournalIssueAlert'],
    },
    {
      method: 'PUT',
      path: '/api/sidebar-layout',
      base: { order: ['see-also', 'by-topic', 'topics', 'pubmed'] },
      tables: ['SidebarLayout'],
    },
    {
      method: 'POST',
      path: `/api/cme/${activityId}/attempts`,
      base: { answers: [{ questionId: 'fuzz-question', optionId: 'fuzz-option' }] },
      tables: ['CmeAttempt'],
    },
  ];
}

const send = (api: APIRequestContext, route: BodyRoute, data: unknown) =>
  api.fetch(route.path, { method: route.method, data, headers: { 'Content-Type': 'application/json' } });

test('GET routes with a doi query: hostile values are refused with a sentence, never a 500', async ({ request }) => {
  const paths = ['/api/articles/full-text', '/api/comments'];
  for (const path of paths) {
    for (const api of [request, reader]) {
      for (const [label, part] of [...HOSTILE_URL_PARTS, ['missing', ''] as [string, string]]) {
        const res = await api.get(part ? `${path}?doi=${part}` : path);
        if (res.status() === 431) continue; // the 20 kB address: Node's own header limit
        await expectHandled(res, `GET ${path}?doi=${label}`);
      }
      // Repeated and array-style parameters pick one value or are refused.
      await expectHandled(await api.get(`${path}?doi=a&doi=${SEED_DOI}&doi[]=x`), `${path} repeated doi`);
    }
  }
});

test('reader JSON routes: each field with hostile values, as a signed-in reader', async () => {
  test.setTimeout(120_000);
  for (const route of bodyRoutes()) {
    for (const field of Object.keys(route.base)) {
      for (const [label, value] of HOSTILE_VALUES) {
        await expectNothingStoredOnRefusal(
          route.tables,
          () => send(reader, route, { ...route.base, [field]: value }),
          `${route.method} ${route.path} ${field} = ${label}`,
        );
      }
    }
    // The quiz answers' own fields, one level down.
    if (route.path.includes('/attempts')) {
      for (const [label, value] of HOSTILE_VALUES) {
        for (const key of ['questionId', 'optionId']) {
          const answers = [{ questionId: 'fuzz-question', optionId: 'fuzz-option', [key]: value }];
          const res = await expectNothingStoredOnRefusal(
            route.tables,
            () => send(reader, route, { answers }),
            `attempt ${key} = ${label}`,
          );
          expect(res.status(), `attempt ${key} = ${label}`).toBeGreaterThanOrEqual(400);
        }
      }
    }
  }
});

test('reader JSON routes: hostile whole bodies, wrong content types; anonymous callers are told to sign in', async ({
  request,
}) => {
  for (const route of bodyRoutes()) {
    for (const [label, body] of HOSTILE_BODIES) {
      const res = await expectNothingStoredOnRefusal(
        route.tables,
        () =>
          reader.fetch(route.path, {
            method: route.method,
            data: body,
            headers: { 'Content-Type': 'application/json' },
          }),
        `${route.path} ${label}`,
      );
      expect(res.status(), `${route.path} ${label}`).toBeGreaterThanOrEqual(400);
    }
    const asForm = await reader.fetch(route.path, { method: route.method, form: { doi: SEED_DOI } });
    await expectHandled(asForm, `${route.path} as a form`);
    expect(asForm.status(), `${route.path} as a form`).toBeGreaterThanOrEqual(400);
    for (const data of [route.base, HOSTILE_BODIES[1]![1]]) {
      const anonymous = await request.fetch(route.path, {
        method: route.method,
        data,
        headers: { 'Content-Type': 'application/json' },
      });
      await expectClearRefusal(anonymous, `anonymous ${route.path}`);
    }
  }
});

test('route params of JSON routes: hostile comment ids and CME activity ids', async ({ request }) => {
  for (const [label, part] of HOSTILE_URL_PARTS) {
    for (const api of [request, reader]) {
      const withdraw = await api.delete(`/api/comments/${part}`);
      if (withdraw.status() !== 431) await expectClearRefusal(withdraw, `DELETE /api/comments/${label}`);
      const attempt = await expectNothingStoredOnRefusal(
        ['CmeAttempt'],
        () => api.post(`/api/cme/${part}/attempts`, { data: { answers: [] } }),
        `POST /api/cme/${label}/attempts`,
        async (res, what) => {
          if (res.status() !== 431) await expectClearRefusal(res, what);
        },
      );
      expect(attempt.status(), label).toBeGreaterThanOrEqual(400);
    }
  }
});

test('the test clock, the Stripe webhook and /api/me take no hostile input', async ({ request }) => {
  // Valid offsets would move the shared server clock: only invalid ones are sent.
  for (const [label, value] of [...HOSTILE_STRINGS, ...WRONG_TYPES.filter(([l]) => l !== 'number'), ['-1', -1]]) {
    const res = await request.post('/api/test-clock', { data: { offsetMs: value } });
    expect(res.status(), `test clock ${label}`).toBe(422);
    await expectClearRefusal(res, `test clock ${label}`);
  }
  for (const [label, body] of HOSTILE_BODIES) {
    const res = await request.post('/api/test-clock', { data: body, headers: { 'Content-Type': 'application/json' } });
    await expectClearRefusal(res, `test clock ${label}`);
  }
  // Stripe is not configured in the e2e server: the webhook says so, whatever it is sent.
  for (const [label, body] of HOSTILE_BODIES) {
    const res = await request.post('/api/stripe/webhook', { data: body, headers: { 'Stripe-Signature': 't=1,v1=00' } });
    await expectClearRefusal(res, `stripe webhook ${label}`);
  }
  expect((await request.post('/api/me', { data: {} })).status()).toBe(405);
});

test('next-auth credentials sign-in: hostile emails and passwords are refused with a readable reason', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const target = await createAccount('Fuzz Sign-in Target');
  let n = 0;
  for (const [field, other] of [
    ['email', { password: 'not the password at all' }],
    ['password', { email: target.email }],
  ] as const) {
    for (const [label, value] of HOSTILE_STRINGS) {
      const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const res = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, json: 'true', ...other, [field]: value },
        // Its own address per attempt: the sign-in throttle of 127.0.0.1 is shared with other specs.
        headers: { 'X-Forwarded-For': `198.51.100.${++n}` },
      });
      const what = `sign-in ${field} = ${label}`;
      expect(res.status(), what).toBeLessThan(500);
      const { url } = (await res.json()) as { url: string };
      const reason = new URL(url).searchParams.get('error') ?? '';
      expect(reason, what).toMatch(
        /^(Enter a valid email address\.|Enter your password\.|Email or password is incorrect\.|Too many sign-in attempts\. .+)$/,
      );
    }
  }
  for (const path of ['/api/auth/nonsense', '/api/auth/callback/nonsense', `/api/auth/${'A'.repeat(2000)}`]) {
    expect((await request.get(path)).status(), path).toBeLessThan(500);
    expect((await request.post(path, { form: { a: 'b' } })).status(), path).toBeLessThan(500);
  }
});
