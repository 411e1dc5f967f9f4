import Link from 'next/link';
import { SiteChrome } from '@/components/ui/site-chrome';
import './globals.css';

// The root boundary sits outside the (site) layout, so it brings the site's header and footer itself.
export default function NotFound() {
  return (
    <SiteChrome>
      <div className="page">
        <h1>Page not found</h1>
        <p>We could not find that page. The article may have moved, or the DOI may be mistyped.</p>
        <p>
          <Link href="/">Go to the current issue</Link> or <Link href="/search">search the journal</Link>.
        </p>
      </div>
    </SiteChrome>
  );
}
