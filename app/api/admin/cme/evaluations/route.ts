// GET /api/admin/cme/evaluations?activityId= – the post-activity evaluations as CSV (admins only).
import type { NextRequest } from 'next/server';
import { guardAdmin } from '@/lib/admin/admin-guard';
import { evaluationFilterSchema, listEvaluations } from '@/lib/cme/list-evaluations';
import { formatEvaluationsCsv } from '@/lib/cme/summarize-evaluations';
import { errorResponse } from '@/lib/http/error-response';

export async function GET(request: NextRequest) {
  try {
    const admin = await guardAdmin();
    if (admin instanceof Response) return admin;
    const filter = evaluationFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const csv = formatEvaluationsCsv(await listEvaluations(filter));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="cme-evaluations${filter.activityId ? `-${filter.activityId}` : ''}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
