import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { recordAudit, type AuditEntry } from '@/lib/admin/record-audit';
import type { Librarian } from './require-librarian';

/**
 * Audits a change made in the librarian portal, in the change's own transaction. Every entry is
 * filed under the institution (targetType "Institution", its id), which is what the portal's
 * Change history lists, so a section's changes appear there without anything else.
 */
export async function recordPortalAudit(
  tx: Prisma.TransactionClient,
  librarian: Librarian,
  entry: Omit<AuditEntry, 'targetType' | 'targetId'>,
): Promise<void> {
  await recordAudit(tx, librarian.user, {
    ...entry,
    targetType: 'Institution',
    targetId: librarian.institution.id,
  });
}
