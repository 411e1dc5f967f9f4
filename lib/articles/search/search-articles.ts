import 'server-only';
import { decideAccess } from '@/lib/access/decide-access';
import { decideReadableScope } from '@/lib/access/decide-readable-scope';
import type { Reader } from '@/lib/access/load-access-facts';
import { loadReaderAccessFacts } from '@/lib/access/load-reader-access-facts';
import { formatAuthorName } from '@/lib/articles/format-citation';
import { articleTypeLabel } from './article-type-label';
import { parseSnippet, type SnippetPart } from './parse-snippet';
import { PAGE_SIZE, querySearchPage, type FacetCount } from './query-search-page';
import type { SearchParams } from './search-params';

export type SearchResult = {
  doi: string;
  title: string;
  sectionLabel: string | null;
  articleType: string;
  year: number | null;
  /** Display names, each also the value of /search?author=… */
  authors: string[];
  snippet: SnippetPart[];
  access: 'free' | 'full text' | 'preview only';
};

export type SearchOutcome = {
  total: number;
  page: number;
  pageCount: number;
  results: SearchResult[];
  facets: { types: FacetCount[]; years: FacetCount[]; topics: FacetCount[]; access: FacetCount[]; readable: number };
};

const EMPTY: SearchOutcome = {
  total: 0,
  page: 1,
  pageCount: 0,
  results: [],
  facets: { types: [], years: [], topics: [], access: [], readable: 0 },
};

/** A search asks for something: words, an author, or a filter to browse by. */
export function isSearchRequested(p: SearchParams): boolean {
  return p.q.trim().length > 0 || Boolean(p.author || p.type || p.year || p.topic || p.access || p.readable);
}

/**
 * Full-text search (title, authors, keywords and topics, abstract, full text) with facets. Two
 * statements however many results: the reader's access facts, then the page. Each result is
 * decided by the one access rule; the gated full text may make an article match, but its words
 * reach the snippet only for a reader the rule lets read it.
 */
export async function searchArticles(params: SearchParams, reader: Reader, now: Date): Promise<SearchOutcome> {
  if (!isSearchRequested(params)) return EMPTY;
  const facts = await loadReaderAccessFacts(reader, now);
  const page = await querySearchPage(params, decideReadableScope(facts));
  const results = (page.rows ?? []).map((row): SearchResult => {
    const decision = decideAccess({ ...facts, article: { id: row.id, isFree: row.isFree } });
    return {
      doi: row.doi,
      title: row.subtitle ? `${row.title}: ${row.subtitle}` : row.title,
      sectionLabel: row.sectionLabel,
      articleType: row.articleType,
      year: row.year,
      authors: row.authors.map((a) => formatAuthorName({ ...a, degrees: null }, false)),
      // One snippet per row is computed; should the rule ever disagree with the scope the SQL was
      // given, a reader who may not read gets no snippet rather than the readable one.
      snippet: parseSnippet(decision.canRead ? (row.readableSnippet ?? row.publicSnippet) : row.publicSnippet),
      access: decision.source === 'free' ? 'free' : decision.canRead ? 'full text' : 'preview only',
    };
  });
  return {
    total: page.total,
    page: params.page,
    pageCount: Math.ceil(page.total / PAGE_SIZE),
    results,
    facets: {
      types: (page.types ?? []).map((f) => ({ ...f, label: articleTypeLabel(f.value) })),
      years: page.years ?? [],
      topics: page.topics ?? [],
      access: page.access ?? [],
      readable: page.readable,
    },
  };
}
