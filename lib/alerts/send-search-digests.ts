import 'server-only';
import { db } from '@/lib/db';
import { now } from '@/lib/clock';
import { queueEmails } from '@/lib/email/queue-emails';
import { searchAlertEmail } from './search-alert-email';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The `send-search-digests` job (hourly, graphile-worker's crontab): every weekly saved search
 * whose week is up (7 days after its last digest, or after it was saved) gets one email with
 * the matches not emailed yet, or none when nothing matched; either way its next week starts.
 * Claiming a search is a conditional update on its last digest time, in the transaction that
 * queues its email, so two runs at once send one digest. Returns the emails queued.
 */
export async function sendSearchDigests(): Promise<number> {
  const at = now();
  const weekAgo = new Date(at.getTime() - WEEK_MS);
  const due = await db.savedSearch.findMany({
    where: {
      frequency: 'weekly',
      user: { disabledAt: null },
      OR: [{ lastDigestAt: { lte: weekAgo } }, { lastDigestAt: null, createdAt: { lte: weekAgo } }],
    },
    select: { id: true, name: true, params: true, lastDigestAt: true, user: { select: { email: true } } },
  });
  let emails = 0;
  for (const search of due) {
    emails += await db.$transaction(async (tx) => {
      const claimed = await tx.savedSearch.updateMany({
        where: { id: search.id, frequency: 'weekly', lastDigestAt: search.lastDigestAt },
        data: { lastDigestAt: at },
      });
      if (claimed.count === 0) return 0;
      const matches = await tx.savedSearchMatch.updateManyAndReturn({
        where: { savedSearchId: search.id, emailedAt: null },
        data: { emailedAt: at },
        select: { articleId: true },
      });
      if (matches.length === 0) return 0;
      const articleIds = matches.map((m) => m.articleId);
      await queueEmails(tx, [await searchAlertEmail(tx, search, articleIds, 'weekly')]);
      return 1;
    });
  }
  return emails;
}
