// GET /api/articles/pubmed?doi=… – PubMed's similar articles (cached; answers within about a second).
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/lib/db';
import { errorResponse, NotFoundError } from '@/lib/errors';
import { getPubmedArticles } from '@/lib/related/get-pubmed-articles';

const query = z.object({ doi: z.string().trim().min(3).max(300) });

export async function GET(request: NextRequest) {
  try {
    const { doi } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
    const article = await db.article.findUnique({ where: { doi }, select: { id: true } });
    if (!article) throw new NotFoundError('No article has this DOI.');
    const result = await getPubmedArticles(article.id);
    // The same for everyone: a shared cache may keep it briefly.
    return NextResponse.json(result, { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch (error) {
    return errorResponse(error);
  }
}
