import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

// Bounded waits: a job must end well inside JOB_STALE_LOCK_SECONDS, after which another instance
// would take it for abandoned (nodemailer's own defaults wait up to 10 minutes).
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

let transport: Transporter | null = null;
const smtp = (url: string) => (transport ??= nodemailer.createTransport({ url, ...SMTP_TIMEOUTS }));

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the address
 * (app/unsubscribe/[token]/route.ts), with no page to click through. Only alerts carry one.
 */
function unsubscribeHeaders({ unsubscribeUrl }: { unsubscribeUrl: string | null }): Record<string, string> {
  if (!unsubscribeUrl) return {};
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export type Attempt = { number: number; isLast: boolean };

/**
 * The `send-email` job: sends one outbox email, once. An email already sent (a retried job, a
 * second delivery of the job) is left alone. A failure is written on the row and thrown, so the
 * queue retries it; after the last attempt the row is `failed` and the job stays on /admin/jobs.
 */
export async function deliverEmail(outboxEmailId: string, attempt: Attempt): Promise<void> {
  const email = await db.outboxEmail.findUnique({ where: { id: outboxEmailId } });
  if (!email || email.status === 'sent' || email.status === 'logged') return;
  const { to, subject, text } = email;
  if (!env.SMTP_URL) {
    console.log(`[email to ${to}] ${subject}\n${text}\n`);
    await db.outboxEmail.update({ where: { id: email.id }, data: { status: 'logged', error: null } });
    return;
  }
  try {
    await smtp(env.SMTP_URL).sendMail({ from: env.EMAIL_FROM, to, subject, text, headers: unsubscribeHeaders(email) });
  } catch (error) {
    const status = attempt.isLast ? 'failed' : 'queued';
    await db.outboxEmail.update({ where: { id: email.id }, data: { status, error: String(error) } });
    throw error;
  }
  await db.outboxEmail.update({ where: { id: email.id }, data: { status: 'sent', sentAt: new Date(), error: null } });
}
