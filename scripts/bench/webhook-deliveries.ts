// Child process of `npm run bench:webhooks`: the app's side. Loads the webhook route handler and
// delivers the signed events from the file named in argv[2], CONCURRENCY at a time, with no job
// worker running (the acknowledgement alone: verify, record, queue); then starts this instance's
// job workers and waits until they have applied every queued event. The warm-up round first, then
// the timed one. Runs apart from the database process, as under `npm start`. Prints one JSON
// line: the timed round's seconds for each step, the statuses and the failed jobs.
import fs from 'node:fs';
import os from 'node:os';
import { signedDelivery, type TestEvent } from '../../tests/support/stripe-events';

const { POST } = await import('@/app/api/stripe/webhook/route');
const { db } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { startJobWorkers } = await import('@/lib/jobs/start-job-workers');
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);

/** Delivers every event, `concurrency` at a time; returns the seconds taken and the statuses. */
async function acknowledge(events: TestEvent[]) {
  // Signed before the clock starts: signing is Stripe's work, not ours.
  const deliveries = events.map((event) => signedDelivery(event));
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const response = await POST(deliveries[next++]!.toRequest());
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, statuses };
}

type QueueState = { pending: number; failed: number };
const queueState = async () =>
  (
    await db.$queryRaw<QueueState[]>`
      SELECT count(*) FILTER (WHERE (attempts < max_attempts AND run_at <= now()) OR locked_at IS NOT NULL)::int AS pending,
             count(*) FILTER (WHERE attempts >= max_attempts AND locked_at IS NULL)::int AS failed
      FROM graphile_worker.jobs WHERE task_identifier IN ('apply-stripe-events', 'apply-stripe-event')`
  )[0]!;

/** Runs the workers until no event waits; returns the seconds from their start. */
async function apply() {
  const started = performance.now();
  const workers = await startJobWorkers();
  let state = await queueState();
  while (state.pending > 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    state = await queueState();
  }
  const seconds = (performance.now() - started) / 1000;
  await workers.stop();
  return { seconds, failedJobs: state.failed };
}

const rounds = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { warmUp: TestEvent[]; measured: TestEvent[] };
const warmUp = await acknowledge(rounds.warmUp);
if ((warmUp.statuses[200] ?? 0) !== rounds.warmUp.length)
  throw new Error(`Warm-up failed: ${JSON.stringify(warmUp.statuses)}`);
await apply();
// The one-minute load average as each step ends: the machine may be shared.
const acknowledged = await acknowledge(rounds.measured);
const acknowledgeLoad = os.loadavg()[0];
const applied = await apply();
const applyLoad = os.loadavg()[0];
console.log(
  JSON.stringify({
    acknowledgeSeconds: acknowledged.seconds,
    applySeconds: applied.seconds,
    statuses: acknowledged.statuses,
    failedJobs: applied.failedJobs,
    jobConcurrency: env.JOB_CONCURRENCY,
    acknowledgeLoad,
    applyLoad,
  }),
);
process.exit(0);
