import Link from 'next/link';
import { articlePath } from '@/lib/articles/article-path';
import type { SearchResult } from '@/lib/articles/search/search-articles';
import { articleTypeLabel } from '@/lib/articles/search/article-type-label';
import { searchHref } from '@/lib/articles/search/search-params';

const AUTHORS_SHOWN = 6;

export function SearchResultItem({ result }: { result: SearchResult }) {
  const authors = result.authors.slice(0, AUTHORS_SHOWN);
  return (
    <li className="toc__item search-result">
      <span className="toc__section-label">
        {result.sectionLabel ?? articleTypeLabel(result.articleType)}
        {result.year ? ` · ${result.year}` : ''}
      </span>
      <Link href={articlePath(result.doi)} className="toc__title">
        {result.title}
      </Link>
      {authors.length > 0 && (
        <p className="toc__authors search-result__authors">
          {authors.map((name, i) => (
            <span key={`${i}-${name}`}>
              {i > 0 && ', '}
              <Link href={searchHref({ author: name })}>{name}</Link>
            </span>
          ))}
          {result.authors.length > AUTHORS_SHOWN && ', et al'}
        </p>
      )}
      {result.snippet.length > 0 && (
        <p className="toc__meta search-result__snippet">
          {result.snippet.map((part, i) => (part.isMatch ? <mark key={i}>{part.text}</mark> : part.text))}
        </p>
      )}
      <span className="badge">{result.access}</span>
    </li>
  );
}
