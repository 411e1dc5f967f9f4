import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import type { ReadableScope } from '@/lib/access/decide-readable-scope';
import type { SearchParams } from './search-params';
import { MATCH_END, MATCH_START } from './parse-snippet';
import { splitTextQuery } from './split-text-query';

export const PAGE_SIZE = 20;

export type FacetCount = { value: string; label: string; count: number };

export type SearchRow = {
  id: string;
  doi: string;
  title: string;
  subtitle: string | null;
  sectionLabel: string | null;
  articleType: string;
  isFree: boolean;
  year: number | null;
  authors: { givenNames: string | null; surname: string | null; suffix: string | null; collab: string | null }[];
  /** Highlighted from the public abstract and summaries; null when the readable one is computed instead. */
  publicSnippet: string | null;
  /** Highlighted from the full text; only for articles in the reader's scope whose public text does not match. */
  readableSnippet: string | null;
};

export type SearchPageRow = {
  total: number;
  rows: SearchRow[] | null;
  types: FacetCount[] | null;
  years: FacetCount[] | null;
  topics: FacetCount[] | null;
  access: FacetCount[] | null;
  readable: number;
};

/** The reader's text, as a tsquery: websearch syntax, with the last bare word as a prefix. */
export function textQuery(q: string): Prisma.Sql {
  const { websearch, prefix } = splitTextQuery(q);
  const phrase = Prisma.sql`websearch_to_tsquery('english', ${websearch})`;
  return prefix ? Prisma.sql`(${phrase} && to_tsquery('english', ${`${prefix}:*`}))` : phrase;
}

/**
 * Whether article `a` has this author (the name as results show it, or a group's name); TRUE for
 * null. Both names are indexed (migration search_snippet_text), so the authors are found first.
 */
export function hasAuthor(author: string | null): Prisma.Sql {
  if (author === null) return Prisma.sql`TRUE`;
  return Prisma.sql`a."id" IN (
    SELECT au."articleId" FROM "ArticleAuthor" au
     WHERE article_author_search_name(au."givenNames", au."surname", au."suffix") = lower(${author})
        OR lower(au."collab") = lower(${author}))`;
}

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=40, MinWords=20, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One statement for a page of results: matching, ranking, every facet's counts (each with the
 * other facets' filters applied, so a count says what choosing it would give), and the page's
 * rows with their snippets. The readable scope comes from the access rule; it selects which
 * rows may get a snippet from the full text, and the caller decides each row again.
 */
export async function querySearchPage(params: SearchParams, scope: ReadableScope): Promise<SearchPageRow> {
  const [row] = await db.$queryRaw<SearchPageRow[]>(searchPageSql(params, scope));
  return row!;
}

/** The statement querySearchPage runs (apart, so the bench can EXPLAIN it). */
export function searchPageSql(params: SearchParams, scope: ReadableScope): Prisma.Sql {
  // Written out where it is used (not joined from a CTE): with constant arguments the planner folds
  // it to a constant, and only then can it use the GIN index instead of testing every article.
  const tsquery = params.q.trim() ? textQuery(params.q) : Prisma.sql`NULL::tsquery`;
  const matches = params.q.trim() ? Prisma.sql`a."searchVector" @@ ${tsquery}` : Prisma.sql`TRUE`;
  const author = params.author ?? null;
  const order =
    params.sort === 'date'
      ? Prisma.sql`h."publishedOnline" DESC NULLS LAST, h."year" DESC NULLS LAST, h."rank" DESC, h."id"`
      : Prisma.sql`h."rank" DESC, h."publishedOnline" DESC NULLS LAST, h."id"`;
  const offset = (params.page - 1) * PAGE_SIZE;
  // A snippet comes from the full text only for a row the reader may read whose public text
  // (weight C: abstract and summaries) does not match: ts_headline then parses the long text for
  // those rows alone, and never for anyone else.
  const fromFullText = Prisma.sql`(p."readable" AND ${tsquery} IS NOT NULL
    AND NOT coalesce(ts_filter(a."searchVector", '{c}') @@ ${tsquery}, FALSE))`;
  return Prisma.sql`
    WITH matched AS (
      SELECT a."id", a."articleType", a."isFree", a."publishedOnline",
             coalesce(i."year", extract(year FROM a."publishedOnline")::int) AS "year",
             coalesce(ts_rank_cd(a."searchVector", ${tsquery}), 0) AS "rank",
             (a."isFree" OR ${scope.isEveryPaidArticle} OR a."id" = ANY(${scope.articleIds}::text[])) AS "readable"
        FROM "Article" a LEFT JOIN "Issue" i ON i."id" = a."issueId"
       WHERE ${matches}
         AND ${hasAuthor(author)}
    ),
    flagged AS (
      SELECT m.*,
             (${params.type ?? null}::text IS NULL OR m."articleType" = ${params.type ?? null}) AS "okType",
             (${params.year ?? null}::int IS NULL OR m."year" = ${params.year ?? null}) AS "okYear",
             (${params.topic ?? null}::text IS NULL OR EXISTS (
                SELECT 1 FROM "ArticleTopic" at JOIN "Topic" t ON t."id" = at."topicId"
                 WHERE at."articleId" = m."id" AND t."slug" = ${params.topic ?? null})) AS "okTopic",
             (${params.access ?? null}::text IS NULL OR m."isFree" = (${params.access ?? null} = 'free')) AS "okAccess",
             (${!params.readable} OR m."readable") AS "okReadable"
        FROM matched m
    ),
    hits AS (SELECT * FROM flagged WHERE "okType" AND "okYear" AND "okTopic" AND "okAccess" AND "okReadable"),
    page AS (SELECT h.*, row_number() OVER (ORDER BY ${order}) AS "n" FROM hits h ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset})
    SELECT
      (SELECT count(*)::int FROM hits) AS "total",
      (SELECT json_agg(r ORDER BY r."n") FROM (
         SELECT p."n", a."id", a."doi", a."title", a."subtitle", a."sectionLabel", a."articleType", a."isFree", p."year",
                (SELECT coalesce(json_agg(json_build_object('givenNames', au."givenNames", 'surname', au."surname",
                          'suffix', au."suffix", 'collab', au."collab") ORDER BY au."position"), '[]')
                   FROM "ArticleAuthor" au WHERE au."articleId" = a."id") AS "authors",
                CASE WHEN NOT ${fromFullText} THEN
                  ts_headline('english', a."searchTextPublic", coalesce(${tsquery}, ''::tsquery), ${HEADLINE_OPTIONS}) END AS "publicSnippet",
                CASE WHEN ${fromFullText} THEN
                  ts_headline('english', a."searchTextFull", ${tsquery}, ${HEADLINE_OPTIONS})
                END AS "readableSnippet"
           FROM page p JOIN "Article" a ON a."id" = p."id") r) AS "rows",
      (SELECT json_agg(json_build_object('value', f."articleType", 'label', f."articleType", 'count', f.c) ORDER BY f.c DESC, f."articleType")
         FROM (SELECT "articleType", count(*)::int AS c FROM flagged
                WHERE "okYear" AND "okTopic" AND "okAccess" AND "okReadable" GROUP BY 1) f) AS "types",
      (SELECT json_agg(json_build_object('value', f."year"::text, 'label', f."year"::text, 'count', f.c) ORDER BY f."year" DESC)
         FROM (SELECT "year", count(*)::int AS c FROM flagged
                WHERE "year" IS NOT NULL AND "okType" AND "okTopic" AND "okAccess" AND "okReadable" GROUP BY 1) f) AS "years",
      (SELECT json_agg(json_build_object('value', f."slug", 'label', f."name", 'count', f.c) ORDER BY f.c DESC, f."name")
         FROM (SELECT t."slug", t."name", count(*)::int AS c
                 FROM flagged m JOIN "ArticleTopic" at ON at."articleId" = m."id" JOIN "Topic" t ON t."id" = at."topicId"
                WHERE m."okType" AND m."okYear" AND m."okAccess" AND m."okReadable" GROUP BY 1, 2
                ORDER BY 3 DESC, 2 LIMIT 30) f) AS "topics",
      (SELECT json_agg(json_build_object('value', f.v, 'label', f.v, 'count', f.c) ORDER BY f.v)
         FROM (SELECT CASE WHEN "isFree" THEN 'free' ELSE 'paid' END AS v, count(*)::int AS c FROM flagged
                WHERE "okType" AND "okYear" AND "okTopic" AND "okReadable" GROUP BY 1) f) AS "access",
      (SELECT count(*)::int FROM flagged
        WHERE "readable" AND "okType" AND "okYear" AND "okTopic" AND "okAccess") AS "readable"`;
}
