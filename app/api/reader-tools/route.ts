// GET /api/reader-tools?doi=… – the reader's Save and alert switches for an article.
// PUT /api/reader-tools – { doi, tool, on }: save to the reading list, or switch an email alert.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { AppError, errorResponse, NotFoundError } from '@/lib/errors';
import { getReaderTools, readerToolInput, setReaderTool } from '@/lib/related/reader-tools';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const query = z.object({ doi: z.string().trim().min(3).max(300) });

async function findArticle(doi: string) {
  const article = await db.article.findUnique({
    where: { doi },
    select: { id: true, journalId: true, title: true, journal: { select: { title: true } } },
  });
  if (!article) throw new NotFoundError('No article has this DOI.');
  return { ...article, journalTitle: article.journal.title };
}

export async function GET(request: NextRequest) {
  try {
    const { doi } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
    const user = await getCurrentUser();
    const tools = user ? await getReaderTools(user.id, await findArticle(doi)) : null;
    return NextResponse.json({ isSignedIn: Boolean(user), tools }, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: NextRequest) {
  try {
    const { doi, tool, on } = readerToolInput.parse(await request.json().catch(() => ({})));
    const user = await getCurrentUser();
    if (!user) throw new AppError('Please sign in to save articles and set alerts.', 401, 'unauthenticated');
    const tools = await setReaderTool(user, await findArticle(doi), tool, on);
    return NextResponse.json({ isSignedIn: true, tools }, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}
