import type { Prisma } from '@/generated/prisma/client';

/** A database transaction: every fulfilment writes through one, so a failure leaves no partial rows. */
export type Tx = Prisma.TransactionClient;

/** The database part of handling a payment event, run after anything that talks to Stripe. */
export type ApplyEffect = (tx: Tx) => Promise<void>;
