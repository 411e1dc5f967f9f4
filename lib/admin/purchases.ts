import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { revokePayment, revokePurchase } from '@/lib/billing/ledger';
import { paymentProvider } from '@/lib/billing/providers/payment-provider';
import { recordAudit } from './record-audit';
import { listPage, pageField } from './paging';

export const purchaseFilterSchema = z.object({
  status: z.enum(['', 'active', 'expired', 'revoked']).catch('').default(''),
  page: pageField,
});

export async function listPurchases(filter: z.infer<typeof purchaseFilterSchema>, now = clockNow()) {
  const where =
    filter.status === 'revoked'
      ? { revokedAt: { not: null } }
      : filter.status === 'active'
        ? { revokedAt: null, expiresAt: { gt: now } }
        : filter.status === 'expired'
          ? { revokedAt: null, expiresAt: { lte: now } }
          : {};
  return listPage(
    filter.page,
    (window) =>
      db.articlePurchase.findMany({
        where,
        orderBy: { confirmedAt: 'desc' },
        ...window,
        include: { user: { select: { email: true } }, article: { select: { title: true, doi: true } } },
      }),
    () => db.articlePurchase.count({ where }),
  );
}

export const refundSchema = z.object({ purchaseId: z.string().min(1).max(40) });

/**
 * Refunds a 24-hour purchase and takes its access back at once, through the same revocation
 * the refund webhook uses (the webhook that follows finds it done).
 */
export async function refundPurchase(
  actor: CurrentUser,
  { purchaseId }: z.infer<typeof refundSchema>,
  now = clockNow(),
) {
  const purchase = await db.articlePurchase.findUnique({
    where: { id: purchaseId },
    include: { user: { select: { email: true } }, article: { select: { doi: true } } },
  });
  if (!purchase) throw new NotFoundError('No purchase has this id.');
  if (purchase.revokedAt)
    throw new AppError(
      `This purchase was already revoked (${purchase.revokedReason ?? 'no reason recorded'}).`,
      'conflict',
      'already_revoked',
    );
  const { provider, providerPaymentId: paymentId } = purchase;
  if (provider && paymentId) await paymentProvider(provider).refund(paymentId);
  const reason = `Refunded by ${actor.email}`;
  return db.$transaction(async (tx) => {
    if (provider && paymentId) await revokePayment(tx, { provider, paymentId, reason, reversedAt: now });
    else await revokePurchase(tx, purchase.id, { reason, reversedAt: now });
    const after = await tx.articlePurchase.findUniqueOrThrow({ where: { id: purchase.id } });
    await recordAudit(tx, actor, {
      action: 'purchase.refund',
      targetType: 'ArticlePurchase',
      targetId: purchase.id,
      summary: `Refunded ${purchase.user.email}'s 24-hour access to ${purchase.article.doi}`,
      before: { revokedAt: null, expiresAt: purchase.expiresAt },
      after: { revokedAt: after.revokedAt, revokedReason: after.revokedReason },
    });
    return { revokedAt: after.revokedAt };
  });
}
