import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { decideAccess } from '@/lib/access/decide-access';
import { articleTypeLabel } from '@/lib/articles/search/article-type-label';
import { db } from '@/lib/db';
import { issueSetSpec, journalSetSpec, sectionKey, sectionSetSpec, type SetFilter } from './oai-sets';

/** Public metadata only: the gated full text is loaded apart, for records a harvester may read. */
const recordSelect = {
  id: true,
  doi: true,
  updatedAt: true,
  title: true,
  subtitle: true,
  articleType: true,
  sectionLabel: true,
  fpage: true,
  lpage: true,
  elocationId: true,
  pmid: true,
  publishedOnline: true,
  isFree: true,
  previewHtml: true,
  keywords: true,
  journal: { select: { slug: true, title: true, abbreviation: true, issn: true, eissn: true, publisher: true } },
  issue: { select: { volume: true, number: true, year: true, month: true } },
  authors: {
    orderBy: { position: 'asc' },
    select: { givenNames: true, surname: true, suffix: true, collab: true, orcid: true },
  },
  topics: { select: { topic: { select: { name: true } } } },
} as const satisfies Prisma.ArticleSelect;

export type OaiArticle = Prisma.ArticleGetPayload<{ select: typeof recordSelect }>;
/** A record as served: its metadata and, when a harvester may read it, the full text. */
export type OaiRecord = OaiArticle & { fullTextHtml: string | null };

export type RecordRange = { set: SetFilter; fromMs: number | null; untilMs: number | null };

/**
 * A harvester is an anonymous reader: it gets the full text exactly when the one access rule
 * lets a visitor with no account, subscription, purchase or institution read it.
 */
export function canHarvesterRead(article: { id: string; isFree: boolean }, now: Date): boolean {
  return decideAccess({ now, article, subscriptions: [], purchases: [], institutions: [] }).canRead;
}

function setWhere(set: SetFilter): Prisma.ArticleWhereInput {
  switch (set.kind) {
    case 'all':
      return {};
    case 'journal':
      return { journal: { slug: set.slug } };
    case 'issue':
      return { journal: { slug: set.slug }, issue: { volume: set.volume, number: set.number } };
    case 'section':
      return { OR: [{ sectionLabel: set.key }, { sectionLabel: null, articleType: set.key }] };
  }
}

export function rangeWhere({ set, fromMs, untilMs }: RecordRange): Prisma.ArticleWhereInput {
  const updatedAt: Prisma.DateTimeFilter = {};
  if (fromMs !== null) updatedAt.gte = new Date(fromMs);
  if (untilMs !== null) updatedAt.lt = new Date(untilMs);
  return { ...setWhere(set), ...(fromMs !== null || untilMs !== null ? { updatedAt } : {}) };
}

export function countRecords(range: RecordRange): Promise<number> {
  return db.article.count({ where: rangeWhere(range) });
}

/**
 * The next `take` records after (afterMs, afterId) in datestamp order; ties are broken by id, so
 * pages never skip or repeat a record that stayed unchanged.
 */
export async function loadRecordBatch(
  range: RecordRange,
  after: { ms: number; id: string } | null,
  take: number,
  { withFullText, now }: { withFullText: boolean; now: Date },
): Promise<OaiRecord[]> {
  const where: Prisma.ArticleWhereInput = after
    ? {
        AND: [
          rangeWhere(range),
          {
            OR: [{ updatedAt: { gt: new Date(after.ms) } }, { updatedAt: new Date(after.ms), id: { gt: after.id } }],
          },
        ],
      }
    : rangeWhere(range);
  const articles = await db.article.findMany({
    where,
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take,
    select: recordSelect,
  });
  return attachFullText(articles, withFullText, now);
}

async function attachFullText(articles: OaiArticle[], withFullText: boolean, now: Date): Promise<OaiRecord[]> {
  const readable = withFullText ? articles.filter((a) => canHarvesterRead(a, now)).map((a) => a.id) : [];
  const texts =
    readable.length === 0
      ? []
      : await db.article.findMany({ where: { id: { in: readable } }, select: { id: true, fullTextHtml: true } });
  const byId = new Map(texts.map((t) => [t.id, t.fullTextHtml]));
  return articles.map((a) => ({ ...a, fullTextHtml: byId.get(a.id) ?? null }));
}

/** The article a DOI names, in any letter case (DOIs are case-insensitive), or null. */
export async function findRecordByDoi(doi: string, opts: { withFullText: boolean; now: Date }) {
  const article =
    (await db.article.findUnique({ where: { doi }, select: recordSelect })) ??
    (await db.article.findFirst({ where: { doi: { equals: doi, mode: 'insensitive' } }, select: recordSelect }));
  if (!article) return null;
  return (await attachFullText([article], opts.withFullText, opts.now))[0]!;
}

export async function findEarliestDatestamp(): Promise<Date | null> {
  const first = await db.article.findFirst({ orderBy: { updatedAt: 'asc' }, select: { updatedAt: true } });
  return first?.updatedAt ?? null;
}

export type OaiSet = { spec: string; name: string };

/** Every set, parents before their children; empty when the repository holds no journal. */
export async function listSets(): Promise<OaiSet[]> {
  const [journals, issues, sections] = await Promise.all([
    db.journal.findMany({ orderBy: { title: 'asc' }, select: { slug: true, title: true } }),
    db.issue.findMany({
      orderBy: [{ year: 'desc' }, { month: 'desc' }, { volume: 'asc' }, { number: 'asc' }],
      select: { volume: true, number: true, dateLabel: true, journal: { select: { slug: true, title: true } } },
    }),
    db.article.findMany({
      distinct: ['sectionLabel', 'articleType'],
      select: { sectionLabel: true, articleType: true },
    }),
  ]);
  if (journals.length === 0) return [];
  const sets: OaiSet[] = [{ spec: 'journal', name: 'Journals' }];
  for (const journal of journals) {
    sets.push({ spec: journalSetSpec(journal.slug), name: journal.title });
    for (const issue of issues.filter((i) => i.journal.slug === journal.slug)) {
      sets.push({
        spec: issueSetSpec(journal.slug, issue.volume, issue.number),
        name: `${journal.title}, Vol ${issue.volume}, No. ${issue.number} (${issue.dateLabel})`,
      });
    }
  }
  const sectionNames = new Map<string, string>();
  for (const s of sections) {
    const key = sectionKey(s);
    if (!sectionNames.has(key)) sectionNames.set(key, s.sectionLabel?.trim() || articleTypeLabel(s.articleType));
  }
  if (sectionNames.size > 0) sets.push({ spec: 'section', name: 'Sections' });
  for (const [key, name] of [...sectionNames].sort((a, b) => a[1].localeCompare(b[1]))) {
    sets.push({ spec: sectionSetSpec(key), name });
  }
  return sets;
}

/** The sets a record belongs to, as its header lists them. */
export function recordSetSpecs(record: OaiArticle): string[] {
  const specs = [journalSetSpec(record.journal.slug)];
  if (record.issue) specs.push(issueSetSpec(record.journal.slug, record.issue.volume, record.issue.number));
  specs.push(sectionSetSpec(sectionKey(record)));
  return specs;
}
