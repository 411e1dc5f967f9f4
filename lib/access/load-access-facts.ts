import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import type { AccessFacts, InstitutionFact, PurchaseFact, SubscriptionFact } from './decide-access';
import { readerInstitutions } from './reader-institutions';

export type Reader = {
  userId: string | null;
  ip: string | null;
  /** SHA-256 of the institution sign-in token this browser holds (lib/saml), if any. */
  institutionSessionHash?: string | null;
};

/** A reader's facts as the SQL sends them: timestamps as epoch milliseconds (JSON has no dates). */
export type ReaderFactsRow = {
  subscriptions: (Omit<SubscriptionFact, 'startsAt' | 'currentPeriodEnd' | 'revokedAt'> & {
    startsAt: number;
    currentPeriodEnd: number;
  })[];
  purchases: { articleId: string; confirmedAt: number; expiresAt: number }[];
  institutions: { name: string; activeFrom: number; activeUntil: number | null }[];
};

type Row = ReaderFactsRow & { articleId: string; isFree: boolean };

/** The decision's reader facts from their SQL form (the queries select only unrevoked rights). */
export function readerFactsOf(facts: ReaderFactsRow): Omit<AccessFacts, 'article' | 'now'> {
  return {
    // Status strings come from Stripe's vocabulary; the decision treats unknown ones as closed.
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

/**
 * The facts the access decision needs for one reader and the article `articleWhere` picks, in one
 * statement: the full-text request comes with every page view, so it costs one round trip, not
 * four. No row when there is no such article.
 */
async function queryAccessFacts(reader: Reader, articleWhere: Prisma.Sql, now: Date): Promise<AccessFacts | null> {
  const { userId } = reader;
  const [row] = await db.$queryRaw<Row[]>`
    WITH article AS (SELECT a."id", a."isFree" FROM "Article" a WHERE ${articleWhere}),
         institutions AS (${readerInstitutions(reader, now)})
    SELECT article."id" AS "articleId", article."isFree",
      (SELECT coalesce(json_agg(json_build_object('plan', s."plan", 'status', s."status", 'source', s."source",
                'startsAt', extract(epoch FROM s."startsAt") * 1000, 'currentPeriodEnd', extract(epoch FROM s."currentPeriodEnd") * 1000)), '[]')
         FROM "Subscription" s
        WHERE s."userId" = ${userId} AND s."revokedAt" IS NULL AND s."currentPeriodEnd" > ${now}) AS "subscriptions",
      (SELECT coalesce(json_agg(json_build_object('articleId', p."articleId",
                'confirmedAt', extract(epoch FROM p."confirmedAt") * 1000, 'expiresAt', extract(epoch FROM p."expiresAt") * 1000)), '[]')
         FROM "ArticlePurchase" p
        WHERE p."userId" = ${userId} AND p."articleId" = article."id" AND p."revokedAt" IS NULL AND p."expiresAt" > ${now}) AS "purchases",
      (SELECT coalesce(json_agg(json_build_object('name', i."name",
                'activeFrom', extract(epoch FROM i."activeFrom") * 1000, 'activeUntil', extract(epoch FROM i."activeUntil") * 1000)), '[]')
         FROM institutions i) AS "institutions"
    FROM article`;
  if (!row) return null;
  return { now, article: { id: row.articleId, isFree: row.isFree }, ...readerFactsOf(row) };
}

/** Loads the facts the access decision needs for one reader and one article. */
export async function loadAccessFacts(
  reader: Reader,
  article: { id: string; isFree: boolean },
  now: Date,
): Promise<AccessFacts> {
  if (article.isFree) return { now, article, subscriptions: [], purchases: [], institutions: [] };
  const facts = await queryAccessFacts(reader, Prisma.sql`a."id" = ${article.id}`, now);
  return facts ?? { now, article, subscriptions: [], purchases: [], institutions: [] };
}

/** The same for the article with this DOI, found in the same statement; null when there is none. */
export function loadAccessFactsForDoi(reader: Reader, doi: string, now: Date): Promise<AccessFacts | null> {
  return queryAccessFacts(reader, Prisma.sql`a."doi" = ${doi}`, now);
}
