import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { articlePath } from '@/lib/articles/article-path';
import { forgetArticleParts } from '@/lib/articles/article-page-cache';
import { approveComment } from '@/lib/comments/approve-comment';
import type { CurrentUser } from '@/lib/auth/current-user';
import { sendEmail } from '@/lib/email/send-email';
import { AppError, ValidationError } from '@/lib/errors/app-error';
import { recordAudit } from './record-audit';

const withAuthorAndArticle = {
  user: { select: { name: true, email: true } },
  article: { select: { title: true, doi: true } },
} as const;

export async function listPendingComments() {
  return db.comment.findMany({
    where: { status: 'pending' },
    orderBy: { createdAt: 'asc' },
    include: withAuthorAndArticle,
  });
}

/** The most recently published comments, newest first: the ones a moderator may need to take down. */
export async function listPublishedComments(limit = 50) {
  return db.comment.findMany({
    where: { status: 'approved' },
    orderBy: { decidedAt: 'desc' },
    take: limit,
    include: withAuthorAndArticle,
  });
}

export const moderateSchema = z.object({
  commentId: z.string().min(1).max(40),
  decision: z.enum(['approve', 'reject', 'remove']),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').default(''),
});

type Decision = z.infer<typeof moderateSchema>['decision'];

/** What each decision acts on, leaves behind, and tells the author. */
const DECISIONS = {
  approve: { from: 'pending', to: 'approved', verb: 'Approved', subject: 'Your comment has been published' },
  reject: { from: 'pending', to: 'rejected', verb: 'Rejected', subject: 'Your comment was not published' },
  remove: { from: 'approved', to: 'removed', verb: 'Removed', subject: 'Your comment has been removed' },
} as const satisfies Record<Decision, { from: string; to: string; verb: string; subject: string }>;

const NOT_IN_STATE = {
  pending: 'This comment is no longer waiting for moderation.',
  approved: 'This comment is not published (any more).',
} as const;

/**
 * Approves a pending comment (publishing it, with alerts to followers), rejects it, or removes a
 * published one; a rejection or removal needs a reason. Every decision is in the audit log, and
 * the author is told by email.
 */
export async function moderateComment(actor: CurrentUser, input: z.infer<typeof moderateSchema>) {
  const decision = DECISIONS[input.decision];
  if (input.decision !== 'approve' && !input.reason)
    throw new ValidationError(
      input.decision === 'remove'
        ? 'Give the author a reason for removing the comment.'
        : 'Give the author a reason for the rejection.',
    );
  const comment = await db.comment.findUnique({ where: { id: input.commentId }, include: withAuthorAndArticle });
  if (!comment) throw new ValidationError('No comment has this id.');
  const notInState = new AppError(NOT_IN_STATE[decision.from], 'conflict', `not_${decision.from}`);
  if (comment.status !== decision.from) throw notInState;

  if (input.decision === 'approve') await approveComment(comment.id);
  await db.$transaction(async (tx) => {
    if (input.decision !== 'approve') {
      // The status guard makes a race with another moderator (or the author) safe.
      const { count } = await tx.comment.updateMany({
        where: { id: comment.id, status: decision.from },
        data: { status: decision.to, decidedAt: new Date(), moderationNote: input.reason },
      });
      if (count === 0) throw notInState;
    }
    await recordAudit(tx, actor, {
      action: `comment.${input.decision}`,
      targetType: 'Comment',
      targetId: comment.id,
      summary: `${decision.verb} a comment by ${comment.user.email} on ${comment.article.doi}`,
      before: { status: decision.from },
      after: { status: decision.to, reason: input.reason || null },
    });
  });
  // The per-reader page shows the approved comments from its cache of the article.
  forgetArticleParts({ articleId: comment.articleId });
  const link = new URL(`${articlePath(comment.article.doi)}#comments`, env.SITE_URL).toString();
  const on = `"${comment.article.title}"`;
  const text = {
    approve: `Your comment on ${on} is now published:\n${link}\n`,
    reject: `Your comment on ${on} was not published.\nReason: ${input.reason}\n\n${link}\n`,
    remove: `Your published comment on ${on} has been removed by a moderator.\nReason: ${input.reason}\n\nIf you think this is a mistake, reply to the journal office.\n${link}\n`,
  }[input.decision];
  await sendEmail({
    to: comment.user.email,
    subject: decision.subject,
    text: `Hello ${comment.user.name},\n\n${text}`,
  });
}
