// RIS and BibTeX for reference managers, built with citation-js from the article's public
// metadata (never the full text).
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { AuthorName } from './format-citation';
import { formatIsoDate } from '@/lib/format-date';

export type ExportableArticle = {
  doi: string;
  title: string;
  subtitle: string | null;
  fpage: string | null;
  lpage: string | null;
  elocationId: string | null;
  publishedOnline: Date | null;
  journal: { title: string; abbreviation: string; issn: string | null; publisher: string | null };
  issue: { volume: string; number: string; year: number; month?: number | null } | null;
  authors: AuthorName[];
};

/** [year, month, day] of a UTC date. */
function dateParts(d: Date): number[] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The date a citation carries: the issue's (print) date, else the date published online. */
function issuedParts(a: ExportableArticle): number[] | null {
  if (a.issue) return a.issue.month ? [a.issue.year, a.issue.month] : [a.issue.year];
  return a.publishedOnline ? dateParts(a.publishedOnline) : null;
}

/** The article as CSL-JSON, citation-js's common input (also what the CSL styles format). */
export function toCsl(a: ExportableArticle, url: string) {
  const issued = issuedParts(a);
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
    volume: a.issue?.volume || undefined,
    // Journals without issue numbers store ""; an empty value would print "3()" and an empty IS line.
    issue: a.issue?.number || undefined,
    page,
    DOI: a.doi,
    URL: url,
    issued: issued ? { 'date-parts': [issued] } : undefined,
  };
}

/** RIS's date form, YYYY/MM/DD/ (citation-js writes "2014///" from a year alone). */
function risDate(d: Date): string {
  return `${dateParts(d)
    .map((n) => String(n).padStart(2, '0'))
    .join('/')}/`;
}

/**
 * RIS from citation-js's tagged record, with additions older RIS readers (and PubMed's own
 * export) expect: the journal under JO as well as T2, a page range split into SP and EP, and
 * the online date under DA (PY keeps the issue's year). Written one tag per line (citation-js
 * would wrap long titles at 70 characters); a tag without a value is left out.
 */
export function formatRis(a: ExportableArticle, url: string): string {
  const [entry] = new Cite(toCsl(a, url)).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
  const tags: Record<string, string | string[]> = { ...entry, JO: a.journal.title };
  if (a.fpage && a.lpage && a.lpage !== a.fpage) Object.assign(tags, { SP: a.fpage, EP: a.lpage });
  if (a.publishedOnline) tags.DA = risDate(a.publishedOnline);
  const lines = [`TY  - ${String(tags.TY)}`];
  for (const [tag, value] of Object.entries(tags)) {
    if (tag === 'TY') continue;
    for (const v of ([] as string[]).concat(value)) if (String(v).trim()) lines.push(`${tag}  - ${v}`);
  }
  return `${lines.join('\r\n')}\r\nER  - \r\n`;
}

/**
 * BibTeX: year and month are the issue's; BibTeX has no field for the online date, so it goes in
 * `note` as the journal prints it ("Published online 2011-12-19").
 */
export function formatBibtex(a: ExportableArticle, url: string): string {
  const entry = new Cite(toCsl(a, url)).format('bibtex') as string;
  if (!a.publishedOnline || !a.issue) return entry;
  const online = formatIsoDate(a.publishedOnline);
  return entry.replace(/\n}\s*$/, `\n\tnote = {Published online ${online}},\n}\n`);
}
