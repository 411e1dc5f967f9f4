import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountNav, type AccountSummary } from '@/components/account/account-nav';
import { FOOTER_PAGES, JOURNAL } from '@/lib/site/journal-facts';

/**
 * Header and footer shared by every public and account page. `account`, when the page knows it
 * (pages rendered per request: the article pages, account, admin, search and CME pages), is
 * rendered into the header; on pages cached for everyone it is left out and the header asks after load.
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
            {JOURNAL.title}
          </Link>
          <nav aria-label="Site" className="site-header__nav">
            <Link href="/">Current Issue</Link>
            <Link href="/issues">All Issues</Link>
            <Link href="/search">Search</Link>
            <Link href="/cme">CME</Link>
            <AccountNav account={account} />
          </nav>
        </div>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label="About the journal" className="site-footer__nav">
          {FOOTER_PAGES.map((page) => (
            <Link key={page.href} href={page.href}>
              {page.label}
            </Link>
          ))}
        </nav>
        <p>
          {JOURNAL.title} · ISSN {JOURNAL.printIssn} (print), {JOURNAL.onlineIssn} (online) · Published by{' '}
          {JOURNAL.publisher}
        </p>
        <p>A sample journal on the journal platform. Content here is sample content.</p>
      </footer>
    </>
  );
}
