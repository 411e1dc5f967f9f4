// Fuzzes every admin server action (lib/admin/actions.ts) with hostile values in each field and
// with arguments that are not a form, as an administrator so that validation is what is tested.
// Anonymous callers and readers are refused before any of it. Refusals store nothing.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_ACTIONS, type AdminActionName } from './support/admin';
import {
  countRows,
  createAccount,
  expectHandled,
  HOSTILE_BODIES,
  HOSTILE_STRINGS,
  HOSTILE_URL_PARTS,
  signedInApi,
} from './support/fuzz';
import { actionIdOf, callAction, callActionWith, expectHandledAction, fuzzAction } from './support/server-actions';

type AdminForm = { name: AdminActionName; base: Record<string, string | File>; tables: string[] };

const NONE = 'fuzz-no-such-record';
const STALE = '2026-01-01T00:00:00.000Z';
// An institution that ended in 2020 on a documentation range: accepting it grants no one access.
const institution = {
  name: 'Fuzz Institute',
  activeFrom: '2020-01-01',
  activeUntil: '2020-12-31',
  ranges: '198.51.100.240/29',
};
const file = (name: string, text: string) => new File([text], name);
const CSV = 'member_number,last_name,expires_on\nFUZZ-1,Tester,2030-01-01\n';

/** Each action with a form that is valid or points at nothing, so each field is reached alone. */
function adminForms(targetEmail: string): AdminForm[] {
  const audit = ['AuditEvent'];
  return [
    { name: 'setUserRoleAction', base: { userId: NONE, role: 'reader' }, tables: ['User', ...audit] },
    { name: 'setUserDisabledAction', base: { userId: NONE, disabled: 'on' }, tables: ['User', ...audit] },
    {
      name: 'grantSubscriptionAction',
      base: { email: targetEmail, plan: 'annual', endsAt: '2031-01-01' },
      tables: ['Subscription', ...audit],
    },
    {
      name: 'extendSubscriptionAction',
      base: { subscriptionId: NONE, endsAt: '2031-01-01', expectedUpdatedAt: STALE },
      tables: ['Subscription', ...audit],
    },
    {
      name: 'cancelSubscriptionAction',
      base: { subscriptionId: NONE, when: 'now', expectedUpdatedAt: STALE },
      tables: ['Subscription', ...audit],
    },
    { name: 'refundSubscriptionAction', base: { subscriptionId: NONE }, tables: ['Subscription', ...audit] },
    { name: 'refundPurchaseAction', base: { purchaseId: NONE }, tables: ['ArticlePurchase', ...audit] },
    { name: 'createInstitutionAction', base: institution, tables: ['Institution', 'InstitutionRange', ...audit] },
    {
      name: 'updateInstitutionAction',
      base: { ...institution, id: NONE, expectedUpdatedAt: STALE },
      tables: ['Institution', 'InstitutionRange', ...audit],
    },
    { name: 'deactivateInstitutionAction', base: { id: NONE }, tables: ['Institution', ...audit] },
    {
      name: 'assignLibrarianAction',
      base: { institutionId: NONE, email: targetEmail },
      tables: ['InstitutionLibrarian', ...audit],
    },
    {
      name: 'removeLibrarianAction',
      base: { institutionId: NONE, userId: NONE },
      tables: ['InstitutionLibrarian', ...audit],
    },
    { name: 'importMembersAction', base: { csv: file('fuzz.csv', CSV) }, tables: ['MemberRecord', ...audit] },
    {
      name: 'importArticleAction',
      base: { xml: file('fuzz.xml', '<article/>'), allowMissingAssets: 'on' },
      tables: ['Article', 'ArticleFiles', ...audit],
    },
    {
      name: 'editArticleAction',
      base: { articleId: NONE, expectedUpdatedAt: STALE, isFree: 'on', topics: 'Fuzz', seeAlso: '' },
      tables: ['Topic', 'ArticleTopic', 'ArticleLink', ...audit],
    },
    {
      name: 'moderateCommentAction',
      base: { commentId: NONE, decision: 'reject', reason: 'Off topic.' },
      tables: ['Comment', ...audit],
    },
    { name: 'publishIssueAction', base: { issueId: NONE }, tables: ['Issue', ...audit] },
    { name: 'retryJobAction', base: { jobId: '999999999' }, tables: ['OutboxEmail', ...audit] },
  ];
}

const pathOf = (name: AdminActionName) => ADMIN_ACTIONS.find((a) => a.name === name)!.path;
const idOf = (name: AdminActionName) => actionIdOf('lib/admin/actions.ts', name);
// The whole bodies a hand-made call can send that React decodes as arguments (JSON arrays). Next
// itself answers 500 to more than 1,000 arguments ("arguments list is too long"), before any of ours.
const HOSTILE_ARGUMENTS = [
  ...HOSTILE_BODIES.filter(([label, body]) => body.startsWith('[') && !body.startsWith('[[') && !/10k/.test(label)),
  ['prototype pollution', `[${HOSTILE_BODIES.find(([label]) => label === 'prototype pollution')![1]},{}]`],
] as const;

let admin: APIRequestContext;
let reader: APIRequestContext;
let forms: AdminForm[];

test.beforeAll(async () => {
  const adminAccount = await createAccount('Fuzz Admin', 'admin');
  const readerAccount = await createAccount('Fuzz Reader');
  const target = await createAccount('Fuzz Grant Target');
  [admin, reader] = await Promise.all([
    signedInApi(adminAccount.email, adminAccount.password),
    signedInApi(readerAccount.email, readerAccount.password),
  ]);
  forms = adminForms(target.email);
});

test.afterAll(async () => {
  await Promise.all([admin?.dispose(), reader?.dispose()]);
});

test('admin actions refuse anonymous callers and readers, hostile arguments or not', async ({ request }) => {
  for (const form of forms) {
    const [path, id] = [pathOf(form.name), idOf(form.name)];
    const before = await countRows(form.tables);
    for (const [api, who, refusal] of [
      [request, 'anonymous', /^Please sign in as an administrator\. Nothing was changed\.$/],
      [reader, 'reader', /^Only administrators can do this\. Nothing was changed\.$/],
    ] as const) {
      const answers = [
        await callAction(api, path, id, form.base),
        ...(await Promise.all(HOSTILE_ARGUMENTS.map(([, args]) => callActionWith(api, path, id, args)))),
      ];
      for (const answer of answers) {
        expectHandledAction(answer, `${who} ${form.name}`);
        expect(answer.state!.message, `${who} ${form.name}`).toMatch(refusal);
      }
    }
    expect(await countRows(form.tables), form.name).toEqual(before);
  }
  expect((await request.get('/api/admin/cme/report')).status()).toBe(401);
  expect((await reader.get('/api/admin/cme/report')).status()).toBe(403);
});

test('every field of every admin action: hostile values are refused clearly or stored harmlessly, never a 500', async () => {
  test.setTimeout(240_000);
  for (const form of forms) {
    await fuzzAction({
      api: admin,
      path: pathOf(form.name),
      actionId: idOf(form.name),
      base: form.base,
      fields: Object.keys(form.base),
      tables: form.tables,
    });
  }
});

test('admin actions answer hostile arguments with a refusal and store nothing', async () => {
  for (const form of forms) {
    for (const [label, args] of HOSTILE_ARGUMENTS) {
      const before = await countRows(form.tables);
      const answer = await callActionWith(admin, pathOf(form.name), idOf(form.name), args);
      expectHandledAction(answer, `${form.name} ${label}`);
      expect(answer.state?.ok, `${form.name} ${label}`).toBe(false);
      expect(await countRows(form.tables), `${form.name} ${label}: rows`).toEqual(before);
    }
  }
});

test('hostile CSV rows and out-of-range dates are refused without a 500', async () => {
  const tables = ['MemberRecord', 'Institution', 'Subscription', 'AuditEvent'];
  const send = async (name: AdminActionName, fields: Record<string, string | File>, what: string) => {
    const before = await countRows(tables);
    const answer = await callAction(admin, pathOf(name), idOf(name), fields);
    expectHandledAction(answer, what);
    if (!answer.state!.ok) expect(await countRows(tables), `${what}: rows after a refusal`).toEqual(before);
    return answer.state!;
  };
  const members = (csv: string) => ({ csv: file('fuzz.csv', csv) });
  for (const [label, value] of HOSTILE_STRINGS) {
    const cell = value.replace(/[",\n]/g, ' ');
    for (const csv of [
      `member_number,last_name,expires_on\n${cell.slice(0, 100)},Tester,2030-01-01\n`,
      `member_number,last_name,expires_on\nFUZZ-2,${cell.slice(0, 100)},2030-01-01\n`,
      `member_number,last_name,expires_on\nFUZZ-3,Tester,${cell.slice(0, 100)}\n`,
    ]) {
      await send('importMembersAction', members(csv), `members CSV cell ${label}`);
    }
  }
  // Days that do not exist or that PostgreSQL/Prisma cannot hold: refused, never stored.
  const grant = forms.find((f) => f.name === 'grantSubscriptionAction')!.base;
  for (const day of ['0000-01-01', '2027-02-30', '9999-99-99', '+275760-09-13', '-271821-04-20', '1e21']) {
    const created = await send('createInstitutionAction', { ...institution, activeFrom: day }, `institution ${day}`);
    expect(created.ok, `institution ${day}`).toBe(false);
    const granted = await send('grantSubscriptionAction', { ...grant, endsAt: day }, `grant ${day}`);
    expect(granted.ok, `grant ${day}`).toBe(false);
    const report = await send(
      'importMembersAction',
      members(`member_number,last_name,expires_on\nFUZZ-4,Tester,${day}\n`),
      `members ${day}`,
    );
    expect(report.message, `date ${day}`).toContain(' 0 imported');
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
