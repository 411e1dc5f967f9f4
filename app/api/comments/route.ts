// GET /api/comments?doi=… – approved comments, plus the reader's own pending ones.
// POST /api/comments – { doi, body, disclosure } from a signed-in reader; stored pending moderation.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { errorResponse } from '@/lib/http/error-response';
import type { CommentsReply } from '@/lib/comments/comments-reply';
import { listComments } from '@/lib/comments/list-comments';
import { submitComment } from '@/lib/comments/submit-comment';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const query = z.object({ doi: z.string().trim().min(3).max(300) });

export async function GET(request: NextRequest) {
  try {
    const { doi } = query.parse(Object.fromEntries(request.nextUrl.searchParams));
    const article = await db.article.findUnique({ where: { doi }, select: { id: true } });
    if (!article) throw new NotFoundError('No article has this DOI.');
    const user = await getCurrentUser();
    const reply: CommentsReply = {
      isSignedIn: Boolean(user),
      comments: await listComments(article.id, user?.id ?? null),
    };
    return NextResponse.json(reply, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: NextRequest) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('Please sign in to comment.', 'unauthenticated', 'unauthenticated');
    const comment = await submitComment(user, await request.json().catch(() => ({})));
    return NextResponse.json(comment, { status: 201, headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}
