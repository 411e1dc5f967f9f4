import { Prisma } from '@/generated/prisma/client';

/** A database transaction: every fulfilment writes through one, so a failure leaves no partial rows. */
export type Tx = Prisma.TransactionClient;

/** The database part of handling a payment event, run after anything that talks to Stripe. */
export type ApplyEffect = (tx: Tx) => Promise<void>;

/**
 * The names an effect's CTEs use in a statement that may hold several effects: `proceed` holds one
 * row when the effect should happen; `own(name)` is a CTE name of this effect's alone.
 */
export type CteNames = { proceed: Prisma.Sql; own: (name: string) => Prisma.Sql };

/**
 * An effect written as SQL CTEs that take their rows FROM `proceed`. Webhooks make `proceed` the
 * first sighting of the event id, so recording events and their effects is one autocommit
 * statement for a whole burst of deliveries: no transaction holds the database across round trips
 * (the embedded database has one session for everyone). `key` names the row it converges; effects
 * on the same row never share a statement (PostgreSQL would refuse to update a row twice).
 */
export type OneStatementEffect = { key: string; ctes: (names: CteNames) => Prisma.Sql };

export type Effect = ApplyEffect | OneStatementEffect;

export function isOneStatement(effect: Effect): effect is OneStatementEffect {
  return typeof effect !== 'function';
}

/** The CTE names of the effect at `index` of a shared statement. */
export function cteNamesOf(index: number): CteNames {
  const own = (name: string) => Prisma.raw(`e${index}_${name}`);
  return { proceed: own('proceed'), own };
}

/** Runs a one-statement effect unconditionally, in a transaction (`tx`) or on its own (`db`). */
export async function runOneStatement(client: Tx, effect: OneStatementEffect): Promise<void> {
  const names = cteNamesOf(0);
  await client.$executeRaw`WITH ${names.proceed} AS (SELECT 1), ${effect.ctes(names)} SELECT 1`;
}
