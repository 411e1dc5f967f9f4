import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/current-user';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { articlePath } from '@/lib/articles/article-path';
import { formatMoney } from '@/lib/billing/format-money';
import { planLabel } from '@/lib/billing/plans';
import { getCheckoutResult } from '@/lib/billing/get-checkout-result';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

type Props = { searchParams: Promise<{ session_id?: string; returnTo?: string }> };

export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const params = await searchParams;
  const sessionId = (params.session_id ?? '').slice(0, 200);
  // A subscription started from an article leads back to it.
  const back = safeReturnTo(params.returnTo, '/');
  const user = await requireUser(
    `/checkout/success?session_id=${encodeURIComponent(sessionId)}${back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`}`,
  );
  const [result, timeZone] = await Promise.all([
    /^[A-Za-z0-9_]+$/.test(sessionId) ? getCheckoutResult(sessionId, user.id) : null,
    getReaderTimeZone(),
  ]);
  if (!result) {
    return (
      <div className="page page--narrow">
        <h1>We could not find this checkout</h1>
        <p>
          If you paid, your access appears on <Link href="/account">My Account</Link> within a minute.
        </p>
      </div>
    );
  }
  if (result.kind === 'pending') {
    return (
      <div className="page page--narrow">
        <h1>Thank you: your payment is being confirmed</h1>
        <p>
          Some payment methods take a little while. Your access appears on <Link href="/account">My Account</Link> as
          soon as the payment clears; reload this page to check.
        </p>
      </div>
    );
  }
  if (result.kind === 'unpaid') {
    return (
      <div className="page page--narrow">
        <h1>This test payment was not completed</h1>
        <p>
          Nothing was charged and nothing was granted. <Link href={result.paymentPage}>Return to the payment page</Link>{' '}
          to finish it.
        </p>
      </div>
    );
  }
  if (result.kind === 'reversed') {
    return (
      <div className="page page--narrow">
        <h1>This payment was reversed</h1>
        <p>{result.note}, so the access it bought has ended.</p>
        <p>
          See <Link href="/account">My Account</Link> for what you have now.
        </p>
      </div>
    );
  }
  if (result.kind === 'purchase') {
    return (
      <div className="page page--narrow">
        <TimeZoneFallbackMarker />
        <h1>Thank you for your purchase</h1>
        <p>
          You paid {formatMoney(result.amountCents, result.currency)} for 24-hour online access to{' '}
          <strong>{result.articleTitle}</strong>.
        </p>
        <p>
          Your access ends{' '}
          <time dateTime={result.expiresAt.toISOString()}>{formatDateTime(result.expiresAt, timeZone)}</time>.
        </p>
        <p>
          <Link className="button" href={articlePath(result.doi)}>
            Read the full text
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <TimeZoneFallbackMarker />
      <h1>Thank you for subscribing</h1>
      <p>
        Your {planLabel(result.plan).toLowerCase()} subscription gives you the full text of every article. It{' '}
        {result.cancelAtPeriodEnd ? 'ends' : 'renews'} on{' '}
        <time dateTime={result.currentPeriodEnd.toISOString()}>
          {formatDateTime(result.currentPeriodEnd, timeZone)}
        </time>
        .
      </p>
      <p>
        {back === '/' ? (
          <Link className="button" href="/">
            Start reading the current issue
          </Link>
        ) : (
          <Link className="button" href={back}>
            Back to what you were reading
          </Link>
        )}{' '}
        · <Link href="/account">My Account</Link>
      </p>
    </div>
  );
}
