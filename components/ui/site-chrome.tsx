import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountNav, type AccountSummary } from '@/components/account/account-nav';

/**
 * Header and footer shared by every public and account page. `account`, when the page knows it
 * (the article pages), is rendered into the header; otherwise the header asks after load.
 */
export function SiteChrome({ children, account }: { children: ReactNode; account?: AccountSummary }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            Archives of Dermatology
          </Link>
          <nav aria-label="Site" className="site-header__nav">
            <Link href="/">Current Issue</Link>
            <Link href="/issues">All Issues</Link>
            <Link href="/search">Search</Link>
            <AccountNav account={account} />
          </nav>
        </div>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>Archives of Dermatology · A sample journal on the journal platform. Content here is sample content.</p>
      </footer>
    </>
  );
}
