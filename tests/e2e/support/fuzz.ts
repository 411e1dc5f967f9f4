// Hostile inputs for the security fuzz specs, and what every answer to them must be: below 500,
// a refusal with one plain sentence (no stack trace, no database text), and nothing stored.
import bcrypt from 'bcryptjs';
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import pg from 'pg';
import { e2eSettings } from '../settings';
import { uniqueEmail } from './auth';

/** Text a form field or JSON string could carry. 2 MB stays under the admin routes' 2 MB body limit. */
export const HOSTILE_STRINGS: [label: string, value: string][] = [
  ['empty', ''],
  ['2 MB', 'A'.repeat(2_000_000)],
  ['RTL override and Arabic', '\u202Efdp.exe\u202C مرحبا بالعالم'],
  ['emoji', '👩🏽‍⚕️🧪✨ dermatology 🩺'],
  ['NUL', 'before\u0000after'],
  ['lone surrogate', 'half \uD800 a pair'],
  ['HTML and script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['SQL injection', `' OR '1'='1'; DROP TABLE "User"; --`],
];

/** Values of the wrong JSON type for any field. */
export const WRONG_TYPES: [label: string, value: unknown][] = [
  ['number', 42],
  ['boolean', true],
  ['null', null],
  ['object', { $gt: '' }],
  ['10k-element array', Array.from({ length: 10_000 }, (_, i) => `item ${i}`)],
];

export const HOSTILE_VALUES: [label: string, value: unknown][] = [...HOSTILE_STRINGS, ...WRONG_TYPES];

/** Whole request bodies that are not the object a JSON route expects (sent as raw text). */
export const HOSTILE_BODIES: [label: string, body: string][] = [
  ['empty body', ''],
  ['not JSON', '{"unterminated'],
  ['JSON null', 'null'],
  ['JSON string', '"just text"'],
  ['JSON array', '[1,2,3]'],
  ['10k-element array', JSON.stringify(Array.from({ length: 10_000 }, () => 0))],
  ['deeply nested', '['.repeat(5000) + ']'.repeat(5000)],
  ['prototype pollution', '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}'],
];

/** Values for route params and query strings, as they appear in an address. */
export const HOSTILE_URL_PARTS: [label: string, encoded: string][] = [
  // encodeURIComponent throws on a lone surrogate: its UTF-8 bytes are the entry below.
  ...HOSTILE_STRINGS.filter(([label]) => !['2 MB', 'empty', 'lone surrogate'].includes(label)).map(
    ([label, value]) => [label, encodeURIComponent(value)] as [string, string],
  ),
  ['20 kB', 'A'.repeat(20_000)],
  ['broken %-escape', '%E0%A4%A'],
  ['bare %', '100%'],
  ['encoded lone surrogate', '%ED%A0%80'],
  ['overlong UTF-8 slash', '%C0%AF..%C0%AF'],
  ['path traversal', '..%2F..%2F..%2Fetc%2Fpasswd'],
];

/** Signs of an answer that leaks internals instead of explaining (pages carry Next's 404 "digest"). */
const PAGE_INTERNALS =
  /\bat \S+ \(|node_modules|\.(ts|js|mjs):\d+|Prisma|invalid byte sequence|SQLSTATE|TypeError|SyntaxError|ZodError/;
const INTERNALS = new RegExp(`${PAGE_INTERNALS.source}|digest|Invalid input: expected`);

/** A 4xx JSON answer `{ error: "<one plain sentence>" }`. */
export async function expectClearRefusal(res: APIResponse, what: string) {
  expect(res.status(), what).toBeGreaterThanOrEqual(400);
  expect(res.status(), what).toBeLessThan(500);
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  expect(typeof body?.error, `${what}: ${JSON.stringify(body)?.slice(0, 200)}`).toBe('string');
  const message = body!.error as string;
  expect(message, what).toMatch(/^\S.*\s.*[.!?)”]$/s); // words, ending as a sentence
  expect(message.length, what).toBeLessThan(2000); // never the 2 MB value echoed back
  expect(message, what).not.toMatch(INTERNALS);
}

/** Any answer to hostile input: handled (below 500), and when refused, refused clearly. */
export async function expectHandled(res: APIResponse, what: string) {
  expect(res.status(), `${what}: ${(await res.text()).slice(0, 300)}`).toBeLessThan(500);
  if (res.status() >= 400) await expectClearRefusal(res, what);
}

/** A page or file answer (HTML, PDF, text) to a hostile address: below 500, no internals shown. */
export async function expectHandledPage(res: APIResponse, what: string) {
  const text = (await res.body()).toString('latin1').slice(0, 200_000);
  expect(res.status(), `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text, what).not.toMatch(PAGE_INTERNALS);
}

/** Row counts of the named tables, read in one statement. */
export async function countRows(tables: string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    const columns = tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ');
    return (await client.query<Record<string, number>>(`SELECT ${columns}`)).rows[0]!;
  } finally {
    await client.end();
  }
}

/**
 * Sends a request and checks the answer is handled; when it is a refusal, that the tables
 * the request writes to have exactly as many rows as before.
 */
export async function expectNothingStoredOnRefusal(
  tables: string[],
  send: () => Promise<APIResponse>,
  what: string,
  check: (res: APIResponse, what: string) => Promise<void> = expectHandled,
): Promise<APIResponse> {
  const before = await countRows(tables);
  const res = await send();
  await check(res, what);
  if (res.status() >= 400) expect(await countRows(tables), `${what}: rows after a refusal`).toEqual(before);
  return res;
}

/** An account made straight in the database (bcryptjs at lib/auth/password.ts's cost). */
export async function createAccount(name: string, role: 'reader' | 'admin' = 'reader', isVerified = true) {
  const email = uniqueEmail('fuzz');
  const password = 'granite orchard seventy 7';
  const id = `fuzz${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "emailVerifiedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
      [id, email, name, await bcrypt.hash(password, 11), role, isVerified ? new Date() : null],
    );
  } finally {
    await client.end();
  }
  return { id, email, password };
}

/** An API client signed in through next-auth's credentials endpoint (no browser). */
export async function signedInApi(email: string, password: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: e2eSettings().baseUrl });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  expect(res.ok(), `sign-in of ${email}`).toBe(true);
  expect(((await (await api.get('/api/me')).json()) as { name?: string } | null)?.name).toBeTruthy();
  return api;
}
