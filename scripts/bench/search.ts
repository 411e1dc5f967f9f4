// Search: p50/p99 of searchArticles (what /search runs: the reader's access facts, then one
// statement for the page with facets and snippets) at 20 concurrent searches on 5,000 generated
// articles, on a fresh in-memory embedded database in this process. BENCH_SEARCH_ARTICLES,
// BENCH_SEARCH_CONCURRENCY and BENCH_SEARCH_QUERIES change the load; BENCH_DATABASE_URL runs it
// on an empty PostgreSQL database instead.
import type { SearchParams } from '@/lib/articles/search/search-params';
import type { db as appDb } from '@/lib/db';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';

const articleCount = Number(process.env.BENCH_SEARCH_ARTICLES ?? 5000);
const concurrency = Number(process.env.BENCH_SEARCH_CONCURRENCY ?? 20);
const queryCount = Number(process.env.BENCH_SEARCH_QUERIES ?? 2000);

export type SearchFigures = {
  articles: number;
  concurrency: number;
  searches: number;
  database: string;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
};

// Common words appear anywhere; each article also draws on five of the specific terms, so a
// specific term is in about one article in twelve, as in a journal's archive.
const COMMON = (
  'patient patients clinical study skin treatment therapy dose week month year outcome risk factor ' +
  'association diagnosis management review cohort retrospective prospective trial lesion severity score'
).split(' ');
const SPECIFIC = (
  'drug reaction eosinophilia systemic symptoms rash fever lymphadenopathy hepatitis allopurinol carbamazepine ' +
  'lamotrigine vancomycin immunoglobulin ivig dress corticosteroid cyclosporine necrolysis epidermal toxic ' +
  'stevens johnson psoriasis eczema atopic dermatitis melanoma carcinoma basal squamous keratinocyte biopsy ' +
  'histopathology mortality incidence prevalence genetic allele hla herpesvirus reactivation viral infection ' +
  'acne rosacea vitiligo alopecia urticaria pemphigus pemphigoid bullous blister mucosal plaque papule nodule ' +
  'pruritus isotretinoin methotrexate biologic adalimumab ustekinumab dupilumab nevus dermoscopy sunscreen ' +
  'ultraviolet phototherapy wound ulcer scar keloid hidradenitis lupus scleroderma vasculitis'
).split(' ');
const GIVEN = 'Pascal Marie Cindy Jean Sarah David Laura Ahmed Chen Yuki Elena Tomas Ana Peter Grace'.split(' ');
const FAMILY = 'Joly Owen Roujeau Chosidow Martin Smith Nguyen Garcia Müller Rossi Kim Tanaka Silva Novak'.split(' ');
const TYPES = ['research-article', 'case-report', 'review-article', 'editorial', 'letter'];

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

type Db = typeof appDb;

/** What the bench searches, in turn: phrases, OR, exclusions, a prefix, filters, sorting, paging, an author. */
export const BENCH_SEARCHES: Record<string, string>[] = [
  { q: 'IVIG DRESS' },
  { q: 'stevens johnson' },
  { q: 'Pascal Joly' },
  { q: '"toxic epidermal necrolysis"' },
  { q: 'melanoma -carcinoma' },
  { q: 'psoriasis or eczema' },
  { q: 'allopur' },
  { q: 'herpesvirus reactivation', type: 'case-report' },
  { q: 'pemphigus', sort: 'date' },
  { q: 'vitiligo', topic: 'hair', page: '2' },
  { q: 'hla allele', access: 'free' },
  { author: 'Marie Roujeau' },
];

/** BENCH_SEARCH_EXPLAIN=1: the plan and timings of each query's page statement, anonymous reader. */
async function explainQueries(db: Db, queries: SearchParams[]) {
  const { Prisma } = await import('@/generated/prisma/client');
  const { searchPageSql } = await import('@/lib/articles/search/query-search-page');
  for (const params of queries) {
    const statement = searchPageSql(params, { isEveryPaidArticle: false, articleIds: [] });
    const plan = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) ${statement}`,
    );
    console.error(`\n=== ${JSON.stringify(params)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

/** Stores the generated corpus: one journal, five topics, `count` articles with authors and a topic. */
export async function storeSearchCorpus(db: Db, count: number): Promise<void> {
  const rand = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (terms: string[], n: number) =>
    Array.from({ length: n }, () => (rand() < 0.3 ? pick(terms) : pick(COMMON))).join(' ');
  const paragraphs = (terms: string[], paragraphCount: number, words: number) =>
    Array.from({ length: paragraphCount }, () => `<p>${sentence(terms, words)}.</p>`).join('');
  const journal = await db.journal.create({
    data: { slug: 'bench', title: 'Bench Journal', abbreviation: 'Bench J' },
  });
  const topics = await Promise.all(
    ['drug-reactions', 'psoriasis', 'melanoma', 'hair', 'blistering'].map((slug) =>
      db.topic.create({ data: { slug, name: slug.replace('-', ' ') } }),
    ),
  );
  for (let from = 0; from < count; from += 100) {
    const ids = Array.from({ length: Math.min(100, count - from) }, (_, i) => `bench-${from + i}`);
    await db.article.createMany({
      data: ids.map((id, i) => {
        const terms = Array.from({ length: 5 }, () => pick(SPECIFIC));
        return {
          id,
          doi: `10.5555/bench.${from + i}`,
          journalId: journal.id,
          articleType: pick(TYPES),
          title: sentence(terms, 8),
          isFree: rand() < 0.2,
          publishedOnline: new Date(Date.UTC(2005 + Math.floor(rand() * 20), Math.floor(rand() * 12), 1)),
          previewHtml: paragraphs(terms, 3, 50),
          fullTextHtml: paragraphs(terms, 12, 60),
          keywords: terms.slice(0, 2),
        };
      }),
    });
    await db.articleAuthor.createMany({
      data: ids.flatMap((articleId) =>
        Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, position) => ({
          articleId,
          position,
          givenNames: pick(GIVEN),
          surname: pick(FAMILY),
        })),
      ),
    });
    await db.articleTopic.createMany({
      data: ids.map((articleId) => ({ articleId, topicId: pick(topics).id })),
    });
  }
}

export async function benchSearch(): Promise<SearchFigures> {
  const external = process.env.BENCH_DATABASE_URL;
  const database = external ? null : await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 100 });
  const url = external ?? database!.url;
  process.env.DATABASE_URL = url;
  // Storing the corpus runs long statements (each article's search document is computed on write).
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '120000';
  // 20 searches at once queue on PGlite's single session; waiting for a connection is part of the figure.
  process.env.DATABASE_CONNECT_TIMEOUT_MS ??= '60000';
  await applyMigrations(url);
  const { db } = await import('@/lib/db');
  const { searchArticles } = await import('@/lib/articles/search/search-articles');
  const { parseSearchParams } = await import('@/lib/articles/search/search-params');
  try {
    const started = performance.now();
    await storeSearchCorpus(db, articleCount);
    console.error(`search: ${articleCount} articles stored in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const queries = BENCH_SEARCHES.map((p) => parseSearchParams(p));
    if (process.env.BENCH_SEARCH_EXPLAIN === '1') await explainQueries(db, queries);
    const reader = { userId: null, ip: null };
    const searchOnce = async (i: number) => {
      const began = performance.now();
      await searchArticles(queries[i % queries.length]!, reader, new Date());
      return performance.now() - began;
    };
    const alone: number[] = [];
    for (let i = 0; i < queries.length * 2; i++) alone.push(await searchOnce(i)); // warm-up, one at a time
    console.error(
      `search: one at a time ${alone
        .slice(queries.length)
        .map((t) => t.toFixed(1))
        .join(', ')} ms`,
    );
    const timings: number[] = [];
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < queryCount) timings.push(await searchOnce(next++));
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    timings.sort((a, b) => a - b);
    return {
      articles: articleCount,
      concurrency,
      searches: timings.length,
      database: external ? 'PostgreSQL' : 'embedded database',
      perSecond: timings.length / seconds,
      p50: percentile(timings, 50),
      p99: percentile(timings, 99),
      max: timings.at(-1) ?? NaN,
    };
  } finally {
    await db.$disconnect();
    await database?.stop();
  }
}
