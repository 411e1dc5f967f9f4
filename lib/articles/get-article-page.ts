import 'server-only';
import { cache } from 'react';
import { articleRecordSelect, authorNameSelect } from '@/lib/articles/article-record-select';
import { db } from '@/lib/db';

/**
 * Everything on the article page that every visitor may see: the abstract, the other summaries,
 * Article Information (disclosures and funding) and the references (public, as on JAMA Network and
 * in Crossref, so the preview's citation links land somewhere for everyone). Deliberately never
 * selects fullTextHtml: it leaves the database only through readFullText, after the access decision.
 */
export const getArticlePage = cache(async (doi: string) => {
  return db.article.findUnique({
    where: { doi },
    select: {
      ...articleRecordSelect,
      journalId: true,
      pmid: true,
      articleType: true,
      sectionLabel: true,
      titleHtml: true,
      summariesHtml: true,
      keywords: true,
      priceCents: true,
      currency: true,
      journal: { select: { title: true, abbreviation: true, issn: true, publisher: true } },
      issue: { select: { volume: true, number: true, year: true, month: true, dateLabel: true } },
      authors: {
        orderBy: { position: 'asc' },
        select: {
          ...authorNameSelect,
          degrees: true,
          affiliations: { orderBy: { position: 'asc' }, select: { affiliation: { select: { position: true } } } },
        },
      },
      affiliations: { orderBy: { position: 'asc' }, select: { position: true, text: true, ror: true } },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
      files: { select: { firstPageWidth: true, firstPageHeight: true } },
    },
  });
});

export type ArticlePage = NonNullable<Awaited<ReturnType<typeof getArticlePage>>>;

/**
 * The stored DOI that `doi` names when it differs only in case (DOIs are case-insensitive:
 * "10.1001/ARCHDERMATOL.2011.3156" is our "10.1001/archdermatol.2011.3156"), or null. Asked only
 * when the exact DOI is unknown.
 */
export async function findDoiIgnoringCase(doi: string): Promise<string | null> {
  const row = await db.article.findFirst({
    where: { doi: { equals: doi, mode: 'insensitive' } },
    select: { doi: true },
  });
  return row?.doi ?? null;
}

export async function listArticleDois(): Promise<string[]> {
  const rows = await db.article.findMany({ select: { doi: true } });
  return rows.map((r) => r.doi);
}
