import Link from 'next/link';

/**
 * What a 404 says. Pages inside a layout with the site's header and footer get it from their group's
 * not-found.tsx; an address that matches no route gets it from app/not-found.tsx, which brings the
 * header and footer itself (a nested layout's chrome around the root one would repeat every landmark).
 */
export function NotFoundMessage() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>We could not find that page. The article may have moved, or the DOI may be mistyped.</p>
      <p>
        <Link href="/">Go to the current issue</Link> or <Link href="/search">search the journal</Link>.
      </p>
    </div>
  );
}
