import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { batchCalls } from '@/lib/batch-calls';
import { db } from '@/lib/db';
import type { Stripe } from './stripe-client';
import { cteNamesOf, isOneStatement, type ApplyEffect, type Effect, type OneStatementEffect } from './tx';

/** 'unmatched': recorded without effect, since it names something this site does not have. */
export type EventOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

type StatementEvent = { event: Stripe.Event; effect: OneStatementEffect };
type PreparedEvent = { event: Stripe.Event; apply: ApplyEffect | null };

/**
 * Inserts the event ids under their primary key, returning those seen for the first time. In one
 * order: two instances recording overlapping bursts wait for each other, never deadlock.
 */
function recordFirstSightings(events: Stripe.Event[]): Prisma.Sql {
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : 1));
  return Prisma.sql`INSERT INTO "StripeEvent" ("id", "type")
    SELECT * FROM unnest(${sorted.map((e) => e.id)}::text[], ${sorted.map((e) => e.type)}::text[])
    ON CONFLICT ("id") DO NOTHING RETURNING "id"`;
}

const outcomesOf = (events: Stripe.Event[], firstSeen: { id: string }[]): EventOutcome[] => {
  const isFirst = new Set(firstSeen.map((row) => row.id));
  return events.map((event) => (isFirst.has(event.id) ? 'processed' : 'duplicate'));
};

/**
 * The hot events (purchases, subscription changes): their event ids and effects go in one
 * autocommit statement, each effect's `proceed` being its event id among those first seen. A
 * redelivery inserts nothing, so its effect does nothing; a concurrent second delivery waits on
 * the key and then does nothing; a failure records nothing, so Stripe's retry starts clean.
 */
async function applyStatements(items: StatementEvent[]): Promise<EventOutcome[]> {
  const events = items.map((item) => item.event);
  const effects = items.map(({ event, effect }, index) => {
    const names = cteNamesOf(index);
    return Prisma.sql`${names.proceed} AS (SELECT 1 FROM first_seen WHERE "id" = ${event.id}), ${effect.ctes(names)}`;
  });
  const firstSeen = await db.$queryRaw<{ id: string }[]>`
    WITH first_seen AS (${recordFirstSightings(events)}), ${Prisma.join(effects, ', ')}
    SELECT "id" FROM first_seen`;
  return outcomesOf(events, firstSeen);
}

/**
 * The rest (refunds, disputes, …): event ids and effects in one transaction, the effects of those
 * first seen applied in turn. A failure rolls both back, so Stripe's retry starts clean.
 */
function applyInTransaction(prepared: PreparedEvent[]): Promise<EventOutcome[]> {
  const events = prepared.map((p) => p.event);
  return db.$transaction(
    async (tx) => {
      const outcomes = outcomesOf(events, await tx.$queryRaw<{ id: string }[]>(recordFirstSightings(events)));
      for (const [i, { apply }] of prepared.entries()) if (outcomes[i] === 'processed') await apply?.(tx);
      return outcomes;
    },
    // Deliveries queue for the database in bursts: wait rather than fail (Stripe would retry anyway).
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/*
 * Deliveries arriving together are applied together (group commit, lib/batch-calls.ts): a burst of
 * hot events is one statement, not a few round trips per event. Effects on the same row never
 * share a statement (PostgreSQL refuses to write a row twice in one). A failed batch is retried
 * event by event, so one bad event fails (and is retried by Stripe) alone.
 */
const applyStatementsTogether = batchCalls({
  run: applyStatements,
  keyOf: (i: StatementEvent) => i.effect.key,
  // Bounds one statement's text and parameters (an invoice's effect has about 25).
  maxBatch: 50,
});
const applyInTransactionTogether = batchCalls({ run: applyInTransaction, keyOf: (p: PreparedEvent) => p.event.id });

/** Records the event and applies its effect if this is its first sighting; throws on failure. */
export function applyOnce(event: Stripe.Event, effect: Effect | null): Promise<EventOutcome> {
  if (effect && isOneStatement(effect)) return applyStatementsTogether({ event, effect });
  return applyInTransactionTogether({ event, apply: effect });
}
