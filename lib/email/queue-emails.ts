import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';

export type Email = { to: string; subject: string; text: string };

/** The job that delivers an outbox email is keyed by the row, so /admin/jobs can show what it was. */
export const emailJobKey = (outboxEmailId: string) => `email:${outboxEmailId}`;

/**
 * Writes the emails to the outbox (status `queued`) and queues one `send-email` job each, in the
 * caller's transaction: an email is queued exactly when what caused it is committed.
 */
export async function queueEmails(tx: Prisma.TransactionClient, emails: Email[]): Promise<void> {
  if (emails.length === 0) return;
  const rows = await tx.outboxEmail.createManyAndReturn({ data: emails, select: { id: true } });
  await enqueueJobs(
    tx,
    rows.map(({ id }) => ({
      task: 'send-email',
      payload: { outboxEmailId: id },
      key: emailJobKey(id),
      maxAttempts: env.EMAIL_MAX_ATTEMPTS,
    })),
  );
}
