import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { summarizeAccount } from '@/lib/auth/account-summary';
import { getCurrentUser } from '@/lib/auth/current-user';

// Account pages are the reader's own (rendered per request), so the header carries their account
// links in the first response: no /api/me after load, and it works without JavaScript.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return <SiteChrome account={summarizeAccount(user)}>{children}</SiteChrome>;
}
