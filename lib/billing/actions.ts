'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { createPortalSession } from '@/lib/billing/create-portal-session';
import { doiSchema, findPurchasableArticle } from '@/lib/billing/find-purchasable-article';
import {
  cancelLocalSubscription,
  resumeLocalSubscription,
} from '@/lib/billing/providers/local/cancel-local-subscription';
import { completeLocalCheckout } from '@/lib/billing/providers/local/complete-local-checkout';
import { planIdSchema } from '@/lib/billing/plans';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { validatedActionWithUser } from '@/lib/http/action';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

// Every action checks the signed-in user itself: server actions are public POST endpoints.

export const startPurchaseAction = validatedActionWithUser(z.object({ doi: doiSchema }), async ({ doi }, user) => {
  const article = await findPurchasableArticle(doi);
  redirect(await createPurchaseCheckout(user, article, await getReaderTimeZone()));
});

export const startSubscriptionAction = validatedActionWithUser(
  z.object({ plan: planIdSchema, returnTo: z.string().max(500).optional() }),
  async ({ plan, returnTo }, user) => {
    redirect(await createSubscriptionCheckout(user, plan, safeReturnTo(returnTo, '/')));
  },
);

const localSessionId = z.string().regex(/^lcs_[a-f0-9]{24}$/, 'Unknown checkout.');

export const payLocalCheckoutAction = validatedActionWithUser(
  z.object({ session: localSessionId, returnTo: z.string().max(500).optional() }),
  async ({ session, returnTo }, user) => {
    await completeLocalCheckout(session, user.id);
    const back = safeReturnTo(returnTo, '/');
    redirect(`/checkout/success?session_id=${session}${back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`}`);
  },
);

export const cancelLocalSubscriptionAction = validatedActionWithUser(
  z.object({ subscriptionId: z.string().min(1).max(64) }),
  async ({ subscriptionId }, user) => {
    await cancelLocalSubscription(subscriptionId, user.id);
    // Back to the portal, which now says "ends" instead of "renews", with the outcome.
    redirect('/checkout/test-portal?cancelled=1');
  },
);

export const resumeLocalSubscriptionAction = validatedActionWithUser(
  z.object({ subscriptionId: z.string().min(1).max(64) }),
  async ({ subscriptionId }, user) => {
    await resumeLocalSubscription(subscriptionId, user.id);
    redirect('/checkout/test-portal?resumed=1');
  },
);

export const openPortalAction = validatedActionWithUser(z.object({}), async (_data, user) => {
  const url = await createPortalSession(user.id);
  if (!url) return { ok: false, message: 'There is no paid subscription on this account to manage.' };
  redirect(url);
});
