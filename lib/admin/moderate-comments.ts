import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { articlePath } from '@/lib/articles/article-path';
import { approveComment } from '@/lib/comments/approve-comment';
import type { CurrentUser } from '@/lib/auth/current-user';
import { sendEmail } from '@/lib/email/send-email';
import { AppError, ValidationError } from '@/lib/errors';
import { recordAudit } from './record-audit';

export async function listPendingComments() {
  return db.comment.findMany({
    where: { status: 'pending' },
    orderBy: { createdAt: 'asc' },
    include: { user: { select: { name: true, email: true } }, article: { select: { title: true, doi: true } } },
  });
}

export const moderateSchema = z.object({
  commentId: z.string().min(1).max(40),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').default(''),
});

/**
 * Approves (publishing it, with alerts to followers) or rejects a pending comment with a
 * reason; either way the author is told by email and sees the outcome under the article.
 */
export async function moderateComment(actor: CurrentUser, input: z.infer<typeof moderateSchema>) {
  if (input.decision === 'reject' && !input.reason)
    throw new ValidationError('Give the author a reason for the rejection.');
  const comment = await db.comment.findUnique({
    where: { id: input.commentId },
    include: { user: { select: { email: true, name: true } }, article: { select: { title: true, doi: true } } },
  });
  if (!comment) throw new ValidationError('No comment has this id.');
  if (comment.status !== 'pending')
    throw new AppError('This comment is no longer waiting for moderation.', 409, 'not_pending');

  if (input.decision === 'approve') await approveComment(comment.id);
  await db.$transaction(async (tx) => {
    if (input.decision === 'reject') {
      const { count } = await tx.comment.updateMany({
        where: { id: comment.id, status: 'pending' },
        data: { status: 'rejected', decidedAt: new Date(), moderationNote: input.reason },
      });
      if (count === 0) throw new AppError('This comment is no longer waiting for moderation.', 409, 'not_pending');
    }
    await recordAudit(tx, actor, {
      action: `comment.${input.decision}`,
      targetType: 'Comment',
      targetId: comment.id,
      summary: `${input.decision === 'approve' ? 'Approved' : 'Rejected'} a comment by ${comment.user.email} on ${comment.article.doi}`,
      before: { status: 'pending' },
      after: { status: input.decision === 'approve' ? 'approved' : 'rejected', reason: input.reason || null },
    });
  });
  const link = new URL(`${articlePath(comment.article.doi)}#comments`, env.SITE_URL).toString();
  await sendEmail({
    to: comment.user.email,
    subject: input.decision === 'approve' ? 'Your comment has been published' : 'Your comment was not published',
    text:
      input.decision === 'approve'
        ? `Hello ${comment.user.name},\n\nYour comment on "${comment.article.title}" is now published:\n${link}\n`
        : `Hello ${comment.user.name},\n\nYour comment on "${comment.article.title}" was not published.\nReason: ${input.reason}\n\n${link}\n`,
  });
}
