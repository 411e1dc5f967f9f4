import 'server-only';
import { db } from '@/lib/db';
import { readUnsubscribeToken, type AlertSubscription } from './unsubscribe-token';

export type UnsubscribeTarget = {
  subscription: AlertSubscription;
  /** What the emails are, in words for the confirm page: `alerts for the saved search "dress"`. */
  label: string;
  /** False once unsubscribed (or the saved search, article or journal is gone). */
  isActive: boolean;
};

/** What a token would unsubscribe, for the confirm page; null for a token that is not ours. */
export async function findUnsubscribeTarget(token: string): Promise<UnsubscribeTarget | null> {
  const subscription = readUnsubscribeToken(token);
  if (!subscription) return null;
  if (subscription.kind === 'search') {
    const search = await db.savedSearch.findUnique({
      where: { id: subscription.savedSearchId },
      select: { name: true, frequency: true },
    });
    return {
      subscription,
      label: search ? `email alerts for your saved search “${search.name}”` : 'email alerts for a saved search',
      isActive: search !== null && search.frequency !== 'none',
    };
  }
  if (subscription.kind === 'issue') {
    const [journal, alert] = await Promise.all([
      db.journal.findUnique({ where: { id: subscription.journalId }, select: { title: true } }),
      db.journalIssueAlert.count({ where: { userId: subscription.userId, journalId: subscription.journalId } }),
    ]);
    return {
      subscription,
      label: `Table of Contents alerts for new issues of ${journal?.title ?? 'the journal'}`,
      isActive: alert > 0,
    };
  }
  const [article, alert] = await Promise.all([
    db.article.findUnique({ where: { id: subscription.articleId }, select: { title: true } }),
    db.articleCommentAlert.count({ where: { userId: subscription.userId, articleId: subscription.articleId } }),
  ]);
  return {
    subscription,
    label: `alerts for new comments on “${article?.title ?? 'an article'}”`,
    isActive: alert > 0,
  };
}

/**
 * Stops the emails of one subscription; idempotent (a second POST, a mail provider's retry).
 * A saved search is kept, with alerts off: what the reader saved is never lost by a click in an
 * email. Returns what it stopped, or null for a token that is not ours.
 */
export async function unsubscribeByToken(token: string): Promise<UnsubscribeTarget | null> {
  const target = await findUnsubscribeTarget(token);
  if (!target) return null;
  const { subscription } = target;
  if (subscription.kind === 'search')
    await db.savedSearch.updateMany({ where: { id: subscription.savedSearchId }, data: { frequency: 'none' } });
  else if (subscription.kind === 'issue')
    await db.journalIssueAlert.deleteMany({
      where: { userId: subscription.userId, journalId: subscription.journalId },
    });
  else
    await db.articleCommentAlert.deleteMany({
      where: { userId: subscription.userId, articleId: subscription.articleId },
    });
  return { ...target, isActive: false };
}
