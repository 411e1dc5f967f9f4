// The COUNTER R5.1 report parameters on the known scenario (tests/support/counter-scenario.ts):
// granularity, item_id and author, each answer validated against the COUNTER API's JSON schemas.
import { beforeAll, describe, expect, it } from 'vitest';
import { counterSchemaErrors } from '../support/counter-schema';
import { ORCID, setUpCounterScenario, YEAR, type Report } from '../support/counter-scenario';

let scenario: Awaited<ReturnType<typeof setUpCounterScenario>>;
const call = (...args: Parameters<typeof scenario.call>) => scenario.call(...args);

beforeAll(async () => {
  scenario = await setUpCounterScenario();
});

describe('COUNTER report parameters', () => {
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
      [{ item_id: `Proprietary:archdermatol:${scenario.paidId}` }, ['A paid article'], []],
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
});
