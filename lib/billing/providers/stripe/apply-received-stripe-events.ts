import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueueJobs, type JobPayloads } from '@/lib/jobs/enqueue-jobs';
import { applyStripeEventsTogether, stripeEventJobKey, stripeObjectJobKey } from './handle-stripe-event';
import type { Stripe } from './stripe-client';

/**
 * Events applied together (their Stripe reads at once, their writes in one transaction); the
 * claim is renewed between batches, so a long backlog keeps it.
 */
const BATCH = 20;

/**
 * Claims the object's drain for `drainer`, or renews its own claim: one statement, so two workers
 * (in two instances, or two of one instance's on the embedded database, whose connections share
 * one session and so no locks) never both hold it. A claim older than JOB_STALE_LOCK_SECONDS was
 * a killed instance's: every drain renews its claim well inside that.
 */
async function claim(objectId: string, drainer: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO "StripeEventDrain" ("objectId", "claimedBy", "claimedAt") VALUES (${objectId}, ${drainer}, now())
    ON CONFLICT ("objectId") DO UPDATE SET "claimedBy" = excluded."claimedBy", "claimedAt" = excluded."claimedAt"
    WHERE "StripeEventDrain"."claimedBy" = excluded."claimedBy"
       OR "StripeEventDrain"."claimedAt" < now() - make_interval(secs => ${env.JOB_STALE_LOCK_SECONDS})
    RETURNING 1`;
  return rows.length > 0;
}

const release = (objectId: string, drainer: string) =>
  db.$executeRaw`DELETE FROM "StripeEventDrain" WHERE "objectId" = ${objectId} AND "claimedBy" = ${drainer}`;

/**
 * The object's received events still to apply, in the order received: not applied (no
 * `StripeEvent`) and not handed to a job of their own (one that failed here, or one received
 * before the drain, whose job holds its body).
 */
const pendingEvents = (objectId: string, limit: number) =>
  db.$queryRaw<{ id: string; body: string }[]>`
    SELECT r.id, r.body FROM "ReceivedStripeEvent" r
    WHERE r."objectId" = ${objectId} AND r.body IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "StripeEvent" s WHERE s.id = r.id)
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${stripeEventJobKey('')} || r.id)
    ORDER BY r.sequence LIMIT ${limit}`;

/**
 * Applies a batch of the object's events, in order; one that fails gets an `apply-stripe-event`
 * job of its own (at once, then with backoff, up to STRIPE_EVENT_MAX_ATTEMPTS; then /admin/jobs
 * lists it for Retry), so it neither blocks the object's later events nor is lost.
 */
async function applyOrHandOff(bodies: string[]): Promise<void> {
  // The bodies Stripe signed, their signatures checked on arrival.
  const events = bodies.map((body) => JSON.parse(body) as JobPayloads['apply-stripe-event']['event']);
  const failed = await applyStripeEventsTogether(events as unknown as Stripe.Event[]);
  for (const { event, error } of failed) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`Stripe event ${event.id} (${event.type}) failed; retrying it on its own: ${reason}`);
  }
  await enqueueJobs(
    db,
    failed.map(({ event }) => ({
      task: 'apply-stripe-event',
      payload: { event: event as unknown as JobPayloads['apply-stripe-event']['event'] },
      key: stripeEventJobKey(event.id),
      maxAttempts: env.STRIPE_EVENT_MAX_ATTEMPTS,
    })),
  );
}

/**
 * The `apply-stripe-events` job: applies one Stripe object's received events in the order
 * received, one worker at a time (its claim), each in a transaction of its own.
 *
 * A job added while this one runs (a new event; graphile-worker then queues a second job under the
 * key) may start on another worker and find the claim taken: this drain looks for new events
 * after it lets go, so they are applied either way. That job comes back when the claim would be
 * stale, in case its holder was killed.
 */
export async function applyReceivedStripeEvents(objectId: string): Promise<void> {
  const drainer = randomUUID();
  for (;;) {
    if (!(await claim(objectId, drainer))) return comeBackWhenStale(objectId);
    let events: { id: string; body: string }[];
    try {
      do {
        events = await pendingEvents(objectId, BATCH);
        await applyOrHandOff(events.map((e) => e.body));
      } while (events.length === BATCH && (await claim(objectId, drainer)));
    } finally {
      await release(objectId, drainer);
    }
    if ((await pendingEvents(objectId, 1)).length === 0) return;
  }
}

/**
 * Queues this object's job again for when the current claim would be stale (or at once if it is
 * gone). A job already waiting under the key (a newer event's, due now) keeps its time: the claim
 * may have been let go since it was read, and that event must not wait for the stale time.
 */
async function comeBackWhenStale(objectId: string): Promise<void> {
  const [held] = await db.$queryRaw<{ staleAt: Date }[]>`
    SELECT "claimedAt" + make_interval(secs => ${env.JOB_STALE_LOCK_SECONDS}) AS "staleAt"
    FROM "StripeEventDrain" WHERE "objectId" = ${objectId}`;
  await enqueueJobs(db, [
    {
      task: 'apply-stripe-events',
      payload: { objectId },
      key: stripeObjectJobKey(objectId),
      maxAttempts: env.STRIPE_EVENT_MAX_ATTEMPTS,
      runAt: held?.staleAt,
      keepsWaitingJobsTime: true,
    },
  ]);
}
