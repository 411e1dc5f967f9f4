import Link from 'next/link';
import { openPortalAction } from '@/lib/billing/actions';
import { ActionForm } from '@/components/ui/action-form';
import { articlePath } from '@/lib/articles/article-path';
import { formatMoney } from '@/lib/billing/format-money';
import { listBillingHistory } from '@/lib/billing/list-billing-history';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

/** The account page's billing section: manage the subscription, and every payment once with its receipt. */
export async function BillingPanel({ userId, canReadEverything }: { userId: string; canReadEverything: boolean }) {
  const [{ payments, hasPaidSubscription }, timeZone] = await Promise.all([
    listBillingHistory(userId),
    getReaderTimeZone(),
  ]);
  return (
    <section aria-labelledby="billing-heading">
      <h2 id="billing-heading">Billing</h2>
      {hasPaidSubscription ? (
        <ActionForm action={openPortalAction} fields={[]} submitLabel="Manage subscription" />
      ) : (
        // A member whose activation (or a complimentary subscription) already opens everything is not asked to pay.
        !canReadEverything && (
          <p>
            <Link href="/subscribe?callbackUrl=%2Faccount">Subscribe</Link> for full-text access to every article.
          </p>
        )
      )}
      {payments.length > 0 && (
        <DataTable
          caption="Payments"
          rows={payments}
          rowKey={(p) => p.key}
          columns={[
            { header: 'Date', cell: (p) => formatDateTime(p.paidAt, timeZone) },
            {
              header: 'For',
              cell: (p) =>
                p.what.kind === 'subscription' ? (
                  p.what.plan
                ) : (
                  <>
                    24-hour access: <Link href={articlePath(p.what.doi)}>{p.what.title}</Link>
                  </>
                ),
            },
            { header: 'Amount', cell: (p) => formatMoney(p.amountCents, p.currency) },
            { header: 'Status', cell: (p) => p.status },
            {
              header: 'Receipt',
              cell: (p) => (
                <>
                  <a href={`/account/receipts/${p.key}`} download>
                    Receipt (PDF)
                  </a>
                  {p.providerInvoiceUrl && (
                    <>
                      {' · '}
                      <a href={p.providerInvoiceUrl}>Invoice at Stripe</a>
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
