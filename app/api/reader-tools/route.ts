// (The reader's switches are rendered into the per-reader article page; no GET.)
// PUT /api/reader-tools – { doi, tool, on }: save to the reading list, or switch an email alert.
import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import { readerToolInput, setReaderTool } from '@/lib/related/reader-tools';
import type { ReaderToolsReply } from '@/lib/related/reader-tools-reply';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

async function findArticle(doi: string) {
  const article = await db.article.findUnique({
    where: { doi },
    select: { id: true, journalId: true, title: true, journal: { select: { title: true } } },
  });
  if (!article) throw new NotFoundError('No article has this DOI.');
  return { ...article, journalTitle: article.journal.title };
}

export async function PUT(request: NextRequest) {
  try {
    const { doi, tool, on } = readerToolInput.parse(await request.json().catch(() => ({})));
    const user = await getCurrentUser();
    if (!user)
      throw new AppError('Please sign in to save articles and set alerts.', 'unauthenticated', 'unauthenticated');
    const tools = await setReaderTool(user, await findArticle(doi), tool, on);
    const reply: ReaderToolsReply = { isSignedIn: true, tools };
    return NextResponse.json(reply, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}
