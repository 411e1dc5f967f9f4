import 'server-only';
import { db } from '@/lib/db';

/** Activities open at `now`, newest first: public facts only. */
export async function listActivities(now: Date) {
  return db.cmeActivity.findMany({
    where: { releaseAt: { lte: now }, expiresAt: { gte: now } },
    orderBy: [{ releaseAt: 'desc' }, { title: 'asc' }],
    select: {
      id: true,
      title: true,
      creditType: true,
      maxCreditQuarters: true,
      expiresAt: true,
      _count: { select: { questions: true } },
    },
  });
}
