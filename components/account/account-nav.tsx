'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useState } from 'react';

type Me = { name: string; role: 'reader' | 'admin' } | null;

/** Sign in, or the signed-in reader's links. Asked for apart so the pages around it stay cacheable. */
export function AccountNav() {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | undefined>(undefined);

  useEffect(() => {
    fetch('/api/me', { cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<Me>) : null))
      .then(setMe)
      .catch(() => setMe(null));
  }, [pathname]);

  if (me === undefined) return <span className="account-nav__placeholder" aria-hidden="true" />;
  if (!me) return <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`}>Sign In</Link>;
  return (
    <>
      {me.role === 'admin' && <Link href="/admin">Admin</Link>}
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
