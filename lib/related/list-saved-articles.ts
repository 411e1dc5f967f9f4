import 'server-only';
import { db } from '@/lib/db';

/** The reader's reading list, newest saved first. */
export async function listSavedArticles(userId: string) {
  const rows = await db.savedArticle.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      createdAt: true,
      article: { select: { doi: true, title: true, sectionLabel: true, journal: { select: { abbreviation: true } } } },
    },
  });
  return rows.map((r) => ({ savedAt: r.createdAt, ...r.article, journal: r.article.journal.abbreviation }));
}
