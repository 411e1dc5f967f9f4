import 'server-only';
import { db } from '@/lib/db';

export type CitedBy = {
  areExamples: boolean;
  works: { id: string; title: string; authors: string[]; journal: string; year: number | null; doi: string | null }[];
};

/** Citing works: Crossref's when any were fetched, otherwise the stored examples. */
export async function listCitations(articleId: string): Promise<CitedBy> {
  const rows = await db.citation.findMany({
    where: { articleId },
    orderBy: [{ year: 'desc' }, { title: 'asc' }],
    select: { id: true, source: true, title: true, authors: true, journal: true, year: true, doi: true },
  });
  const crossref = rows.filter((r) => r.source === 'crossref');
  const works = crossref.length ? crossref : rows;
  return { areExamples: crossref.length === 0 && works.length > 0, works: works.map(({ source: _source, ...w }) => w) };
}
