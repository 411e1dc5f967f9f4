import 'server-only';
import { env } from '@/lib/env';
import type { Email } from '@/lib/email/queue-emails';
import { unsubscribeUrl, type AlertSubscription } from './unsubscribe-token';

/**
 * An alert email as every alert goes out: a footer with its own one-click unsubscribe link (no
 * sign-in needed) and the Alerts page, and the same link for the RFC 8058 List-Unsubscribe headers.
 */
export function alertEmail(email: Omit<Email, 'unsubscribeUrl'>, subscription: AlertSubscription): Email {
  const unsubscribe = unsubscribeUrl(subscription);
  const manage = new URL('/account/alerts', env.SITE_URL).toString();
  return {
    ...email,
    text: `${email.text.trimEnd()}\n\n--\nUnsubscribe from these emails: ${unsubscribe}\nAll your alerts: ${manage}\n`,
    unsubscribeUrl: unsubscribe,
  };
}
