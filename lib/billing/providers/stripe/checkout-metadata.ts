import { z } from 'zod';
import { planIdSchema } from '@/lib/billing/plans';

// What we put on a Checkout Session and read back from Stripe: never trusted without parsing.
export const purchaseMetadataSchema = z.object({
  kind: z.literal('purchase'),
  userId: z.string().min(1).max(64),
  articleId: z.string().min(1).max(64),
});

export const subscriptionMetadataSchema = z.object({
  kind: z.literal('subscription'),
  userId: z.string().min(1).max(64),
  plan: planIdSchema,
});

export const checkoutMetadataSchema = z.discriminatedUnion('kind', [
  purchaseMetadataSchema,
  subscriptionMetadataSchema,
]);
export type CheckoutMetadata = z.infer<typeof checkoutMetadataSchema>;

/** On Stripe subscriptions (subscription_data.metadata): ties the subscription to our user. */
export const subscriptionOwnerSchema = z.object({ userId: z.string().min(1).max(64) });
