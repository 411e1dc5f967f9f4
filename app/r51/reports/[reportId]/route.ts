// GET /r51/reports/<report_id> – one COUNTER R5.1 report as JSON, with the R5.1 parameters.
import { counterRoute } from '@/lib/counter/counter-route';
import { authenticateCounterRequest } from '@/lib/counter/counter-credentials';
import { buildCounterReport } from '@/lib/counter/build-counter-report';
import { counterException, CounterRequestError } from '@/lib/counter/counter-exceptions';
import { parseReportRequest } from '@/lib/counter/parse-report-request';
import { findReport } from '@/lib/counter/report-definitions';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

export const GET = counterRoute(async (_request, query, params) => {
  const customer = await authenticateCounterRequest(query);
  const report = findReport(params.reportId ?? '');
  if (!report)
    throw new CounterRequestError(
      counterException(3000, `Supported: pr, pr_p1, tr, tr_j1, tr_j2, tr_j3, tr_j4, ir, ir_a1`),
    );
  return buildCounterReport(customer, parseReportRequest(report, query, now()));
});
