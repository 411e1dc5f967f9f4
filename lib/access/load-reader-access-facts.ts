import 'server-only';
import { db } from '@/lib/db';
import type { AccessFacts, InstitutionFact, PurchaseFact, SubscriptionFact } from './decide-access';
import { institutionsContaining } from './find-institutions-for-ip';
import type { Reader } from './load-access-facts';

/** Everything the access decision needs except the article: one reader's facts for a list of articles. */
export type ReaderAccessFacts = Omit<AccessFacts, 'article'>;

type Row = {
  subscriptions: (Omit<SubscriptionFact, 'startsAt' | 'currentPeriodEnd' | 'revokedAt'> & {
    startsAt: number;
    currentPeriodEnd: number;
  })[];
  purchases: { articleId: string; confirmedAt: number; expiresAt: number }[];
  institutions: { name: string; activeFrom: number; activeUntil: number | null }[];
};

/**
 * One reader's subscriptions, open purchases (of any article) and institutions, in one statement,
 * for surfaces that list many articles (search): each article is then decided by `decideAccess`
 * with these facts, without a query per article. A visitor with neither account nor address has
 * no facts to load.
 */
export async function loadReaderAccessFacts(reader: Reader, now: Date): Promise<ReaderAccessFacts> {
  const { userId, ip } = reader;
  if (!userId && !ip) return { now, subscriptions: [], purchases: [], institutions: [] };
  const [row] = await db.$queryRaw<Row[]>`
    WITH institutions AS (${institutionsContaining(ip)})
    SELECT
      (SELECT coalesce(json_agg(json_build_object('plan', s."plan", 'status', s."status", 'source', s."source",
                'startsAt', extract(epoch FROM s."startsAt") * 1000, 'currentPeriodEnd', extract(epoch FROM s."currentPeriodEnd") * 1000)), '[]')
         FROM "Subscription" s
        WHERE s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."currentPeriodEnd" > ${now}) AS "subscriptions",
      (SELECT coalesce(json_agg(json_build_object('articleId', p."articleId",
                'confirmedAt', extract(epoch FROM p."confirmedAt") * 1000, 'expiresAt', extract(epoch FROM p."expiresAt") * 1000)), '[]')
         FROM "ArticlePurchase" p
        WHERE p."userId" = ${userId} AND p."revokedAt" IS NULL AND p."expiresAt" > ${now}) AS "purchases",
      (SELECT coalesce(json_agg(json_build_object('name', i."name",
                'activeFrom', extract(epoch FROM i."activeFrom") * 1000, 'activeUntil', extract(epoch FROM i."activeUntil") * 1000)), '[]')
         FROM institutions i) AS "institutions"`;
  const facts = row ?? { subscriptions: [], purchases: [], institutions: [] };
  return {
    now,
    subscriptions: facts.subscriptions.map((s): SubscriptionFact => ({
      ...s,
      startsAt: new Date(s.startsAt),
      currentPeriodEnd: new Date(s.currentPeriodEnd),
      revokedAt: null,
    })),
    purchases: facts.purchases.map((p): PurchaseFact => ({
      articleId: p.articleId,
      confirmedAt: new Date(p.confirmedAt),
      expiresAt: new Date(p.expiresAt),
      revokedAt: null,
    })),
    institutions: facts.institutions.map((i): InstitutionFact => ({
      name: i.name,
      activeFrom: new Date(i.activeFrom),
      activeUntil: i.activeUntil === null ? null : new Date(i.activeUntil),
    })),
  };
}
