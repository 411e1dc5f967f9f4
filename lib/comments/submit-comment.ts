import 'server-only';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { hitRateLimit, minutesText, type RateLimitRule } from '@/lib/auth/rate-limit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { commentInput } from './comment-input';

export const COMMENTS_PER_USER: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

/** Stores a signed-in reader's comment as pending moderation. Never publishes it. */
export async function submitComment(user: Pick<CurrentUser, 'id'>, input: unknown, now = new Date()) {
  const { doi, body, disclosure } = commentInput.parse(input);
  const article = await db.article.findUnique({ where: { doi }, select: { id: true } });
  if (!article) throw new NotFoundError('No article has this DOI.');
  const limit = await hitRateLimit(`comment:${user.id}`, COMMENTS_PER_USER, now);
  if (limit.isLimited) {
    throw new AppError(
      `You have sent several comments in a short time. Please try again in ${minutesText(limit.retryAfterSeconds)}.`,
      'rate_limited',
      'rate_limited',
    );
  }
  return db.comment.create({
    data: { articleId: article.id, userId: user.id, body, disclosure, createdAt: now },
    select: { id: true, status: true },
  });
}
