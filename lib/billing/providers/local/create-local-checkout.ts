import 'server-only';
import { randomBytes } from 'node:crypto';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { requireTestPayments } from './test-payments';

type LocalCheckoutInput = {
  userId: string;
  mode: 'payment' | 'subscription';
  articleId?: string;
  plan?: string;
  amountCents: number;
  currency: string;
};

const REUSE_WINDOW_MS = 10 * 60_000;

/**
 * The local test-payment provider's Checkout Session (no Stripe keys configured). A double click
 * gets the same open session back, as Stripe's idempotency keys do.
 */
export async function createLocalCheckout(input: LocalCheckoutInput): Promise<string> {
  requireTestPayments();
  const open = await db.localCheckoutSession.findFirst({
    where: {
      userId: input.userId,
      mode: input.mode,
      articleId: input.articleId ?? null,
      plan: input.plan ?? null,
      completedAt: null,
      createdAt: { gte: new Date(now().getTime() - REUSE_WINDOW_MS) },
    },
  });
  const session =
    open ??
    (await db.localCheckoutSession.create({
      data: { id: `lcs_${randomBytes(12).toString('hex')}`, ...input, createdAt: now() },
    }));
  return `/checkout/test-payment?session=${session.id}`;
}
