import { db } from '@/lib/db';

const YEAR_MS = 365 * 24 * 3600_000;

/** Society member records on the annual plan, each valid for a year unless its `expiresAt` says otherwise. */
export async function createMemberRecords(
  records: { memberNumber: string; lastName: string; activationCode?: string; expiresAt?: Date }[],
) {
  await db.memberRecord.createMany({
    data: records.map((r) => ({ plan: 'annual', expiresAt: new Date(Date.now() + YEAR_MS), ...r })),
  });
}
