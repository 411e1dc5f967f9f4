import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { sendEmail } from '@/lib/email/send-email';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { ReaderTools } from './reader-tools-reply';

export type { ReaderTools };

export const readerToolInput = z.object({
  doi: z.string().trim().min(3).max(300),
  tool: z.enum(['isSaved', 'commentAlert', 'issueAlert']),
  on: z.boolean(),
});

/** What the reader has switched on for this article and its journal. */
export async function getReaderTools(userId: string, article: { id: string; journalId: string }): Promise<ReaderTools> {
  const [saved, commentAlert, issueAlert] = await Promise.all([
    db.savedArticle.count({ where: { userId, articleId: article.id } }),
    db.articleCommentAlert.count({ where: { userId, articleId: article.id } }),
    db.journalIssueAlert.count({ where: { userId, journalId: article.journalId } }),
  ]);
  return { isSaved: saved > 0, commentAlert: commentAlert > 0, issueAlert: issueAlert > 0 };
}

type AlertArticle = { id: string; journalId: string; title: string; journalTitle: string };

/**
 * Saves/unsaves the article or switches an alert; idempotent, also under a double click (the
 * insert skips duplicates). Switching an alert on confirms it by email, once.
 */
export async function setReaderTool(
  user: Pick<CurrentUser, 'id' | 'email'>,
  article: AlertArticle,
  tool: keyof ReaderTools,
  on: boolean,
) {
  const userId = user.id;
  const articleKey = { userId, articleId: article.id };
  const journalKey = { userId, journalId: article.journalId };
  if (tool === 'isSaved') {
    if (on) await db.savedArticle.createMany({ data: [articleKey], skipDuplicates: true });
    else await db.savedArticle.deleteMany({ where: articleKey });
  } else if (tool === 'commentAlert') {
    if (!on) await db.articleCommentAlert.deleteMany({ where: articleKey });
    else if ((await db.articleCommentAlert.createMany({ data: [articleKey], skipDuplicates: true })).count > 0) {
      await sendEmail({
        to: user.email,
        subject: 'Comment alerts are on',
        text: `We will email you when a new comment on "${article.title}" is published.`,
      });
    }
  } else if (!on) {
    await db.journalIssueAlert.deleteMany({ where: journalKey });
  } else if ((await db.journalIssueAlert.createMany({ data: [journalKey], skipDuplicates: true })).count > 0) {
    await sendEmail({
      to: user.email,
      subject: `New-issue alerts for ${article.journalTitle} are on`,
      text: `We will email you the table of contents of each new issue of ${article.journalTitle}.`,
    });
  }
  return getReaderTools(userId, article);
}
