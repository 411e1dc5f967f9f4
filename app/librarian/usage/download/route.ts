// GET /librarian/usage/download?report=tr_j1&begin_date=2026-01&end_date=2026-06&format=tsv|xlsx|json
// – a COUNTER R5.1 report of the librarian's own institution, in tabular form or as the API's JSON.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { buildCounterReport } from '@/lib/counter/build-counter-report';
import { CounterRequestError } from '@/lib/counter/counter-exceptions';
import { parseReportRequest } from '@/lib/counter/parse-report-request';
import { findReport } from '@/lib/counter/report-definitions';
import { reportToRows } from '@/lib/counter/report-to-rows';
import { writeTsv, writeXlsx } from '@/lib/counter/write-tabular-report';
import { librarianRoute } from '@/lib/librarian/librarian-guard';
import { now } from '@/lib/clock';

const querySchema = z.object({
  report: z.string().max(10),
  begin_date: z.string().max(10),
  end_date: z.string().max(10),
  format: z.enum(['tsv', 'xlsx', 'json']).default('tsv'),
});

export const GET = librarianRoute(async (librarian, request) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const report = parsed.success ? findReport(parsed.data.report) : undefined;
  if (!parsed.success || !report)
    return NextResponse.json(
      { error: 'Choose a report, a first and a last month (yyyy-mm), and a format.' },
      { status: 422 },
    );
  const { begin_date, end_date, format } = parsed.data;
  let counterRequest;
  try {
    counterRequest = parseReportRequest(report, new URLSearchParams({ begin_date, end_date }), now());
  } catch (error) {
    if (error instanceof CounterRequestError)
      return NextResponse.json({ error: `${error.exception.Message}: ${error.exception.Data ?? ''}` }, { status: 422 });
    throw error;
  }
  const json = await buildCounterReport(librarian.institution, counterRequest);
  const name = `${report.id}_${begin_date}_${end_date}`;
  const headers = (type: string, ext: string) => ({
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}.${ext}"`,
    'Cache-Control': 'private, no-store',
  });
  if (format === 'json') return NextResponse.json(json, { headers: headers('application/json', 'json') });
  const rows = reportToRows(json, counterRequest);
  if (format === 'tsv')
    return new Response(writeTsv(rows), { headers: headers('text/tab-separated-values; charset=utf-8', 'tsv') });
  return new Response(new Uint8Array(await writeXlsx(rows, report.id)), {
    headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  });
});
