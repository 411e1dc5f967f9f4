import 'server-only';
import { db } from '@/lib/db';

/** The CME activities on an article and the states whose requirements they count toward: public facts only. */
export async function getArticleCme(doi: string) {
  return db.cmeActivity.findMany({
    where: { articles: { some: { article: { doi } } } },
    orderBy: { releaseAt: 'desc' },
    select: {
      id: true,
      title: true,
      creditType: true,
      maxCreditQuarters: true,
      passingPercent: true,
      objectives: true,
      releaseAt: true,
      expiresAt: true,
      estimatedMinutes: true,
      targetAudience: true,
      abimMocPoints: true,
      people: { orderBy: [{ role: 'asc' }, { position: 'asc' }] },
      requirements: { select: { requirement: { select: { state: true } } } },
    },
  });
}

export type ArticleCme = Awaited<ReturnType<typeof getArticleCme>>[number];
