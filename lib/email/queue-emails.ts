import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';

export type Email = {
  to: string;
  subject: string;
  text: string;
  /** An alert's one-click unsubscribe address (lib/alerts/unsubscribe-token.ts), sent as RFC 8058 headers. */
  unsubscribeUrl?: string;
};

/** The job that delivers an outbox email is keyed by the row, so /admin/jobs can show what it was. */
export const emailJobKey = (outboxEmailId: string) => `email:${outboxEmailId}`;

type Client = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Writes the emails to the outbox (status `queued`) and queues one `send-email` job each, in one
 * statement: both or neither, and no interactive transaction, which on the embedded database
 * holds its single session across round trips (20 concurrent sign-ups then time out waiting).
 * Inside a caller's transaction (`tx`), the emails are queued exactly when it commits.
 */
export async function queueEmails(client: Client, emails: Email[]): Promise<void> {
  if (emails.length === 0) return;
  await client.$executeRaw`
    WITH email AS (
      INSERT INTO "OutboxEmail" ("id", "to", "subject", "text", "unsubscribeUrl")
      SELECT * FROM unnest(${emails.map(() => randomUUID())}::text[], ${emails.map((e) => e.to)}::text[],
                           ${emails.map((e) => e.subject)}::text[], ${emails.map((e) => e.text)}::text[],
                           ${emails.map((e) => e.unsubscribeUrl ?? null)}::text[])
      RETURNING "id"
    )
    SELECT graphile_worker.add_job('send-email', json_build_object('outboxEmailId', email.id),
             max_attempts => ${env.EMAIL_MAX_ATTEMPTS}::int, job_key => ${emailJobKey('')} || email.id)
    FROM email`;
}
