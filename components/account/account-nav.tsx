'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useState } from 'react';

export type AccountSummary = { name: string; role: 'reader' | 'admin'; isLibrarian?: boolean } | null;

/**
 * Sign in, or the signed-in reader's links. The article pages render it (`account`: null for the
 * shared visitor page, the reader on the per-reader page), so it needs no request and no
 * JavaScript there; other pages, cached for everyone, leave it undefined and ask /api/me after load.
 */
export function AccountNav({ account }: { account?: AccountSummary }) {
  const pathname = usePathname();
  const [fetched, setMe] = useState<AccountSummary | undefined>(undefined);
  const isKnown = account !== undefined;

  useEffect(() => {
    if (isKnown) return;
    fetch('/api/me', { cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<AccountSummary>) : null))
      .then(setMe)
      .catch(() => setMe(null));
  }, [pathname, isKnown]);

  const me = isKnown ? account : fetched;

  if (me === undefined) return <span className="account-nav__placeholder" aria-hidden="true" />;
  if (!me) return <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}>Sign In</Link>;
  return (
    <>
      {me.role === 'admin' && <Link href="/admin">Admin</Link>}
      {me.isLibrarian && <Link href="/librarian">Librarian</Link>}
      <Link href="/account">My Account</Link>
      <button
        type="button"
        className="link-button site-header__signout"
        onClick={() => void signOut({ callbackUrl: '/' })}
      >
        Sign Out
      </button>
    </>
  );
}
