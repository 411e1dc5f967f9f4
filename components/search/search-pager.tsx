import Link from 'next/link';
import { searchHref, type SearchParams } from '@/lib/articles/search/search-params';

export function SearchPager({ params, pageCount }: { params: SearchParams; pageCount: number }) {
  if (pageCount <= 1) return null;
  const { page } = params;
  return (
    <nav aria-label="Result pages" className="search-pager">
      {page > 1 ? (
        <Link href={searchHref({ ...params, page: page - 1 })} rel="prev">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={searchHref({ ...params, page: page + 1 })} rel="next">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
