import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/email/send-email';
import { articlePath } from '@/lib/articles/article-path';

/** Emails the table of contents of a newly published issue to readers with new-issue alerts. Publishing calls it once. */
export async function sendIssueAlerts(issueId: string): Promise<number> {
  const issue = await db.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: {
      volume: true,
      number: true,
      dateLabel: true,
      journal: { select: { id: true, title: true } },
      articles: { orderBy: { position: 'asc' }, select: { doi: true, title: true } },
    },
  });
  const alerts = await db.journalIssueAlert.findMany({
    where: { journalId: issue.journal.id, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  const toc = issue.articles
    .map((a) => `- ${a.title}\n  ${new URL(articlePath(a.doi), env.SITE_URL).toString()}`)
    .join('\n');
  for (const { user } of alerts) {
    await sendEmail({
      to: user.email,
      subject: `${issue.journal.title}: ${issue.dateLabel} issue (vol ${issue.volume}, no ${issue.number})`,
      text: `The new issue is online.\n\n${toc}\n\nTo stop these alerts, use "Alert me" on any article page.`,
    });
  }
  return alerts.length;
}
