import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { getCurrentUser } from '@/lib/auth/current-user';

// The per-reader article page: the header carries the reader's account links in the first response.
export default async function ReaderArticleLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <SiteChrome account={user ? { name: user.name, role: user.role, isLibrarian: user.isLibrarian ?? false } : null}>
      {children}
    </SiteChrome>
  );
}
