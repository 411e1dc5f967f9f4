// RIS and BibTeX for reference managers, built with citation-js from the article's public
// metadata (never the full text).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { AuthorName } from './format-citation';

export type ExportableArticle = {
  doi: string;
  title: string;
  subtitle: string | null;
  fpage: string | null;
  lpage: string | null;
  elocationId: string | null;
  publishedOnline: Date | null;
  journal: { title: string; abbreviation: string; issn: string | null; publisher: string | null };
  issue: { volume: string; number: string; year: number } | null;
  authors: AuthorName[];
};

/** The article as CSL-JSON, citation-js's common input. */
export function toCsl(a: ExportableArticle, url: string) {
  const year = a.issue?.year ?? a.publishedOnline?.getUTCFullYear();
  const page = a.fpage
    ? a.lpage && a.lpage !== a.fpage
      ? `${a.fpage}-${a.lpage}`
      : a.fpage
    : (a.elocationId ?? undefined);
  return {
    id: a.doi.replace(/[^A-Za-z0-9]+/g, '-'),
    type: 'article-journal',
    title: a.subtitle ? `${a.title}: ${a.subtitle}` : a.title,
    author: a.authors.map((p) =>
      p.collab ? { literal: p.collab } : { family: p.surname ?? '', given: p.givenNames ?? undefined },
    ),
    'container-title': a.journal.title,
    'container-title-short': a.journal.abbreviation,
    ISSN: a.journal.issn ?? undefined,
    publisher: a.journal.publisher ?? undefined,
    volume: a.issue?.volume,
    issue: a.issue?.number,
    page,
    DOI: a.doi,
    URL: url,
    issued: year ? { 'date-parts': [[year]] } : undefined,
  };
}

/**
 * RIS from citation-js's tagged record, with two additions older RIS readers (and PubMed's own
 * export) expect: the journal under JO as well as T2, and a page range split into SP and EP.
 * Written one tag per line (citation-js would wrap long titles at 70 characters).
 */
export function formatRis(a: ExportableArticle, url: string): string {
  const [entry] = new Cite(toCsl(a, url)).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
  const tags: Record<string, string | string[]> = { ...entry, JO: a.journal.title };
  if (a.fpage && a.lpage && a.lpage !== a.fpage) Object.assign(tags, { SP: a.fpage, EP: a.lpage });
  const lines = [`TY  - ${String(tags.TY)}`];
  for (const [tag, value] of Object.entries(tags)) {
    if (tag !== 'TY') for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${v}`);
  }
  return `${lines.join('\r\n')}\r\nER  - \r\n`;
}

export function formatBibtex(a: ExportableArticle, url: string): string {
  return new Cite(toCsl(a, url)).format('bibtex') as string;
}
