import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';

export const PAYMENTS_UNAVAILABLE =
  'Online payment is not available on this site yet. Please contact the journal office to subscribe or buy access.';

/** Whether the local test-payment provider may run: it gives access away (see lib/env-schema.ts). */
export function areTestPaymentsOn(): boolean {
  return env.PAYMENT_PROVIDER === 'test';
}

/** Every entry of the local provider checks this on the server, not only the pages that link to it. */
export function requireTestPayments(): void {
  if (!areTestPaymentsOn()) throw new AppError(PAYMENTS_UNAVAILABLE, 'unavailable', 'payments_unavailable');
}
