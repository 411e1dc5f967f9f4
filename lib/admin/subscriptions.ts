import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { AppError, NotFoundError, ValidationError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordAudit } from './record-audit';
import { assertFresh } from './stale-edit';
import { listPage, pageField } from './paging';
import { dateInput } from './date-range';
import {
  cancelSubscription as cancelSubscriptionRow,
  extendSubscription as extendSubscriptionRow,
  grantSubscription,
  revokePayment,
} from '@/lib/billing/ledger';
import { paymentProvider } from '@/lib/billing/providers/payment-provider';
import { formatDate } from '@/lib/format-date';

export const subscriptionFilterSchema = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  status: z.string().max(30).catch('').default(''),
  plan: z.string().max(30).catch('').default(''),
  source: z.enum(['', 'payment', 'activation', 'complimentary']).catch('').default(''),
  page: pageField,
});

export async function listSubscriptions(filter: z.infer<typeof subscriptionFilterSchema>) {
  const where = {
    ...(filter.q ? { user: { email: { contains: filter.q.toLowerCase(), mode: 'insensitive' as const } } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.plan ? { plan: filter.plan } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
  return listPage(
    filter.page,
    (window) =>
      db.subscription.findMany({
        where,
        orderBy: { currentPeriodEnd: 'desc' },
        ...window,
        include: { user: { select: { email: true, name: true } } },
      }),
    () => db.subscription.count({ where }),
  );
}

const futureDate = dateInput('Enter a valid date.');

export const grantSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter the reader’s email address.'),
  plan: z.enum(['monthly', 'annual']),
  endsAt: futureDate,
});

/** A complimentary subscription from now until `endsAt`; access follows at once. */
export async function grantComplimentary(actor: CurrentUser, input: z.infer<typeof grantSchema>, now = clockNow()) {
  if (input.endsAt <= now) throw new ValidationError('The end date must be in the future.');
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (!user) throw new ValidationError(`No account uses ${input.email}. Ask the reader to register first.`);
    const subscription = await grantSubscription(tx, {
      userId: user.id,
      plan: input.plan,
      source: 'complimentary',
      startsAt: now,
      currentPeriodEnd: input.endsAt,
    });
    await recordAudit(tx, actor, {
      action: 'subscription.grant',
      targetType: 'Subscription',
      targetId: subscription.id,
      summary: `Complimentary ${input.plan} subscription for ${input.email} until ${formatDate(input.endsAt)}`,
      after: subscription,
    });
    return subscription;
  });
}

export const extendSchema = z.object({
  subscriptionId: z.string().min(1).max(40),
  endsAt: futureDate,
  expectedUpdatedAt: z.string().min(1).max(40),
});

/** Moves the end of a subscription we manage (complimentary or activation); Stripe's are changed in Stripe. */
export async function extendSubscription(actor: CurrentUser, input: z.infer<typeof extendSchema>, now = clockNow()) {
  if (input.endsAt <= now) throw new ValidationError('The new end date must be in the future.');
  return db.$transaction(async (tx) => {
    const before = await tx.subscription.findUnique({
      where: { id: input.subscriptionId },
      include: { user: { select: { email: true } } },
    });
    if (!before) throw new NotFoundError('No subscription has this id.');
    assertFresh('subscription', before.updatedAt, input.expectedUpdatedAt);
    if (before.provider)
      throw new AppError(
        'This subscription is billed by Stripe: change it in Stripe or cancel it here.',
        'conflict',
        'stripe_managed',
      );
    const after = await extendSubscriptionRow(tx, before.id, input.endsAt);
    await recordAudit(tx, actor, {
      action: 'subscription.extend',
      targetType: 'Subscription',
      targetId: before.id,
      summary: `Subscription of ${before.user.email} now ends ${formatDate(input.endsAt)}`,
      before: { currentPeriodEnd: before.currentPeriodEnd, status: before.status },
      after: { currentPeriodEnd: after.currentPeriodEnd, status: after.status },
    });
    return after;
  });
}

export const cancelSchema = z.object({
  subscriptionId: z.string().min(1).max(40),
  when: z.enum(['now', 'period_end']),
  expectedUpdatedAt: z.string().min(1).max(40),
});

/**
 * Cancels a subscription now (access ends at once) or at the end of its period. One billed by a
 * provider is cancelled there too (Stripe's webhook then converges our row).
 */
export async function cancelSubscription(actor: CurrentUser, input: z.infer<typeof cancelSchema>, now = clockNow()) {
  const before = await db.subscription.findUnique({
    where: { id: input.subscriptionId },
    include: { user: { select: { email: true } } },
  });
  if (!before) throw new NotFoundError('No subscription has this id.');
  assertFresh('subscription', before.updatedAt, input.expectedUpdatedAt);
  if (before.provider && before.providerSubscriptionId)
    await paymentProvider(before.provider).cancel(before.providerSubscriptionId, input.when);
  return db.$transaction(async (tx) => {
    const after = await cancelSubscriptionRow(tx, before.id, input.when, now);
    await recordAudit(tx, actor, {
      action: 'subscription.cancel',
      targetType: 'Subscription',
      targetId: before.id,
      summary: `Cancelled the subscription of ${before.user.email} ${input.when === 'now' ? 'now' : 'at the end of its period'}`,
      before: {
        status: before.status,
        currentPeriodEnd: before.currentPeriodEnd,
        cancelAtPeriodEnd: before.cancelAtPeriodEnd,
      },
      after: {
        status: after.status,
        currentPeriodEnd: after.currentPeriodEnd,
        cancelAtPeriodEnd: after.cancelAtPeriodEnd,
      },
    });
    return after;
  });
}

export const refundLatestSchema = z.object({ subscriptionId: z.string().min(1).max(40) });

/**
 * Refunds the subscription's latest paid invoice, takes back the access it paid for and ends its
 * billing at its provider, through the same steps as the refund webhook (which then finds them done).
 */
export async function refundLatestPayment(
  actor: CurrentUser,
  { subscriptionId }: z.infer<typeof refundLatestSchema>,
  now = clockNow(),
) {
  const subscription = await db.subscription.findUnique({
    where: { id: subscriptionId },
    include: { user: { select: { email: true } } },
  });
  if (!subscription) throw new NotFoundError('No subscription has this id.');
  const { provider, providerSubscriptionId } = subscription;
  const invoice =
    provider && providerSubscriptionId
      ? await db.billingInvoice.findFirst({
          where: { provider, providerSubscriptionId, providerPaymentId: { not: null }, status: 'paid' },
          orderBy: { issuedAt: 'desc' },
        })
      : null;
  const paymentId = invoice?.providerPaymentId;
  if (!provider || !providerSubscriptionId || !invoice || !paymentId) {
    throw new AppError(
      'This subscription has no paid invoice to refund (complimentary and activated ones are free).',
      'conflict',
      'nothing_to_refund',
    );
  }
  await paymentProvider(provider).refund(paymentId);
  await paymentProvider(provider).cancel(providerSubscriptionId, 'now');
  const reason = `Refunded by ${actor.email}`;
  return db.$transaction(async (tx) => {
    await revokePayment(tx, { provider, paymentId, reason, reversedAt: now });
    const after = await tx.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    await recordAudit(tx, actor, {
      action: 'subscription.refund',
      targetType: 'Subscription',
      targetId: subscriptionId,
      summary: `Refunded the latest payment (${(invoice.amountCents / 100).toFixed(2)} ${invoice.currency.toUpperCase()}) of ${subscription.user.email}'s subscription`,
      before: { revokedAt: subscription.revokedAt, status: subscription.status },
      after: { revokedAt: after.revokedAt, revokedReason: after.revokedReason, status: after.status },
    });
    return { revokedAt: after.revokedAt };
  });
}
