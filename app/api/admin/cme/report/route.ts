// GET /api/admin/cme/report?activityId=&from=&to= – CME completions as CSV for board reporting (admins only).
import type { NextRequest } from 'next/server';
import { guardAdmin } from '@/lib/admin/admin-guard';
import { cmeReportSchema, completionsToCsv, listCmeCompletions } from '@/lib/admin/cme-report';
import { errorResponse } from '@/lib/http/error-response';

export async function GET(request: NextRequest) {
  try {
    const admin = await guardAdmin();
    if (admin instanceof Response) return admin;
    const filter = cmeReportSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const csv = completionsToCsv(await listCmeCompletions(filter));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="cme-completions-${filter.from || 'all'}-${filter.to || 'now'}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
