import Link from 'next/link';

/** Previous/next links that keep the current filters. */
export function Pager({
  path,
  params,
  page,
  pageCount,
}: {
  path: string;
  params: Record<string, string>;
  page: number;
  pageCount: number;
}) {
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
