import 'server-only';
import { db } from '@/lib/db';

export async function getTopicWithArticles(slug: string) {
  return db.topic.findUnique({
    where: { slug },
    select: {
      name: true,
      articles: {
        orderBy: { article: { publishedOnline: 'desc' } },
        select: { article: { select: { doi: true, title: true, sectionLabel: true, isFree: true } } },
      },
    },
  });
}

export async function listTopicSlugs() {
  return (await db.topic.findMany({ select: { slug: true } })).map((t) => t.slug);
}
