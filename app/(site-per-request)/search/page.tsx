import type { Metadata } from 'next';
import Link from 'next/link';
import { SaveSearchBox } from '@/components/alerts/save-search-box';
import { SearchFacets } from '@/components/search/search-facets';
import { SearchPager } from '@/components/search/search-pager';
import { SearchResultItem } from '@/components/search/search-result';
import { getReader } from '@/lib/access/get-reader';
import { isSearchRequested, searchArticles } from '@/lib/articles/search/search-articles';
import { parseSearchParams, searchHref } from '@/lib/articles/search/search-params';
import { now } from '@/lib/clock';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';
import { getCurrentUser } from '@/lib/auth/current-user';
import '@/components/search/search.css';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseSearchParams(await searchParams);
  const isRequested = isSearchRequested(params);
  const reader = await getReader();
  const outcome = await searchArticles(params, reader, now());
  // COUNTER Searches_Platform: a search that retrieves a new set of results (a new page of the
  // same set is not one).
  if (isRequested && params.page === 1)
    await recordRequestUsage([{ kind: 'search', target: 'search' }], await getCurrentUser());
  const what = [params.q && `“${params.q}”`, params.author && `by ${params.author}`].filter(Boolean).join(' ');
  return (
    <div className="page search-page">
      <h1>{params.author && !params.q ? `Articles by ${params.author}` : 'Search'}</h1>
      <form role="search" action="/search" className="search-form">
        <label htmlFor="search-q">Search articles</label>
        <div className="search-form__row">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={200}
            aria-describedby="search-help"
          />
          {params.author && <input type="hidden" name="author" value={params.author} />}
          <button type="submit" className="button">
            Search
          </button>
        </div>
        <p id="search-help" className="search-form__help">
          Titles, authors, keywords, abstracts and full text. Use “quotes” for a phrase, <kbd>or</kbd> for either word,
          and <kbd>-word</kbd> to leave a word out.
        </p>
      </form>
      {isRequested && (
        <div className="search-layout">
          <SearchFacets params={params} facets={outcome.facets} />
          <section aria-label="Search results" className="search-results">
            <div className="search-results__bar">
              <p role="status">
                {outcome.total === 0
                  ? `No articles match${what ? ` ${what}` : ''}.`
                  : outcome.total === 1
                    ? `1 article${what ? ` matches ${what}` : ''}.`
                    : `${outcome.total} articles${what ? ` match ${what}` : ''}.`}
              </p>
              {outcome.total > 1 && (
                <p className="search-sort">
                  Sort:{' '}
                  {params.sort === 'relevance' ? (
                    <strong aria-current="true">Relevance</strong>
                  ) : (
                    <Link href={searchHref({ ...params, sort: 'relevance', page: 1 })}>Relevance</Link>
                  )}
                  {' · '}
                  {params.sort === 'date' ? (
                    <strong aria-current="true">Newest</strong>
                  ) : (
                    <Link href={searchHref({ ...params, sort: 'date', page: 1 })}>Newest</Link>
                  )}
                </p>
              )}
            </div>
            <SaveSearchBox params={params} isSignedIn={reader.userId !== null} />
            <ul className="toc__list">
              {outcome.results.map((r) => (
                <SearchResultItem key={r.doi} result={r} />
              ))}
            </ul>
            <SearchPager params={params} pageCount={outcome.pageCount} />
          </section>
        </div>
      )}
    </div>
  );
}
