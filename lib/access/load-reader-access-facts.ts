import 'server-only';
import { db } from '@/lib/db';
import type { AccessFacts } from './decide-access';
import { readerInstitutions } from './reader-institutions';
import { readerFactsOf, type Reader, type ReaderFactsRow } from './load-access-facts';

/** Everything the access decision needs except the article: one reader's facts for a list of articles. */
export type ReaderAccessFacts = Omit<AccessFacts, 'article'>;

/**
 * One reader's subscriptions, open purchases (of any article) and institutions, in one statement,
 * for surfaces that list many articles (search): each article is then decided by `decideAccess`
 * with these facts, without a query per article. A visitor with neither account nor address has
 * no facts to load.
 */
export async function loadReaderAccessFacts(reader: Reader, now: Date): Promise<ReaderAccessFacts> {
  const { userId, ip, institutionSessionHash } = reader;
  if (!userId && !ip && !institutionSessionHash) return { now, subscriptions: [], purchases: [], institutions: [] };
  const [row] = await db.$queryRaw<ReaderFactsRow[]>`
    WITH institutions AS (${readerInstitutions(reader, now)})
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
  return { now, ...readerFactsOf(facts) };
}
