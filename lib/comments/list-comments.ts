import 'server-only';
import { db } from '@/lib/db';
import type { CommentView } from './comments-reply';

export type { CommentView };

/** Approved comments for everyone, plus the reader's own comments that wait for moderation. */
export async function listComments(articleId: string, userId: string | null): Promise<CommentView[]> {
  const rows = await db.comment.findMany({
    where: { articleId, OR: [{ status: 'approved' }, ...(userId ? [{ status: 'pending' as const, userId }] : [])] },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true, body: true, disclosure: true, createdAt: true, user: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    author: r.user.name,
    createdAt: r.createdAt.toISOString(),
    disclosure: r.disclosure,
    body: r.body,
    isPending: r.status === 'pending',
  }));
}
