import type { MetadataRoute } from 'next';
import { articlePath } from '@/lib/articles/article-path';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export const revalidate = 3600;

/** Public pages only: the home page, issues and article pages (metadata, never full text). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, issues] = await Promise.all([
    db.article.findMany({ select: { doi: true, updatedAt: true } }),
    db.issue.findMany({ select: { volume: true, number: true } }),
  ]);
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  return [
    { url: url('/'), changeFrequency: 'weekly' },
    ...issues.map((i) => ({ url: url(`/issues/${i.volume}/${encodeURIComponent(i.number)}`) })),
    ...articles.map((a) => ({ url: url(articlePath(a.doi)), lastModified: a.updatedAt })),
  ];
}
