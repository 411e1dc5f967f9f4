import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import type { ReportCustomer } from './build-counter-report';
import { REPORTS } from './report-definitions';

/** The Report List (R5.1 §8.1): every report, with the first and last month that have usage. */
export async function listCounterReports(customer: ReportCustomer) {
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min("occurredAt") AS "first" FROM "UsageEvent" WHERE "institutionId" = ${customer.id}`;
  const last = clockNow().toISOString().slice(0, 7);
  const first = row?.first ? row.first.toISOString().slice(0, 7) : last;
  return REPORTS.map((r) => ({
    Report_Name: r.name,
    Report_ID: r.id,
    Release: '5.1',
    Report_Description: r.description,
    Path: `/r51/reports/${r.path}`,
    First_Month_Available: first,
    Last_Month_Available: last,
  }));
}
