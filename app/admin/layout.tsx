import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';
import { requireAdmin } from '@/lib/admin/require-admin';
import { summarizeAccount } from '@/lib/auth/account-summary';

export const metadata = { title: { default: 'Admin', template: '%s | Admin' } };

const SECTIONS = [
  ['/admin/users', 'Users'],
  ['/admin/subscriptions', 'Subscriptions'],
  ['/admin/purchases', 'Purchases'],
  ['/admin/institutions', 'Institutions'],
  ['/admin/members', 'Society members'],
  ['/admin/articles', 'Articles'],
  ['/admin/comments', 'Comments'],
  ['/admin/cme', 'CME completions'],
  ['/admin/usage', 'Usage'],
  ['/admin/jobs', 'Email and job failures'],
  ['/admin/audit', 'Audit log'],
] as const;

// The layout checks the role, and so does every page and every admin route on its own:
// layouts are not re-run on client navigation, and routes can be called directly.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin('/admin');
  return (
    <SiteChrome account={summarizeAccount(admin)}>
      <div className="admin">
        <nav aria-label="Admin" className="admin__nav">
          <Link href="/admin">Overview</Link>
          {SECTIONS.map(([href, label]) => (
            <Link key={href} href={href}>
              {label}
            </Link>
          ))}
        </nav>
        <div className="admin__main">
          {/* Its pages show the reader's times. */}
          <TimeZoneFallbackMarker />
          {children}
        </div>
      </div>
    </SiteChrome>
  );
}
