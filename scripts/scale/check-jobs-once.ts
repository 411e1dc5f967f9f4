// Scale-out check for background jobs: emails queued while two instances run workers on one
// PostgreSQL are each delivered exactly once (SMTP is a local stand-in that keeps every message).
import { check } from './checks';
import type { SmtpStandIn } from '../../tests/support/smtp-stand-in';

const EMAILS = 200;

/** Resolves when `isDone` says so; false after `timeoutMs`. */
export async function waitUntil(isDone: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await isDone()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export async function checkJobsRunOnce(smtp: SmtpStandIn): Promise<void> {
  const { db } = await import('../../lib/db');
  const { sendEmail } = await import('../../lib/email/send-email');
  const tag = `scale-${Date.now()}`;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: EMAILS }, (_, i) =>
      sendEmail({ to: `reader${i}@${tag}.example.org`, subject: `Scale ${tag}`, text: 'One of many.' }),
    ),
  );
  const mine = () => smtp.received.filter((m) => m.to[0]?.endsWith(`@${tag}.example.org`));
  const isDone = await waitUntil(
    async () => (await db.outboxEmail.count({ where: { subject: `Scale ${tag}`, status: 'sent' } })) === EMAILS,
    60_000,
  );
  const seconds = (Date.now() - started) / 1000;
  const recipients = mine().map((m) => m.to[0]);
  check(
    `jobs: ${EMAILS} emails queued with two instances' workers running are all sent`,
    isDone,
    `${recipients.length} received in ${seconds.toFixed(1)} s`,
  );
  check(
    '… each exactly once across the instances',
    recipients.length === EMAILS && new Set(recipients).size === EMAILS,
    `${recipients.length} messages for ${new Set(recipients).size} recipients`,
  );
}
