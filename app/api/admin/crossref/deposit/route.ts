// GET /api/admin/crossref/deposit?issue=<id or volume/number> | ?article=<id or DOI> – the
// Crossref deposit XML as a download (admins only). Nothing is sent to Crossref.
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { guardAdmin } from '@/lib/admin/admin-guard';
import { createCrossrefDeposit } from '@/lib/crossref/create-crossref-deposit';
import { errorResponse } from '@/lib/http/error-response';

const ref = z.string().trim().min(1).max(300);
const targetSchema = z.union([z.object({ issue: ref }).strict(), z.object({ article: ref }).strict()], {
  error: 'Ask for one issue (?issue=) or one article (?article=).',
});

export async function GET(request: NextRequest) {
  try {
    const admin = await guardAdmin();
    if (admin instanceof Response) return admin;
    const target = targetSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const { fileName, xml } = await createCrossrefDeposit(target);
    return new Response(xml, {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
