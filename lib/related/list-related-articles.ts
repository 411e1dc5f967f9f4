import 'server-only';
import { db } from '@/lib/db';

export type RelatedArticle = { doi: string; title: string; sectionLabel: string | null; sharedTopics?: number };

const articleFields = { doi: true, title: true, sectionLabel: true } as const;

/** "See Also": articles an editor linked to this one, in either direction. */
export async function listSeeAlso(articleId: string): Promise<RelatedArticle[]> {
  const links = await db.articleLink.findMany({
    where: { OR: [{ fromArticleId: articleId }, { toArticleId: articleId }] },
    orderBy: { createdAt: 'asc' },
    select: { fromArticleId: true, from: { select: articleFields }, to: { select: articleFields } },
  });
  return links.map((l) => (l.fromArticleId === articleId ? l.to : l.from));
}

/**
 * "Articles Related By Topic": other articles sharing at least one topic, most shared topics
 * first, then newest. Articles already in "See Also" (an editor's link, either direction) are
 * left out, so the two boxes never repeat each other, and the limit counts only what is shown.
 * One grouped query, so it stays cheap as the journal grows.
 */
export async function listRelatedByTopic(articleId: string, limit = 5): Promise<RelatedArticle[]> {
  const rows = await db.$queryRaw<{ articleId: string; shared: bigint }[]>`
    SELECT other."articleId", COUNT(*) AS shared
    FROM "ArticleTopic" mine
    JOIN "ArticleTopic" other ON other."topicId" = mine."topicId" AND other."articleId" <> mine."articleId"
    JOIN "Article" a ON a.id = other."articleId"
    WHERE mine."articleId" = ${articleId}
      AND other."articleId" NOT IN (
        SELECT "toArticleId" FROM "ArticleLink" WHERE "fromArticleId" = ${articleId}
        UNION SELECT "fromArticleId" FROM "ArticleLink" WHERE "toArticleId" = ${articleId})
    GROUP BY other."articleId", a."publishedOnline", a.title
    ORDER BY shared DESC, a."publishedOnline" DESC NULLS LAST, a.title ASC
    LIMIT ${limit}`;
  const articles = await db.article.findMany({
    where: { id: { in: rows.map((r) => r.articleId) } },
    select: { id: true, ...articleFields },
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  return rows.flatMap((r) => {
    const a = byId.get(r.articleId);
    return a ? [{ doi: a.doi, title: a.title, sectionLabel: a.sectionLabel, sharedTopics: Number(r.shared) }] : [];
  });
}
