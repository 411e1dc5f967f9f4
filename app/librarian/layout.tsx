import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/ui/site-chrome';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';
import { chooseInstitutionAction } from '@/lib/librarian/choose-institution-action';
import { PORTAL_NAV } from '@/lib/librarian/portal-nav';
import { getLibrarian } from '@/lib/librarian/require-librarian';
import '@/components/librarian/librarian.css';

export const metadata = { title: { default: 'Librarian portal', template: '%s | Librarian portal' } };

// Every page, action and route checks the librarian on its own (layouts are not re-run on client
// navigation, and actions and routes can be called directly). So the layout only asks: for anyone
// else it shows no portal at all, and the page itself sends them to sign in, coming back to that
// very page (a layout does not know the page's address), or answers 403.
export default async function LibrarianLayout({ children }: { children: ReactNode }) {
  const librarian = await getLibrarian();
  if (!librarian) return <SiteChrome>{children}</SiteChrome>;
  const { user, institution, institutions } = librarian;
  return (
    <SiteChrome account={{ name: user.name, role: user.role, isLibrarian: true }}>
      <div className="librarian">
        <div className="librarian__side">
          <p className="librarian__institution">
            <span className="librarian__institution-label">Librarian portal</span>
            <strong>{institution.name}</strong>
          </p>
          {institutions.length > 1 && (
            <form action={chooseInstitutionAction} className="librarian__switch">
              <label htmlFor="portal-institution">Institution</label>
              <select id="portal-institution" name="institutionId" defaultValue={institution.id}>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button">
                Switch
              </button>
            </form>
          )}
          <nav aria-label="Librarian portal" className="librarian__nav">
            {PORTAL_NAV.map(({ href, label }) => (
              <Link key={href} href={href}>
                {label}
              </Link>
            ))}
          </nav>
        </div>
        <div className="librarian__main">
          {/* Its pages show the reader's times. */}
          <TimeZoneFallbackMarker />
          {children}
        </div>
      </div>
    </SiteChrome>
  );
}
