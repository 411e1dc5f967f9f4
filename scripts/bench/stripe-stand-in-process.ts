// Child process of `npm run bench:webhooks`: the Stripe stand-in, apart from the database and the
// app (Stripe is remote in production). Loads the subscriptions from argv[2], prints its URL.
import fs from 'node:fs';
import { startStripeStandIn } from '../../tests/support/stripe-stand-in';

const standIn = await startStripeStandIn();
for (const subscription of JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<string, unknown>[]) {
  standIn.putSubscription(subscription);
}
console.log(standIn.url);
process.on('SIGTERM', () => void standIn.close().then(() => process.exit(0)));
