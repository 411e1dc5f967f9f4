import 'server-only';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';

/** An author takes back their own comment while it still waits for moderation. */
export async function withdrawComment(userId: string, commentId: string): Promise<void> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { userId: true, status: true } });
  // Someone else's comment looks the same as a missing one.
  if (!comment || comment.userId !== userId) throw new NotFoundError('No such comment of yours.');
  if (comment.status !== 'pending')
    throw new AppError('Only a comment still waiting for moderation can be withdrawn.', 'conflict', 'not_pending');
  // The status guard makes a race with approval safe: whichever writes first wins.
  const { count } = await db.comment.updateMany({
    where: { id: commentId, status: 'pending' },
    data: { status: 'withdrawn', decidedAt: new Date() },
  });
  if (count === 0)
    throw new AppError('Only a comment still waiting for moderation can be withdrawn.', 'conflict', 'not_pending');
}
