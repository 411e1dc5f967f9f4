import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getReader } from '@/lib/access/get-reader';
import { articlePath } from '@/lib/articles/article-path';
import { searchArticles } from '@/lib/articles/search-articles';
import { now } from '@/lib/clock';

export const metadata: Metadata = { title: 'Search' };

const params = z.object({ q: z.string().max(200).catch('').default('') });

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { q } = params.parse(await searchParams);
  const results = q ? await searchArticles(q, await getReader(), now()) : [];
  return (
    <div className="page">
      <h1>Search</h1>
      <form role="search" action="/search" className="search-form">
        <label htmlFor="search-q">Search articles</label>
        <input id="search-q" name="q" type="search" defaultValue={q} maxLength={200} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {q && q.trim().length < 2 && <p>Please enter at least two characters.</p>}
      {q && q.trim().length >= 2 && (
        <section aria-label="Search results">
          <p role="status">
            {results.length === 0
              ? `No articles match “${q}”.`
              : `${results.length} article${results.length === 1 ? '' : 's'} match “${q}”.`}
          </p>
          <ul className="toc__list">
            {results.map((r) => (
              <li key={r.doi} className="toc__item">
                {r.sectionLabel && <span className="toc__section-label">{r.sectionLabel}</span>}
                <Link href={articlePath(r.doi)} className="toc__title">
                  {r.title}
                </Link>
                <span className="badge">{r.access}</span>
                <p className="toc__meta">{r.snippet}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
