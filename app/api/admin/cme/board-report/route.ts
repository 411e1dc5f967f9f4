// GET /api/admin/cme/board-report?kind=pars|abim-moc&part=file|refused&activityId=&from=&to= –
// completions for board reporting (admins only): the PARS learner upload (tab-delimited), ABIM
// MOC records (CSV), or the rows refused and why (CSV).
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { guardAdmin } from '@/lib/admin/admin-guard';
import { cmeReportSchema } from '@/lib/admin/cme-report';
import { ABIM_MOC_COLUMNS, formatParsFile, toAbimMocCells } from '@/lib/cme/board-report-rows';
import { buildBoardReport } from '@/lib/cme/build-board-report';
import { formatCsv } from '@/lib/cme/format-csv';
import { errorResponse } from '@/lib/http/error-response';

const querySchema = cmeReportSchema.extend({
  kind: z.enum(['pars', 'abim-moc'], { error: 'kind must be pars or abim-moc' }),
  part: z.enum(['file', 'refused']).default('file'),
});

export async function GET(request: NextRequest) {
  try {
    const admin = await guardAdmin();
    if (admin instanceof Response) return admin;
    const { kind, part, ...filter } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const { rows, refused } = await buildBoardReport(kind, filter);
    const name = `cme-${kind}-${filter.from || 'all'}-${filter.to || 'now'}`;
    if (part === 'refused') {
      const csv = formatCsv([
        ['Certificate', 'Learner', 'Activity', 'Why refused'],
        ...refused.map((r) => [r.certificateId, r.learnerName, r.activityTitle, r.reasons.join('; ')]),
      ]);
      return download(csv, 'text/csv', `${name}-refused.csv`);
    }
    if (kind === 'pars') return download(formatParsFile(rows), 'text/tab-separated-values', `${name}.txt`);
    return download(formatCsv([[...ABIM_MOC_COLUMNS], ...rows.map(toAbimMocCells)]), 'text/csv', `${name}.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}

function download(body: string, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
