import 'server-only';
import { db } from '@/lib/db';

/** Every state with how many CME topic requirements are on record for it. */
export async function listCmeStates() {
  return db.cmeState.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { requirements: true } } } });
}

/** One state's topic requirements and the activities that count toward each. */
export async function getCmeState(code: string) {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  return db.cmeState.findUnique({
    where: { code },
    include: {
      requirements: {
        orderBy: { topic: 'asc' },
        include: { activities: { select: { activity: { select: { id: true, title: true, expiresAt: true, maxCreditQuarters: true, creditType: true } } } } },
      },
    },
  });
}
