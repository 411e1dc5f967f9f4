'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { accountSummarySchema, type AccountSummary } from '@/lib/auth/account-summary';

export type { AccountSummary };

/**
 * Sign in, or the signed-in reader's links. Pages rendered per request (the per-reader article
 * page, account, admin, search and CME pages) and the shared article page (null) give `account`, so it needs
 * no request and no JavaScript there; pages cached for everyone leave it undefined and ask
 * /api/me after load (the reply read through the route's own schema), or, without JavaScript,
 * link to /account.
 */
export function AccountNav({ account }: { account?: AccountSummary }) {
  const pathname = usePathname();
  const [fetched, setMe] = useState<AccountSummary | undefined>(undefined);
  const isKnown = account !== undefined;

  useEffect(() => {
    if (isKnown) return;
    fetch('/api/me', { cache: 'no-store' })
      .then(async (res) => (res.ok ? accountSummarySchema.parse(await res.json()) : null))
      .then(setMe)
      .catch(() => setMe(null));
  }, [pathname, isKnown]);

  const me = isKnown ? account : fetched;

  // Not known yet (a page cached for everyone, before /api/me answers). Without JavaScript it never
  // is: a plain link to /account, which asks a visitor to sign in first, stands in.
  if (me === undefined)
    return (
      <span className="account-nav__placeholder">
        <noscript>
          <Link href="/account">Account</Link>
        </noscript>
      </span>
    );
  if (!me)
    return (
      <>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}>Sign In</Link>
        <Link href={`/subscribe?callbackUrl=${encodeURIComponent(pathname)}`} className="site-header__subscribe">
          Subscribe
        </Link>
      </>
    );
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
