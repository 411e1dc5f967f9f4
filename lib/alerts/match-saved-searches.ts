import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { now } from '@/lib/clock';
import { decideReadableScope } from '@/lib/access/decide-readable-scope';
import { loadReaderAccessFacts } from '@/lib/access/load-reader-access-facts';
import { hasAuthor, textQuery } from '@/lib/articles/search/query-search-page';
import type { SearchParams } from '@/lib/articles/search/search-params';
import { queueEmails } from '@/lib/email/queue-emails';
import { fromStoredSearch } from './saved-search-input';
import { searchAlertEmail } from './search-alert-email';

/** Which of these articles a search finds: the search page's own text query and filters. */
async function whereSearchFinds(params: SearchParams, userId: string, at: Date): Promise<Prisma.Sql> {
  const text = params.q.trim() ? Prisma.sql`a."searchVector" @@ ${textQuery(params.q)}` : Prisma.sql`TRUE`;
  const filters = [
    text,
    hasAuthor(params.author ?? null),
    params.type ? Prisma.sql`a."articleType" = ${params.type}` : Prisma.sql`TRUE`,
    params.year
      ? Prisma.sql`coalesce(i."year", extract(year FROM a."publishedOnline")::int) = ${params.year}`
      : Prisma.sql`TRUE`,
    params.topic
      ? Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId"
                    WHERE at."articleId" = a."id" AND t."slug" = ${params.topic})`
      : Prisma.sql`TRUE`,
    params.access ? Prisma.sql`a."isFree" = ${params.access === 'free'}` : Prisma.sql`TRUE`,
  ];
  if (params.readable) {
    // "Only what I can read", as the one access rule says for this reader today.
    const scope = decideReadableScope(await loadReaderAccessFacts({ userId, ip: null }, at));
    filters.push(Prisma.sql`(a."isFree" OR ${scope.isEveryPaidArticle} OR a."id" = ANY(${scope.articleIds}::text[]))`);
  }
  return Prisma.join(filters, ' AND ');
}

/**
 * The `match-saved-searches` job, queued when articles are published (an issue, or an article
 * online first): records which saved searches (with alerts on) find which of them, once per
 * article per search (the match's primary key; a re-run adds nothing), and for searches "as
 * published" queues one email with what was not emailed yet. Weekly searches wait for the digest
 * (send-search-digests.ts). A search's email and the marks on what it names are one transaction;
 * a run that fails between recording and emailing leaves the matches unmarked for the retry.
 * Returns the emails queued.
 */
export async function matchSavedSearches(articleIds: string[]): Promise<number> {
  if (articleIds.length === 0) return 0;
  const searches = await db.savedSearch.findMany({
    where: { frequency: { not: 'none' }, user: { disabledAt: null } },
    select: { id: true, userId: true, name: true, params: true, frequency: true, user: { select: { email: true } } },
  });
  let emails = 0;
  for (const search of searches) {
    const at = now();
    const where = await whereSearchFinds(fromStoredSearch(search.params), search.userId, at);
    await db.$executeRaw`
      INSERT INTO "SavedSearchMatch" ("savedSearchId", "articleId", "matchedAt")
      SELECT ${search.id}, a."id", ${at}
        FROM "Article" a LEFT JOIN "Issue" i ON i."id" = a."issueId"
       WHERE a."id" = ANY(${articleIds}::text[]) AND ${where}
      ON CONFLICT DO NOTHING`;
    if (search.frequency !== 'immediate') continue;
    // What is not emailed yet (these matches, or ones a failed run left) goes in one email,
    // marked in the transaction that queues it.
    emails += await db.$transaction(async (tx) => {
      const due = await tx.savedSearchMatch.updateManyAndReturn({
        where: { savedSearchId: search.id, emailedAt: null },
        data: { emailedAt: at },
        select: { articleId: true },
      });
      if (due.length === 0) return 0;
      const email = await searchAlertEmail(
        tx,
        search,
        due.map((m) => m.articleId),
        'immediate',
      );
      await queueEmails(tx, [email]);
      return 1;
    });
  }
  return emails;
}
