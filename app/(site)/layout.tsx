import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { feedAlternates, SITE_FEEDS } from '@/lib/feeds/feed-paths';

// Feed autodiscovery (<link rel="alternate">) on every public page; a page that sets its own
// `alternates` (a topic adds its feed) repeats these.
export const metadata: Metadata = { alternates: { types: feedAlternates(SITE_FEEDS) } };

// Pages cached for everyone (home, issues, topics, the about pages): the header is the same for
// every reader and asks /api/me after load. Pages rendered per request live in (site-per-request).
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
