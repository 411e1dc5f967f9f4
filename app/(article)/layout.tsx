import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';

// The shared article page is only ever served to visitors without a session (proxy.ts sends the
// others to the per-reader page), so its header says "Sign In" with no request after load.
export default function SharedArticleLayout({ children }: { children: ReactNode }) {
  return <SiteChrome account={null}>{children}</SiteChrome>;
}
