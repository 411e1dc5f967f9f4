import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { summarizeAccount } from '@/lib/auth/account-summary';
import { getCurrentUser } from '@/lib/auth/current-user';
import { feedAlternates, SITE_FEEDS } from '@/lib/feeds/feed-paths';

// Public pages that are rendered per request anyway (search, CME, the PDF access page): the header
// carries the reader's account links in the first response, with no /api/me after load. Pages
// cached for everyone stay in (site), whose header never holds a reader's account.
export const metadata: Metadata = { alternates: { types: feedAlternates(SITE_FEEDS) } };

export default async function PerRequestSiteLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return <SiteChrome account={summarizeAccount(user)}>{children}</SiteChrome>;
}
