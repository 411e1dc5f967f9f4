import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { queueEmails } from '@/lib/email/queue-emails';
import { alertEmail } from '@/lib/alerts/alert-email';
import { articlePath } from '@/lib/articles/article-path';
import { AppError } from '@/lib/errors/app-error';

/**
 * Publishes a pending comment and emails readers who asked for alerts on the article (not the
 * author). The moderation queue of the admin issue calls this.
 */
export async function approveComment(commentId: string, now = new Date()): Promise<void> {
  const { count } = await db.comment.updateMany({
    where: { id: commentId, status: 'pending' },
    data: { status: 'approved', decidedAt: now },
  });
  if (count === 0) throw new AppError('This comment is no longer waiting for moderation.', 'conflict', 'not_pending');
  const comment = await db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      userId: true,
      user: { select: { name: true } },
      article: { select: { id: true, doi: true, title: true } },
    },
  });
  const alerts = await db.articleCommentAlert.findMany({
    where: { articleId: comment.article.id, userId: { not: comment.userId }, user: { disabledAt: null } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const link = new URL(`${articlePath(comment.article.doi)}#comments`, env.SITE_URL).toString();
  // One statement queues every follower's email job, each with its own unsubscribe link.
  await queueEmails(
    db,
    alerts.map(({ userId, user }) =>
      alertEmail(
        {
          to: user.email,
          subject: `New comment on "${comment.article.title}"`,
          text: `${comment.user.name} commented on an article you follow:\n${comment.article.title}\n\nRead it: ${link}\n`,
        },
        { kind: 'comments', userId, articleId: comment.article.id },
      ),
    ),
  );
}
