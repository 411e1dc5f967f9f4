// Child process of `npm run bench:webhooks`: the app's side. Loads the webhook route handler and
// delivers the signed events from the file named in argv[2], CONCURRENCY at a time: the warm-up
// round, then the timed one. Runs apart from the database process, as under `npm start`. Prints
// one JSON line: the timed round's seconds and statuses.
import fs from 'node:fs';
import { signedDelivery, type TestEvent } from '../../tests/support/stripe-events';

const { POST } = await import('@/app/api/stripe/webhook/route');
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);

/** Delivers every event, `concurrency` at a time; returns the seconds taken and the statuses. */
async function deliver(events: TestEvent[]) {
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

const rounds = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as { warmUp: TestEvent[]; measured: TestEvent[] };
const warmUp = await deliver(rounds.warmUp);
if ((warmUp.statuses[200] ?? 0) !== rounds.warmUp.length)
  throw new Error(`Warm-up failed: ${JSON.stringify(warmUp.statuses)}`);
console.log(JSON.stringify(await deliver(rounds.measured)));
process.exit(0);
