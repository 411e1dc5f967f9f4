import type { Metadata } from 'next';
import Link from 'next/link';
import { safeReturnTo } from '@/lib/auth/safe-return-to';

export const metadata: Metadata = { title: 'Checkout cancelled', robots: { index: false } };

type Props = { searchParams: Promise<{ returnTo?: string }> };

export default async function CheckoutCancelPage({ searchParams }: Props) {
  const returnTo = safeReturnTo((await searchParams).returnTo, '/');
  return (
    <div className="page page--narrow">
      <h1>Checkout cancelled</h1>
      <p>Nothing was charged and nothing has changed.</p>
      <p>
        <Link href={returnTo}>Go back</Link>
      </p>
    </div>
  );
}
