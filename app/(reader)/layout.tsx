import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { summarizeAccount } from '@/lib/auth/account-summary';
import { getCurrentUser } from '@/lib/auth/current-user';

// The per-reader article page: the header carries the reader's account links in the first response.
export default async function ReaderArticleLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return <SiteChrome account={summarizeAccount(user)}>{children}</SiteChrome>;
}
