// COUNTER R5.1 from usage events to the /r51/ API: events for a known scenario give the exact
// counts the Code of Practice's own examples give (double-clicks §7.2, unique items §7.3, robots
// §7.8), and every report and exception the API answers validates against the COUNTER API
// specification's JSON schemas (tests/fixtures/counter/COUNTER_API.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { demoCredentialRow } from '@/lib/counter/counter-credentials';
import { flushUsageEvents, recordUsage, type UsageInput } from '@/lib/usage/usage-event-buffer';
import { GET as getReport } from '@/app/r51/reports/[reportId]/route';
import { GET as getReports } from '@/app/r51/reports/route';
import { GET as getMembers } from '@/app/r51/members/route';
import { GET as getStatus } from '@/app/r51/status/route';
import { counterSchemaErrors } from '../support/counter-schema';
import { resetDatabase } from '../support/reset-db';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Gecko/20100101 Firefox/133.0';
const CAMPUS_IP = '203.0.113.7';
let institutionId = '';
let paidId = '';
let freeId = '';
const key = { requestor: 'test-requestor', apiKey: 'test-api-key-0123456789' };
const ORCID = '0000-0002-1825-0097';

const at = (iso: string) => new Date(iso);
// Each use is written by a flush of its own, so COUNTER's rules meet events of earlier batches
// (a double-click's second use unmarks the first): the month counts must follow.
async function use(input: Partial<UsageInput> & Pick<UsageInput, 'kind'>) {
  recordUsage({ target: 'page', ip: CAMPUS_IP, userAgent: BROWSER, userId: null, sessionId: null, ...input });
  await flushUsageEvents();
}

async function call(path: string, params: Record<string, string> = {}, auth = true) {
  const url = new URL(`http://localhost${path}`);
  if (auth) {
    url.searchParams.set('customer_id', institutionId);
    url.searchParams.set('requestor_id', key.requestor);
    url.searchParams.set('api_key', key.apiKey);
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const reportId = path.startsWith('/r51/reports/') ? path.slice('/r51/reports/'.length) : undefined;
  const handler = reportId
    ? getReport
    : path === '/r51/reports'
      ? getReports
      : path === '/r51/members'
        ? getMembers
        : getStatus;
  const params_: Record<string, string> = reportId ? { reportId } : {};
  const response = await handler(new Request(url), { params: Promise.resolve(params_) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
}

type Report = { Report_Header: Record<string, unknown>; Report_Items: Record<string, unknown>[] };
const YEAR = { begin_date: '2026-01', end_date: '2026-06' };

beforeAll(async () => {
  await resetDatabase();
  const journal = await db.journal.create({
    data: {
      slug: 'archdermatol',
      title: 'Archives of Dermatology',
      abbreviation: 'Arch Dermatol',
      issn: '0003-987X',
      eissn: '1538-3652',
      publisher: 'Sample Medical Publishing (demo)',
    },
  });
  const article = (doi: string, title: string, isFree: boolean, year: number) =>
    db.article.create({
      data: {
        doi,
        title,
        isFree,
        journalId: journal.id,
        articleType: 'research-article',
        previewHtml: '<p>p</p>',
        fullTextHtml: '<p>t</p>',
        keywords: [],
        publishedOnline: new Date(Date.UTC(year, 2, 1)),
      },
    });
  paidId = (await article('10.1001/test.paid', 'A paid article', false, 2025)).id;
  freeId = (await article('10.1001/test.free', 'A free article', true, 2024)).id;
  await db.articleAuthor.create({
    data: {
      articleId: paidId,
      position: 0,
      givenNames: 'Ada',
      surname: 'Lovelace',
      orcid: `https://orcid.org/${ORCID}`,
    },
  });
  const institution = await db.institution.create({
    data: {
      name: 'Demo University Hospital',
      activeFrom: at('2025-01-01'),
      ranges: { create: [{ cidr: '203.0.113.0/24' }] },
    },
  });
  institutionId = institution.id;
  await db.counterCredential.create({ data: demoCredentialRow(institutionId, key.requestor, key.apiKey) });

  // §7.2's example: 10:01:00 and 10:01:29 are one action; 10:01:00 and 10:01:35 are two.
  await use({ kind: 'request', articleId: paidId, at: at('2026-03-02T10:01:00Z') });
  await use({ kind: 'request', articleId: paidId, at: at('2026-03-02T10:01:29Z') });
  await use({ kind: 'request', articleId: paidId, at: at('2026-03-03T10:01:00Z') });
  await use({ kind: 'request', articleId: paidId, at: at('2026-03-03T10:01:35Z') });
  // A chain: each within 30 s of the one before, so one action (the last is kept).
  await use({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:00Z') });
  await use({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:20Z') });
  await use({ kind: 'request', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-03-04T09:00:45Z') });
  // §7.3: the HTML and the PDF of one article in one session: 2 requests, 1 unique item.
  await use({
    kind: 'request',
    articleId: paidId,
    sessionId: 'session-1',
    userId: 'u1',
    at: at('2026-04-10T08:00:00Z'),
  });
  await use({
    kind: 'request',
    articleId: paidId,
    sessionId: 'session-1',
    userId: 'u1',
    target: 'pdf',
    at: at('2026-04-10T08:00:05Z'),
  });
  // An abstract view (investigation only) and a figure download of the free article (Open).
  await use({ kind: 'investigation', articleId: freeId, at: at('2026-04-11T12:00:00Z') });
  await use({ kind: 'investigation', articleId: freeId, target: 'asset:fig1.png', at: at('2026-04-11T12:00:10Z') });
  // Two refusals 10 s apart on one link: one No_License.
  await use({ kind: 'no_license', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-05-01T10:00:00Z') });
  await use({ kind: 'no_license', articleId: paidId, userAgent: OTHER_BROWSER, at: at('2026-05-01T10:00:10Z') });
  // A shared-page view from the server (by DOI): paid, so an Investigation and a No_License.
  await use({
    kind: 'shared_view',
    doi: '10.1001/test.paid',
    userAgent: OTHER_BROWSER,
    at: at('2026-05-02T10:00:00Z'),
  });
  // Searches; a robot's use; and a reader outside every range (nobody's usage).
  await use({ kind: 'search', target: 'search', at: at('2026-05-03T10:00:00Z') });
  await use({ kind: 'search', target: 'search', at: at('2026-05-03T10:05:00Z') });
  await use({
    kind: 'request',
    articleId: paidId,
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    at: at('2026-05-04T10:00:00Z'),
  });
  await use({ kind: 'request', articleId: paidId, userAgent: '', at: at('2026-05-04T10:00:00Z') });
  await use({ kind: 'request', articleId: paidId, ip: '198.51.100.9', at: at('2026-05-05T10:00:00Z') });
});

describe('usage events', () => {
  it('are stored without the address, robots dropped, attributed by range', async () => {
    const rows = await db.usageEvent.findMany();
    expect(rows).toHaveLength(18); // 20 recorded, 2 robots dropped, the shared view made 2
    expect(rows.filter((r) => r.institutionId === null)).toHaveLength(1);
    const columns = Object.keys(rows[0]!);
    expect(columns.some((c) => /ip|address|agent/i.test(c))).toBe(false);
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      '203.0.113',
    );
    expect(rows.find((r) => r.articleId === paidId)).toMatchObject({ yop: 2025, accessType: 'Controlled' });
  });

  it('are summed per month exactly as their flags count them, batch after batch', async () => {
    const fromEvents = await db.$queryRaw<unknown[]>`
      SELECT coalesce(e."institutionId", '') AS "institutionId", to_char(e."occurredAt", 'YYYY-MM') AS "month", e."articleId",
             (count(*) FILTER (WHERE e."isCounted" AND e."kind" <> 'no_license'))::int AS "totalInvestigations",
             (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'request'))::int AS "totalRequests",
             (count(*) FILTER (WHERE e."isUniqueItem"))::int AS "uniqueInvestigations",
             (count(*) FILTER (WHERE e."isUniqueRequest"))::int AS "uniqueRequests",
             (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'no_license'))::int AS "noLicense"
        FROM "UsageEvent" e WHERE e."kind" <> 'search' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const kept = await db.$queryRaw<unknown[]>`
      SELECT "institutionId", to_char("month", 'YYYY-MM') AS "month", "articleId", "totalInvestigations", "totalRequests",
             "uniqueInvestigations", "uniqueRequests", "noLicense"
        FROM "UsageMonthCount" ORDER BY 1, 2, 3`;
    expect(kept).toEqual(fromEvents);
    expect(kept.length).toBeGreaterThan(3);
  });
});

describe('COUNTER reports', () => {
  it('TR_J1 counts requests as the Code of Practice does (double-clicks, unique items)', async () => {
    const { status, body } = await call('/r51/reports/tr_j1', YEAR);
    expect(status).toBe(200);
    expect(counterSchemaErrors(body, { schema: 'TR_J1' })).toEqual([]);
    const report = body as unknown as Report;
    expect(report.Report_Items).toHaveLength(1);
    // March: 1 (double-click) + 2 (35 s apart) + 1 (chain) = 4 requests in 3 sessions; April: 2 in 1.
    expect(report.Report_Items[0]!.Attribute_Performance).toEqual([
      {
        Performance: {
          Total_Item_Requests: { '2026-03': 4, '2026-04': 2 },
          Unique_Item_Requests: { '2026-03': 3, '2026-04': 1 },
        },
      },
    ]);
  });

  it('TR_J2, TR_J3, TR_J4, IR_A1 and PR_P1 give the same events their own view', async () => {
    const j2 = (await call('/r51/reports/tr_j2', YEAR)).body as unknown as Report;
    expect(j2.Report_Items[0]!.Attribute_Performance).toEqual([{ Performance: { No_License: { '2026-05': 2 } } }]);
    const j3 = (await call('/r51/reports/tr_j3', YEAR)).body as unknown as Report;
    expect(j3.Report_Items[0]!.Attribute_Performance).toEqual([
      {
        Access_Type: 'Controlled',
        Performance: {
          Total_Item_Investigations: { '2026-03': 4, '2026-04': 2, '2026-05': 1 },
          Total_Item_Requests: { '2026-03': 4, '2026-04': 2 },
          Unique_Item_Investigations: { '2026-03': 3, '2026-04': 1, '2026-05': 1 },
          Unique_Item_Requests: { '2026-03': 3, '2026-04': 1 },
        },
      },
      {
        Access_Type: 'Open',
        Performance: { Total_Item_Investigations: { '2026-04': 2 }, Unique_Item_Investigations: { '2026-04': 1 } },
      },
    ]);
    const j4 = (await call('/r51/reports/tr_j4', YEAR)).body as unknown as Report;
    expect(j4.Report_Items[0]!.Attribute_Performance).toEqual([
      {
        YOP: '2025',
        Performance: {
          Total_Item_Requests: { '2026-03': 4, '2026-04': 2 },
          Unique_Item_Requests: { '2026-03': 3, '2026-04': 1 },
        },
      },
    ]);
    const a1 = (await call('/r51/reports/ir_a1', YEAR)).body as unknown as Report;
    const a1Items = a1.Report_Items[0]!.Items as Record<string, unknown>[];
    expect(a1Items.map((i) => i.Item)).toEqual(['A paid article']);
    const p1 = (await call('/r51/reports/pr_p1', YEAR)).body as unknown as Report;
    expect(p1.Report_Items[0]!.Attribute_Performance).toEqual([
      { Data_Type: 'Platform', Performance: { Searches_Platform: { '2026-05': 2 } } },
      {
        Data_Type: 'Article',
        Performance: {
          Total_Item_Requests: { '2026-03': 4, '2026-04': 2 },
          Unique_Item_Requests: { '2026-03': 3, '2026-04': 1 },
        },
      },
    ]);
    for (const [id, body] of [
      ['TR_J2', j2],
      ['TR_J3', j3],
      ['TR_J4', j4],
      ['IR_A1', a1],
      ['PR_P1', p1],
    ] as const)
      expect(counterSchemaErrors(body, { schema: id }), id).toEqual([]);
  });

  it('master reports validate with their filters and attributes', async () => {
    const cases: [string, Record<string, string>][] = [
      ['pr', { attributes_to_show: 'Access_Method' }],
      ['pr', { metric_type: 'Searches_Platform|Total_Item_Requests|Unique_Item_Requests' }],
      ['tr', { attributes_to_show: 'YOP|Access_Type|Access_Method' }],
      ['tr', { access_type: 'Open', yop: '2020-2024', data_type: 'Journal' }],
      ['ir', { attributes_to_show: 'Authors|Publication_Date|Access_Type', include_parent_details: 'True' }],
      ['ir', { metric_type: 'No_License|Total_Item_Investigations' }],
    ];
    for (const [id, params] of cases) {
      const { status, body } = await call(`/r51/reports/${id}`, { ...YEAR, ...params });
      expect(status, id).toBe(200);
      expect(counterSchemaErrors(body, { schema: id.toUpperCase() }), `${id} ${JSON.stringify(params)}`).toEqual([]);
      expect((body as unknown as Report).Report_Items.length, id).toBeGreaterThan(0);
    }
    const tr = (await call('/r51/reports/tr', { ...YEAR, access_type: 'Open' })).body as unknown as Report;
    expect(JSON.stringify(tr.Report_Items)).not.toContain('Total_Item_Requests'); // the free article was only investigated
  });

  it('warnings travel in the header of a valid report', async () => {
    const { status, body } = await call('/r51/reports/tr', {
      begin_date: '2020-01',
      end_date: '2020-12',
      metric_type: 'Total_Item_Requests|Bogus',
      attributes_to_show: 'Colour',
      colour: 'blue',
    });
    expect(status).toBe(200);
    expect(counterSchemaErrors(body, { schema: 'TR' })).toEqual([]);
    const codes = ((body as unknown as Report).Report_Header.Exceptions as { Code: number }[]).map((e) => e.Code);
    expect(codes.sort()).toEqual([3030, 3050, 3060, 3062]);
    const future = await call('/r51/reports/tr_j1', { begin_date: '2026-01', end_date: '2099-12' });
    expect(counterSchemaErrors(future.body, { schema: 'TR_J1' })).toEqual([]);
  });

  it('granularity=Total sums the period under its first month; Month is the default', async () => {
    const total = await call('/r51/reports/tr', {
      ...YEAR,
      granularity: 'Total',
      metric_type: 'Total_Item_Requests|Unique_Item_Requests|No_License',
    });
    expect(counterSchemaErrors(total.body, { schema: 'TR' })).toEqual([]);
    const report = total.body as unknown as Report;
    expect(report.Report_Header.Report_Attributes).toEqual({ Granularity: 'Total' });
    expect(report.Report_Items[0]!.Attribute_Performance).toEqual([
      {
        Data_Type: 'Journal',
        Performance: {
          Total_Item_Requests: { '2026-01': 6 },
          Unique_Item_Requests: { '2026-01': 4 },
          No_License: { '2026-01': 2 },
        },
      },
    ]);
    const ir = await call('/r51/reports/ir', { ...YEAR, granularity: 'total', attributes_to_show: 'Access_Type' });
    expect(counterSchemaErrors(ir.body, { schema: 'IR' })).toEqual([]);
    const months = new Set(JSON.stringify(ir.body).match(/"\d{4}-\d{2}"/g));
    expect([...months]).toEqual(['"2026-01"']);
    const pr = await call('/r51/reports/pr', { ...YEAR, granularity: 'Total' });
    expect(counterSchemaErrors(pr.body, { schema: 'PR' })).toEqual([]);
    expect(JSON.stringify(pr.body)).toContain('"Searches_Platform":{"2026-01":2}');

    const monthly = (await call('/r51/reports/tr_j1', YEAR)).body;
    const month = await call('/r51/reports/tr', { ...YEAR, granularity: 'Month', metric_type: 'Total_Item_Requests' });
    expect(JSON.stringify(month.body)).toContain('"Total_Item_Requests":{"2026-03":4,"2026-04":2}');
    expect(JSON.stringify(monthly)).toContain('"Total_Item_Requests":{"2026-03":4,"2026-04":2}');
    // A value the specification does not define: 3062, and usage by month.
    const weekly = await call('/r51/reports/tr', {
      ...YEAR,
      granularity: 'Week',
      metric_type: 'Total_Item_Requests|Unique_Item_Requests',
    });
    expect(counterSchemaErrors(weekly.body, { schema: 'TR' })).toEqual([]);
    expect((weekly.body as unknown as Report).Report_Header.Exceptions).toEqual([
      { Code: 3062, Message: 'Invalid ReportAttribute Value', Data: 'granularity:Week' },
    ]);
    expect(JSON.stringify(weekly.body)).toContain('"Total_Item_Requests":{"2026-03":4,"2026-04":2}');
    // Standard views have no granularity (3050).
    const j1 = await call('/r51/reports/tr_j1', { ...YEAR, granularity: 'Total' });
    expect(((j1.body as unknown as Report).Report_Header.Exceptions as { Code: number }[]).map((e) => e.Code)).toEqual([
      3050,
    ]);
  });

  it('item_id picks an article (IR) or a journal (TR); the author filter, an author (IR)', async () => {
    const titles = (body: unknown) =>
      (body as Report).Report_Items.flatMap((parent) => (parent.Items as { Item: string }[]).map((i) => i.Item));
    const exceptions = (body: unknown) =>
      ((body as Report).Report_Header.Exceptions as { Code: number; Data?: string }[] | undefined) ?? [];
    const irCases: [Record<string, string>, string[], number[]][] = [
      [{ item_id: 'DOI:10.1001/TEST.FREE' }, ['A free article'], []],
      [{ item_id: `Proprietary:archdermatol:${paidId}` }, ['A paid article'], []],
      [{ item_id: 'DOI:10.1001/test.free|DOI:10.1001/test.paid' }, ['A free article', 'A paid article'], []],
      [{ item_id: 'DOI:10.9999/nothing' }, [], [3030]],
      // Not an identifier: 3060, the value left out (the filter, then, is not applied).
      [{ item_id: 'nonsense' }, ['A free article', 'A paid article'], [3060]],
      // An article's DOI with a journal's ISSN: 3061, the filter not applied.
      [{ item_id: 'DOI:10.1001/test.free|Online_ISSN:1538-3652' }, ['A free article', 'A paid article'], [3061]],
      [{ author: `ORCID:${ORCID}` }, ['A paid article'], []],
      [{ author: ORCID, item_id: 'DOI:10.1001/test.free' }, [], [3030]],
      [{ author: 'Ada Lovelace' }, ['A free article', 'A paid article'], [3060]],
    ];
    for (const [params, expected, codes] of irCases) {
      const { status, body } = await call('/r51/reports/ir', { ...YEAR, ...params });
      const what = JSON.stringify(params);
      expect(status, what).toBe(200);
      expect(counterSchemaErrors(body, { schema: 'IR' }), what).toEqual([]);
      expect(titles(body).sort(), what).toEqual(expected);
      expect(
        exceptions(body).map((e) => e.Code),
        what,
      ).toEqual(codes);
    }
    const one = (
      await call('/r51/reports/ir', {
        ...YEAR,
        item_id: 'doi:10.1001/test.free',
        author: `ORCID:${ORCID.toLowerCase()}`,
      })
    ).body as unknown as Report;
    expect(one.Report_Header.Report_Filters).toMatchObject({
      Item_ID: 'DOI:10.1001/test.free',
      Author: `ORCID:${ORCID}`,
    });

    const trCases: [Record<string, string>, number, number[]][] = [
      [{ item_id: 'Online_ISSN:1538-3652' }, 1, []],
      [{ item_id: 'Print_ISSN:0003-987X' }, 1, []],
      [{ item_id: 'Proprietary:archdermatol:archdermatol' }, 1, []],
      [{ item_id: 'Online_ISSN:0000-0000' }, 0, [3030]],
      [{ item_id: 'DOI:10.1001/test.free' }, 1, [3060]],
      [{ author: `ORCID:${ORCID}` }, 1, [3050]],
    ];
    for (const [params, count, codes] of trCases) {
      const { body } = await call('/r51/reports/tr', { ...YEAR, ...params });
      const what = JSON.stringify(params);
      expect(counterSchemaErrors(body, { schema: 'TR' }), what).toEqual([]);
      expect((body as unknown as Report).Report_Items, what).toHaveLength(count);
      expect(
        exceptions(body).map((e) => e.Code),
        what,
      ).toEqual(codes);
    }
    // IR_A1 is a standard view: no item_id there (3050), the whole view.
    const a1 = (await call('/r51/reports/ir_a1', { ...YEAR, item_id: 'DOI:10.1001/test.free' })).body;
    expect(counterSchemaErrors(a1, { schema: 'IR_A1' })).toEqual([]);
    expect(exceptions(a1).map((e) => e.Code)).toEqual([3050]);
    expect(titles(a1)).toEqual(['A paid article']);
  });

  it('refusals are the R5.1 exceptions with their HTTP status', async () => {
    const cases: [string, Record<string, string>, boolean, number, number][] = [
      ['/r51/reports/tr_j1', { ...YEAR, api_key: 'wrong' }, true, 401, 2020],
      ['/r51/reports/tr_j1', { ...YEAR, requestor_id: 'nobody' }, true, 401, 2000],
      ['/r51/reports/tr_j1', { ...YEAR, customer_id: 'other-institution' }, true, 403, 2010],
      ['/r51/reports/tr_j1', { ...YEAR, customer_id: '0000000000000000' }, true, 403, 2011],
      ['/r51/reports/tr_j1', YEAR, false, 400, 1030],
      ['/r51/reports/tr_j1', { begin_date: '2026-06', end_date: '2026-01' }, true, 400, 3020],
      ['/r51/reports/tr_j1', { begin_date: '2026-02-30', end_date: '2026-03' }, true, 400, 3020],
      ['/r51/reports/tr_j1', {}, true, 400, 1030],
      ['/r51/members', { customer_id: '0\u0000' }, true, 403, 2010],
    ];
    for (const [path, params, auth, status, code] of cases) {
      const answer = await call(path, params, auth);
      expect([answer.status, answer.body.Code], `${path} ${JSON.stringify(params)}`).toEqual([status, code]);
      expect(counterSchemaErrors(answer.body, { response: `${status}_Exception` })).toEqual([]);
    }
    const unknown = await call('/r51/reports/dr', YEAR);
    expect([unknown.status, unknown.body.Code]).toEqual([404, 3000]);
  });

  it('status, members and the report list validate', async () => {
    const status = await call('/r51/status', {}, false);
    expect(counterSchemaErrors(status.body, { response: '200_Status' })).toEqual([]);
    const members = await call('/r51/members');
    expect(counterSchemaErrors(members.body, { response: '200_Members' })).toEqual([]);
    expect(members.body).toEqual([{ Customer_ID: institutionId, Institution_Name: 'Demo University Hospital' }]);
    const reports = await call('/r51/reports');
    expect(counterSchemaErrors(reports.body, { response: '200_Reports' })).toEqual([]);
    expect((reports.body as { Report_ID: string }[]).map((r) => r.Report_ID)).toEqual([
      'PR',
      'PR_P1',
      'TR',
      'TR_J1',
      'TR_J2',
      'TR_J3',
      'TR_J4',
      'IR',
      'IR_A1',
    ]);
  });
});
