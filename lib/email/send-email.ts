import 'server-only';
import { db } from '@/lib/db';
import { queueEmails, type Email } from './queue-emails';

export type { Email };

/**
 * Queues an email: the outbox row (tests and operators read links there) and its `send-email`
 * job are written together; a worker sends it through SMTP, with retries, or prints it to the
 * server log when SMTP_URL is not set (lib/email/deliver-email.ts). Nobody waits on SMTP.
 */
export async function sendEmail(email: Email): Promise<void> {
  await queueEmails(db, [email]);
}
