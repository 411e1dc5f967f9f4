import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { sendEmail } from '@/lib/email/send-email';
import type { CurrentUser } from '@/lib/auth/current-user';

export type ReaderTools = { isSaved: boolean; commentAlert: boolean; issueAlert: boolean };

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

/**
 * Saves/unsaves the article or switches an alert; idempotent (a double click changes nothing).
 * Switching an alert on confirms it by email, so the reader knows where alerts will go.
 */
export async function setReaderTool(user: Pick<CurrentUser, 'id' | 'email'>, article: { id: string; journalId: string; title: string; journalTitle: string }, tool: keyof ReaderTools, on: boolean) {
  const userId = user.id;
  if (tool === 'isSaved') {
    const key = { userId_articleId: { userId, articleId: article.id } };
    if (on) await db.savedArticle.upsert({ where: key, create: { userId, articleId: article.id }, update: {} });
    else await db.savedArticle.deleteMany({ where: { userId, articleId: article.id } });
  } else if (tool === 'commentAlert') {
    const key = { userId_articleId: { userId, articleId: article.id } };
    if (!on) await db.articleCommentAlert.deleteMany({ where: { userId, articleId: article.id } });
    else if (!(await db.articleCommentAlert.findUnique({ where: key }))) {
      await db.articleCommentAlert.create({ data: { userId, articleId: article.id } });
      await sendEmail({ to: user.email, subject: 'Comment alerts are on', text: `We will email you when a new comment on "${article.title}" is published.` });
    }
  } else {
    const key = { userId_journalId: { userId, journalId: article.journalId } };
    if (!on) await db.journalIssueAlert.deleteMany({ where: { userId, journalId: article.journalId } });
    else if (!(await db.journalIssueAlert.findUnique({ where: key }))) {
      await db.journalIssueAlert.create({ data: { userId, journalId: article.journalId } });
      await sendEmail({ to: user.email, subject: `New-issue alerts for ${article.journalTitle} are on`, text: `We will email you the table of contents of each new issue of ${article.journalTitle}.` });
    }
  }
  return getReaderTools(userId, article);
}
