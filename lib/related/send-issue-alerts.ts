import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { queueEmails } from '@/lib/email/queue-emails';
import { articlePath } from '@/lib/articles/article-path';
import { alertEmail } from '@/lib/alerts/alert-email';

/**
 * The `send-issue-alerts` job (queued when an admin publishes the issue): queues one email job
 * per reader with new-issue alerts for the issue's table of contents. All in one transaction
 * that also marks the issue, so a retried job queues nothing twice. Returns the emails queued.
 */
export async function sendIssueAlerts(issueId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.issue.updateMany({
      where: { id: issueId, alertsQueuedAt: null },
      data: { alertsQueuedAt: new Date() },
    });
    if (claimed.count === 0) return 0;
    const issue = await tx.issue.findUniqueOrThrow({
      where: { id: issueId },
      select: {
        volume: true,
        number: true,
        dateLabel: true,
        journal: { select: { id: true, title: true } },
        articles: { orderBy: { position: 'asc' }, select: { doi: true, title: true } },
      },
    });
    const alerts = await tx.journalIssueAlert.findMany({
      where: { journalId: issue.journal.id, user: { disabledAt: null } },
      select: { userId: true, user: { select: { email: true } } },
    });
    const toc = issue.articles
      .map((a) => `- ${a.title}\n  ${new URL(articlePath(a.doi), env.SITE_URL).toString()}`)
      .join('\n');
    const subject = `${issue.journal.title}: ${issue.dateLabel} issue (vol ${issue.volume}, no ${issue.number})`;
    const text = `The new issue is online.\n\n${toc}\n`;
    await queueEmails(
      tx,
      alerts.map(({ userId, user }) =>
        alertEmail({ to: user.email, subject, text }, { kind: 'issue', userId, journalId: issue.journal.id }),
      ),
    );
    return alerts.length;
  });
}
