import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { TestModeNote } from '@/components/billing/test-mode-note';
import { articlePath } from '@/lib/articles/article-path';
import { requireUser } from '@/lib/auth/current-user';
import { refuseIfAlreadyReadable } from '@/lib/billing/already-entitled';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { doiSchema, findPurchasableArticle } from '@/lib/billing/find-purchasable-article';
import { formatMoney } from '@/lib/billing/format-money';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { startPurchaseAction } from '@/lib/billing/actions';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'Purchase 24-hour access' };

type Props = { searchParams: Promise<{ doi?: string }> };

export default async function PurchasePage({ searchParams }: Props) {
  const doi = doiSchema.safeParse((await searchParams).doi);
  if (!doi.success) notFound();
  const user = await requireUser(`/purchase?doi=${encodeURIComponent(doi.data)}`);
  const article = await findPurchasableArticle(doi.data)
    .then(async (found) => {
      await refuseIfAlreadyReadable(user.id, found, await getReaderTimeZone());
      return found;
    })
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      if (error instanceof AppError) return error;
      throw error;
    });
  if (article instanceof AppError) {
    return (
      <div className="page page--narrow">
        <TimeZoneFallbackMarker />
        <h1>Purchase Online Access</h1>
        <p>{article.message}</p>
        <p>
          <Link href={articlePath(doi.data)}>Back to the article</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Purchase Online Access to this article for 24 hours</h1>
      <p className="toc__title">{article.title}</p>
      <p>
        Full text, figures, references and PDF for 24 hours from the moment your payment is confirmed:{' '}
        <strong>{formatMoney(article.priceCents, article.currency)}</strong>.
      </p>
      <TestModeNote />
      <ActionForm
        action={startPurchaseAction}
        fields={[]}
        hidden={{ doi: article.doi }}
        submitLabel="Continue to payment"
      />
      <p>
        <Link href={articlePath(article.doi)}>Back to the article</Link> · Reading often?{' '}
        <Link href={`/subscribe?callbackUrl=${encodeURIComponent(articlePath(article.doi))}`}>Subscribe</Link> instead.
      </p>
    </div>
  );
}
