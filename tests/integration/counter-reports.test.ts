// COUNTER R5.1 from usage events to the /r51/ API: events for a known scenario
// (tests/support/counter-scenario.ts) give the exact counts the Code of Practice's own examples give
// (double-clicks §7.2, unique items §7.3, robots §7.8), and every report and exception the API
// answers validates against the COUNTER API specification's JSON schemas
// (tests/fixtures/counter/COUNTER_API.json). The report parameters: counter-report-parameters.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { counterSchemaErrors } from '../support/counter-schema';
import { setUpCounterScenario, YEAR, type Report } from '../support/counter-scenario';

let scenario: Awaited<ReturnType<typeof setUpCounterScenario>>;
const call = (...args: Parameters<typeof scenario.call>) => scenario.call(...args);

beforeAll(async () => {
  scenario = await setUpCounterScenario();
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
    expect(rows.find((r) => r.articleId === scenario.paidId)).toMatchObject({ yop: 2025, accessType: 'Controlled' });
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
    expect(members.body).toEqual([
      { Customer_ID: scenario.institutionId, Institution_Name: 'Demo University Hospital' },
    ]);
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
