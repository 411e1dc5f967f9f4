import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import { forgetArticleParts } from '@/lib/articles/article-page-cache';
import { recordAudit } from './record-audit';

export const publishIssueSchema = z.object({ issueId: z.string().min(1).max(40) });

/**
 * Makes the issue the current one and queues the job that emails its table of contents to readers
 * with new-issue alerts (lib/related/send-issue-alerts.ts) and the one that matches its articles
 * against readers' saved searches, once: the conditional update means a
 * second click (or a second admin) queues nothing. Answers at once; the emails go out from a worker.
 */
export async function publishIssue(actor: CurrentUser, { issueId }: z.infer<typeof publishIssueSchema>) {
  await db.$transaction(async (tx) => {
    const claimed = await tx.issue.updateMany({
      where: { id: issueId, publishedAt: null },
      data: { publishedAt: new Date() },
    });
    if (claimed.count === 0) {
      if (!(await tx.issue.findUnique({ where: { id: issueId } }))) throw new NotFoundError('No issue has this id.');
      throw new AppError(
        'This issue has already been published; its alerts were sent then.',
        'conflict',
        'already_published',
      );
    }
    const current = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
    await tx.issue.updateMany({ where: { journalId: current.journalId, isCurrent: true }, data: { isCurrent: false } });
    const published = await tx.issue.update({ where: { id: issueId }, data: { isCurrent: true } });
    await recordAudit(tx, actor, {
      action: 'issue.publish',
      targetType: 'Issue',
      targetId: issueId,
      summary: `Published vol ${published.volume} no ${published.number} (${published.dateLabel}) as the current issue`,
      after: { isCurrent: true, publishedAt: published.publishedAt },
    });
    const articles = await tx.article.findMany({ where: { issueId }, select: { id: true } });
    await enqueueJobs(tx, [
      { task: 'send-issue-alerts', payload: { issueId }, key: `issue-alerts:${issueId}` },
      // Saved searches that find the issue's articles (lib/alerts/match-saved-searches.ts).
      {
        task: 'match-saved-searches',
        payload: { articleIds: articles.map((a) => a.id) },
        key: `search-alerts:issue:${issueId}`,
      },
    ]);
  });
  // Issue details show on its articles' pages: the per-reader page's cache starts again.
  forgetArticleParts();
  try {
    revalidatePath('/');
  } catch {
    // Outside a Next request there is no page cache to refresh.
  }
  return { alertsQueued: true };
}
