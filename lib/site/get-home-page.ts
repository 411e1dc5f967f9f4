import 'server-only';
import { db } from '@/lib/db';

/** The home page's other columns: articles online ahead of print, topic collections, CME on offer. */
export async function getHomePage(now: Date) {
  const [onlineFirst, topics, cmeActivities] = await Promise.all([
    db.article.findMany({
      where: { issueId: null, publishedOnline: { not: null } },
      orderBy: [{ publishedOnline: 'desc' }, { title: 'asc' }],
      take: 5,
      select: { doi: true, title: true, publishedOnline: true },
    }),
    db.topic.findMany({
      where: { articles: { some: {} } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true, _count: { select: { articles: true } } },
    }),
    db.cmeActivity.count({ where: { releaseAt: { lte: now }, expiresAt: { gt: now } } }),
  ]);
  return { onlineFirst, topics, cmeActivities };
}
