import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { subscriptionOwnerSchema } from './checkout-metadata';
import { endBillingOfSubscription } from './end-reversed-billing';
import { convergeSubscription } from './converge-subscription';
import { subscriptionKey } from './sync-subscription';
import { idOf } from './id-of';
import { getStripe, type Stripe } from './stripe-client';
import type { OneStatementEffect } from './tx';

/** The payment intent that paid the invoice: a refund or dispute names only that. */
async function paymentIntentOf(invoice: Stripe.Invoice): Promise<string | null> {
  // `payments` is only in the payload when expanded: read it back from Stripe when missing.
  const payments =
    invoice.payments ?? (await getStripe().invoices.retrieve(invoice.id, { expand: ['payments'] })).payments;
  const payment = payments?.data.find((p) => p.payment.type === 'payment_intent');
  return idOf(payment?.payment.payment_intent);
}

async function isReversed(paymentIntentId: string): Promise<boolean> {
  return (await db.paymentReversal.count({ where: { stripePaymentIntentId: paymentIntentId } })) > 0;
}

/** Our user when the subscription's metadata (copied onto the invoice) names it; else the customer decides. */
function ownerOf(invoice: Stripe.Invoice): string | null {
  const fromMetadata = subscriptionOwnerSchema.safeParse(invoice.parent?.subscription_details?.metadata);
  return fromMetadata.success ? fromMetadata.data.userId : null;
}

/**
 * Records a subscription invoice (listed on the account page; ties later refunds to the
 * subscription) and converges the subscription it belongs to: a paid invoice moves the period on,
 * a failed one makes it past_due. A paid invoice is never set back to open by a late failure event;
 * an invoice of a customer we never created is skipped. A refund or dispute of its payment that
 * arrived before the invoice revokes the subscription.
 */
export async function recordInvoice(invoice: Stripe.Invoice): Promise<OneStatementEffect> {
  const userId = ownerOf(invoice);
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const paymentIntentId = await paymentIntentOf(invoice);
  // Its payment was refunded or disputed before this event came: stop the billing too.
  if (subscriptionId && paymentIntentId && (await isReversed(paymentIntentId))) {
    await endBillingOfSubscription(subscriptionId);
  }
  const converge = subscriptionId ? await convergeSubscription(subscriptionId, paymentIntentId) : null;
  const status = invoice.status ?? 'open';
  const amountCents = status === 'paid' ? invoice.amount_paid : invoice.amount_due;
  const issuedAt = new Date(invoice.created * 1000);
  return {
    // It writes its subscription's row, as that subscription's other events do.
    key: subscriptionId ? subscriptionKey(subscriptionId) : `invoice:${invoice.id}`,
    ctes: (names) => {
      const { proceed, own } = names;
      const recorded = Prisma.sql`${own('invoice')} AS (
        INSERT INTO "BillingInvoice" ("id", "userId", "stripeSubscriptionId", "stripePaymentIntentId", "status", "amountCents",
          "currency", "hostedInvoiceUrl", "issuedAt", "updatedAt")
        SELECT ${invoice.id}, owner."userId", ${subscriptionId}, ${paymentIntentId}, ${status}, ${amountCents},
          ${invoice.currency}, ${invoice.hosted_invoice_url ?? null}, ${issuedAt}, now()
        FROM ${proceed}, (SELECT COALESCE(${userId}::text,
          (SELECT "userId" FROM "BillingCustomer" WHERE "stripeCustomerId" = ${idOf(invoice.customer)}::text)) AS "userId") AS owner
        WHERE owner."userId" IS NOT NULL
        ON CONFLICT ("id") DO UPDATE SET "status" = EXCLUDED."status", "amountCents" = EXCLUDED."amountCents",
          "stripePaymentIntentId" = EXCLUDED."stripePaymentIntentId", "hostedInvoiceUrl" = EXCLUDED."hostedInvoiceUrl", "updatedAt" = now()
        WHERE "BillingInvoice"."status" <> 'paid'
      )`;
      const parts = converge ? [recorded, converge.ctes(names)] : [recorded];
      if (!paymentIntentId || !subscriptionId) return Prisma.join(parts, ', ');
      // A subscription already written and not re-synced here (an older read) is revoked directly:
      // a statement writes a row once, so only when the sync did not write it.
      const notSynced = converge ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM ${own('synced')})` : Prisma.empty;
      const revoke = Prisma.sql`${own('revoke')} AS (
        UPDATE "Subscription" s SET "revokedAt" = r."reversedAt", "revokedReason" = r."reason", "updatedAt" = now()
        FROM ${proceed}, "PaymentReversal" r
        WHERE r."stripePaymentIntentId" = ${paymentIntentId} AND s."stripeSubscriptionId" = ${subscriptionId}
          AND s."revokedAt" IS NULL ${notSynced}
      )`;
      return Prisma.join([...parts, revoke], ', ');
    },
  };
}
