import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy for the before/after columns (dates as ISO strings, no functions). */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Writes one audit event in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, actor: CurrentUser, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
