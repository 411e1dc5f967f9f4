import 'server-only';
import { db } from '@/lib/db';

export type HistoryEntry = { id: string; at: Date; by: string; action: string; summary: string };

export const HISTORY_PAGE_SIZE = 50;

/**
 * Audited changes to the institution, newest first: the portal's own (recordPortalAudit) and our
 * staff's (admin console). A librarian sees who of their institution made a change; a change by
 * our staff is shown as such, without a staff member's address.
 */
export async function listPortalHistory(
  institutionId: string,
  {
    actionPrefix,
    page = 1,
    pageSize = HISTORY_PAGE_SIZE,
  }: { actionPrefix?: string; page?: number; pageSize?: number } = {},
): Promise<{ entries: HistoryEntry[]; hasMore: boolean }> {
  const rows = await db.auditEvent.findMany({
    where: {
      targetType: 'Institution',
      targetId: institutionId,
      ...(actionPrefix ? { action: { startsWith: actionPrefix } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: { id: true, createdAt: true, actorEmail: true, action: true, summary: true },
  });
  return {
    entries: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      at: r.createdAt,
      by: r.action.startsWith('librarian.') ? r.actorEmail : 'Publisher staff',
      action: r.action,
      summary: r.summary,
    })),
    hasMore: rows.length > pageSize,
  };
}
