import 'server-only';
import { db } from '@/lib/db';

/** A local test checkout of this user with what it sells, or null. */
export async function getLocalCheckout(sessionId: string, userId: string) {
  const session = await db.localCheckoutSession.findFirst({ where: { id: sessionId, userId } });
  if (!session) return null;
  const article = session.articleId
    ? await db.article.findUnique({ where: { id: session.articleId }, select: { title: true, doi: true } })
    : null;
  return { ...session, article };
}

/** The local provider's subscriptions of this user, for the test portal. */
export function listLocalSubscriptions(userId: string) {
  return db.subscription.findMany({
    where: { userId, provider: 'local' },
    orderBy: { createdAt: 'desc' },
  });
}
