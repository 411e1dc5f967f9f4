// Google Scholar's citation_* tags and schema.org JSON-LD for an article page.
import { formatAuthorName, type AuthorName, type CitableArticle } from './format-citation';
import { articlePath } from './article-path';
import { GATED_CONTENT_CLASS } from './gated-content';
import { formatIsoDate } from '@/lib/format-date';

/** An author as the article page loads them: affiliations point at the article's numbered list. */
export type ScholarAuthor = AuthorName & {
  orcid?: string | null;
  affiliations?: { affiliation: { position: number } }[];
};

export type ScholarArticle = CitableArticle & {
  title: string;
  subtitle: string | null;
  publishedOnline: Date | null;
  isFree: boolean;
  authors: ScholarAuthor[];
  affiliations?: { position: number; text: string }[];
  journal: CitableArticle['journal'] & { title: string; issn: string | null; publisher?: string | null };
};

function scholarDate(a: ScholarArticle): string | null {
  if (a.publishedOnline) return formatIsoDate(a.publishedOnline).replaceAll('-', '/');
  return a.issue ? String(a.issue.year) : null;
}

/**
 * Name → value(s) for Next's `metadata.other`; each array value becomes one meta tag. The author
 * tags are apart (buildScholarAuthorTags): Scholar reads an author's institution and ORCID iD from
 * the tags right after that author's citation_author, an order a name → values map cannot keep.
 */
export function buildScholarMeta(a: ScholarArticle, siteUrl: string): Record<string, string | string[]> {
  const url = new URL(articlePath(a.doi), siteUrl).toString();
  const tags: Record<string, string | string[] | null> = {
    citation_title: a.subtitle ? `${a.title}: ${a.subtitle}` : a.title,
    citation_publication_date: scholarDate(a),
    citation_journal_title: a.journal.title,
    citation_journal_abbrev: a.journal.abbreviation,
    citation_issn: a.journal.issn,
    citation_volume: a.issue?.volume ?? null,
    citation_issue: a.issue?.number ?? null,
    citation_firstpage: a.fpage ?? a.elocationId,
    citation_lastpage: a.lpage ?? a.fpage ?? a.elocationId,
    citation_doi: a.doi,
    citation_pdf_url: `${url}/pdf`,
    citation_abstract_html_url: url,
  };
  return Object.fromEntries(Object.entries(tags).filter((e): e is [string, string | string[]] => e[1] !== null));
}

/** citation_author, then that author's citation_author_institution(s) and citation_author_orcid, in order. */
export function buildScholarAuthorTags(a: ScholarArticle): { name: string; content: string }[] {
  const textAt = new Map((a.affiliations ?? []).map((aff) => [aff.position, aff.text]));
  return a.authors.flatMap((au) => [
    { name: 'citation_author', content: formatAuthorName(au, false) },
    ...(au.affiliations ?? []).flatMap(({ affiliation }) => {
      const text = textAt.get(affiliation.position);
      return text ? [{ name: 'citation_author_institution', content: text }] : [];
    }),
    ...(au.orcid ? [{ name: 'citation_author_orcid', content: au.orcid }] : []),
  ]);
}

export function buildJsonLd(a: ScholarArticle, siteUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: a.title,
    name: a.subtitle ? `${a.title}: ${a.subtitle}` : a.title,
    identifier: `https://doi.org/${a.doi}`,
    url: new URL(articlePath(a.doi), siteUrl).toString(),
    datePublished: a.publishedOnline ? formatIsoDate(a.publishedOnline) : undefined,
    author: a.authors.map((au) =>
      au.collab
        ? { '@type': 'Organization', name: au.collab }
        : {
            '@type': 'Person',
            name: formatAuthorName(au, false),
            ...(au.orcid ? { identifier: au.orcid } : {}),
          },
    ),
    isPartOf: { '@type': 'Periodical', name: a.journal.title, issn: a.journal.issn ?? undefined },
    isAccessibleForFree: a.isFree,
    ...(a.isFree
      ? {}
      : { hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: `.${GATED_CONTENT_CLASS}` } }),
  };
}
