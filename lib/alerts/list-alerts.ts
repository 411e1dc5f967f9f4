import 'server-only';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { articlePath } from '@/lib/articles/article-path';
import { searchHref } from '@/lib/articles/search/search-params';
import { fromStoredSearch, type AlertFrequency } from './saved-search-input';

export type ReaderAlerts = {
  searches: { id: string; name: string; frequency: AlertFrequency; href: string; createdAt: Date }[];
  issues: { journalId: string; journalTitle: string }[];
  /** Journals the reader gets no Table of Contents alerts for yet (offered on the page). */
  otherJournals: { journalId: string; journalTitle: string }[];
  comments: { articleId: string; title: string; href: string }[];
};

/** Everything a reader is subscribed to, for the Alerts page. */
export async function listAlerts(userId: string): Promise<ReaderAlerts> {
  const [searches, issues, comments, journals] = await Promise.all([
    db.savedSearch.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true, frequency: true, params: true, createdAt: true },
    }),
    db.journalIssueAlert.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { journal: { select: { id: true, title: true } } },
    }),
    db.articleCommentAlert.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { article: { select: { id: true, title: true, doi: true } } },
    }),
    db.journal.findMany({
      where: { issueAlerts: { none: { userId } } },
      orderBy: { title: 'asc' },
      select: { id: true, title: true },
    }),
  ]);
  return {
    searches: searches.map((s) => ({
      id: s.id,
      name: s.name,
      frequency: s.frequency,
      href: searchHref({ ...fromStoredSearch(s.params), page: 1 }),
      createdAt: s.createdAt,
    })),
    issues: issues.map((i) => ({ journalId: i.journal.id, journalTitle: i.journal.title })),
    otherJournals: journals.map((j) => ({ journalId: j.id, journalTitle: j.title })),
    comments: comments.map((c) => ({
      articleId: c.article.id,
      title: c.article.title,
      href: articlePath(c.article.doi),
    })),
  };
}

/** Starts Table of Contents alerts for a journal (idempotent: a double click adds one). */
export async function startIssueAlert(userId: string, journalId: string): Promise<void> {
  if (!(await db.journal.count({ where: { id: journalId } })))
    throw new NotFoundError('This journal no longer exists.');
  await db.journalIssueAlert.createMany({ data: [{ userId, journalId }], skipDuplicates: true });
}

/** Stops the reader's own alerts (idempotent: a second click finds nothing to stop). */
export async function stopIssueAlert(userId: string, journalId: string): Promise<void> {
  await db.journalIssueAlert.deleteMany({ where: { userId, journalId } });
}

export async function stopCommentAlert(userId: string, articleId: string): Promise<void> {
  await db.articleCommentAlert.deleteMany({ where: { userId, articleId } });
}
