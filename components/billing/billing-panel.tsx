import Link from 'next/link';
import { openPortalAction } from '@/lib/billing/actions';
import { ActionForm } from '@/components/ui/action-form';
import { articlePath } from '@/lib/articles/article-path';
import { formatMoney } from '@/lib/billing/format-money';
import { listBillingHistory } from '@/lib/billing/list-billing-history';
import { reversalForReader } from '@/lib/billing/reversal-for-reader';
import { formatDateTime } from '@/lib/format-date';

/** The account page's billing section: manage the subscription, invoices and 24-hour purchases. */
export async function BillingPanel({ userId, canReadEverything }: { userId: string; canReadEverything: boolean }) {
  const { invoices, purchases, hasPaidSubscription } = await listBillingHistory(userId);
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
      {invoices.length > 0 && (
        <table className="table">
          <caption>Invoices</caption>
          <thead>
            <tr>
              <th scope="col">Date (UTC)</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Invoice</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td>{formatDateTime(invoice.issuedAt)}</td>
                <td>{formatMoney(invoice.amountCents, invoice.currency)}</td>
                <td>{invoice.status}</td>
                <td>{invoice.hostedInvoiceUrl ? <a href={invoice.hostedInvoiceUrl}>View</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {purchases.length > 0 && (
        <table className="table">
          <caption>24-hour article purchases</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Paid</th>
              <th scope="col">Bought (UTC)</th>
              <th scope="col">Access ends (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {purchases.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={articlePath(p.article.doi)}>{p.article.title}</Link>
                </td>
                <td>{formatMoney(p.amountCents, p.currency)}</td>
                <td>{formatDateTime(p.confirmedAt)}</td>
                <td>
                  {formatDateTime(p.expiresAt)}
                  {p.revokedAt && <span className="table__note"> ({reversalForReader(p.revokedReason)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
