// Child process of `npm run bench:webhooks`: the app's side. Loads the webhook route handler and
// delivers the signed events from the file named in argv[2], CONCURRENCY at a time. Runs apart
// from the database process, as under `npm start`. Prints one JSON line: seconds and statuses.
import fs from 'node:fs';
import { webhookRequest, type TestEvent } from '../../tests/support/stripe-events';

async function main() {
  const deliveries = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as TestEvent[];
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
  const { POST } = await import('@/app/api/stripe/webhook/route');
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const response = await POST(webhookRequest(deliveries[next++]!));
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, statuses }));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
