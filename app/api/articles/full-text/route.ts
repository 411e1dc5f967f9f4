// GET /api/articles/full-text?doi=… – the gated text for this reader, or why not.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { describeAccess } from '@/lib/access/describe-access';
import { readFullText } from '@/lib/articles/read-full-text';
import { NotFoundError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { getReader } from '@/lib/access/get-reader';
import { now as clockNow } from '@/lib/clock';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

const query = z.object({ doi: z.string().trim().min(3).max(300) });

export async function GET(request: NextRequest) {
  try {
    const { doi } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
    const now = clockNow();
    const result = await readFullText(doi, await getReader(), now);
    if (!result) throw new NotFoundError('No article has this DOI.');
    const body = result.canRead
      ? {
          canRead: true,
          source: result.decision.source,
          reason: describeAccess(result.decision, now, await getReaderTimeZone()),
          until: 'until' in result.decision ? result.decision.until.toISOString() : null,
          fullTextHtml: result.fullTextHtml,
          referencesHtml: result.referencesHtml,
        }
      : { canRead: false, reason: null, until: null };
    // Per reader: no shared cache may keep it.
    return NextResponse.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
