// Driving server actions for the fuzz specs: once through the real form in the browser (which
// also tells which action the form posts to), then directly, as a doctored page could, with
// hostile values in each field.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Locator, type Page, type Route } from '@playwright/test';
import { e2eSettings } from '../settings';
import { countRows, HOSTILE_STRINGS } from './fuzz';

export type ActionState = { ok: boolean; message: string; fieldErrors?: Record<string, string> };
export type ActionAnswer = { status: number; state: ActionState | null; redirect: string | null; raw: string };

/** The ActionState in a server action's RSC answer: the row React's client reads ("1:{…}"). */
function readState(text: string): ActionState | null {
  const row = /^1:(\{.*\})$/m.exec(text);
  return row ? (JSON.parse(row[1]!) as ActionState) : null;
}

function answerOf(status: number, headers: Record<string, string>, text: string): ActionAnswer {
  return { status, state: readState(text), redirect: headers['x-action-redirect'] ?? null, raw: text.slice(0, 500) };
}

/**
 * Puts `values` into the form's fields (hidden ones too, maxlength removed: what a doctored page
 * can send), submits it with `button` as a person would, and returns the action's id and answer.
 */
export async function submitForm(
  page: Page,
  form: Locator,
  button: Locator,
  values: Record<string, string>,
): Promise<{ actionId: string; answer: ActionAnswer }> {
  await form.evaluate((el, entries) => {
    for (const [name, value] of Object.entries(entries)) {
      const field = (el as HTMLFormElement).elements.namedItem(name) as HTMLInputElement | null;
      if (!field) throw new Error(`no field ${name}`);
      field.removeAttribute('maxlength');
      field.value = value;
    }
  }, values);
  // Through the browser's own request, read on the way back: Chromium does not keep the body of
  // a streamed RSC answer for page.waitForResponse.
  let answered: (result: { actionId: string; answer: ActionAnswer }) => void = () => undefined;
  const result = new Promise<{ actionId: string; answer: ActionAnswer }>((resolve) => (answered = resolve));
  const relay = async (route: Route) => {
    const actionId = route.request().headers()['next-action'];
    if (route.request().method() !== 'POST' || !actionId) return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    const text = await response.text();
    answered({ actionId, answer: answerOf(response.status(), response.headers(), text) });
    await route.fulfill({ response, body: text });
  };
  await page.route('**/*', relay);
  try {
    const [submitted] = await Promise.all([result, button.click()]);
    return submitted;
  } finally {
    await page.unroute('**/*', relay);
  }
}

type ManifestEntry = { exportedName?: string; filename?: string };

/**
 * The id of the server action `exportedName` of `file` (e.g. lib/admin/actions.ts) in the build
 * the suite runs against: what a page that never shows its form (no failed job to retry) would post.
 */
export function actionIdOf(file: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../..', e2eSettings().distDir, 'server/server-reference-manifest.json'),
      'utf8',
    ),
  ) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.replaceAll('\\', '/').endsWith(file),
  );
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in the build`);
  return found[0];
}

/** Calls the action as React's client encodes `action(previousState, formData)`: fields first, then the root row. */
export async function callAction(
  api: APIRequestContext,
  path: string,
  actionId: string,
  fields: Record<string, string | File>,
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify([{ ok: false, message: '' }, '$K1']));
  const res = await api.post(path, {
    multipart: body,
    headers: { 'Next-Action': actionId, Accept: 'text/x-component', ...headers },
    maxRedirects: 0,
  });
  return answerOf(res.status(), res.headers(), await res.text());
}

/** Calls the action with arguments a hand-made request can send instead of a form (JSON-encoded). */
export async function callActionWith(api: APIRequestContext, path: string, actionId: string, args: string) {
  const res = await api.post(path, {
    data: args,
    headers: { 'Next-Action': actionId, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    maxRedirects: 0,
  });
  return answerOf(res.status(), res.headers(), await res.text());
}

const GENERIC = 'Something went wrong on our side';
const INTERNALS = /\bat \S+ \(|node_modules|Prisma|invalid byte sequence|TypeError|Invalid input: expected/;

/** A handled answer: 2xx/3xx, and either a redirect or a state whose messages a person can act on. */
export function expectHandledAction(answer: ActionAnswer, what: string) {
  // Over Next's 1 MB action limit: scripts/server.mjs refuses it before Next (which answers 500).
  if (answer.status === 413)
    return expect(answer.raw, what).toBe('The form is too large (over 1 MB). Nothing was changed.');
  expect(answer.status, what).toBeLessThan(400);
  if (answer.redirect) return;
  expect(answer.state, `${what}: an ActionState in ${answer.raw}`).not.toBeNull();
  const messages = [answer.state!.message, ...Object.values(answer.state!.fieldErrors ?? {})];
  expect(answer.state!.message, what).toMatch(/\S/);
  for (const message of messages) {
    expect(message, what).not.toContain(GENERIC);
    expect(message, what).not.toMatch(INTERNALS);
    expect(message.length, what).toBeLessThan(2000);
  }
}

/**
 * Sends each hostile string in each of `fields` (the others from `base`) and checks every
 * answer is handled; a refused one leaves `tables` with the rows they had.
 */
type FuzzOptions = {
  api: APIRequestContext;
  path: string;
  actionId: string;
  base: Record<string, string | File>;
  fields: string[];
  tables: string[];
  headers?: () => Record<string, string>;
  fresh?: (field: string) => Record<string, string | File>;
};

export async function fuzzAction(options: FuzzOptions) {
  const { api, path, actionId, base, fields, tables } = options;
  for (const field of fields) {
    for (const [label, value] of HOSTILE_STRINGS) {
      const what = `${path} ${field} = ${label}`;
      const before = await countRows(tables);
      const values = { ...base, ...options.fresh?.(field), [field]: value };
      const answer = await callAction(api, path, actionId, values, options.headers?.());
      expectHandledAction(answer, what);
      const isRefused = answer.status >= 400 || (!answer.redirect && !answer.state!.ok);
      if (isRefused) expect(await countRows(tables), `${what}: rows`).toEqual(before);
    }
  }
  // Not a form at all: arguments of the wrong kind, as a hand-made request can send them.
  for (const args of [
    '[]',
    '[1,2]',
    '["text","text"]',
    '[null,{"email":"x"}]',
    `[{},${JSON.stringify('x'.repeat(5000))}]`,
  ]) {
    const answer = await callActionWith(api, path, actionId, args);
    expectHandledAction(answer, `${path} called with ${args.slice(0, 30)}`);
    expect(answer.state?.ok, args).toBe(false);
  }
}

/**
 * The fuzz specs' step for one form: submits the form whose submit button is named `button`
 * (exactly, or matching a RegExp) once in the browser with the `hostile` values, which also tells
 * which action it posts to, checks that answer, then fuzzes the action at `path` as fuzzAction
 * does with the page's cookies. Returns the browser's answer.
 */
export async function fuzzForm(
  page: Page,
  {
    button,
    hostile,
    what,
    ...fuzz
  }: { button: string | RegExp; hostile: Record<string, string>; what: string } & Omit<FuzzOptions, 'api' | 'actionId'>,
): Promise<ActionAnswer> {
  const submit = page.getByRole('button', { name: button, exact: true });
  const form = page.locator('form').filter({ has: submit });
  const { actionId, answer } = await submitForm(page, form, submit, hostile);
  expectHandledAction(answer, `${what} in the browser`);
  await fuzzAction({ api: page.request, actionId, ...fuzz });
  return answer;
}
