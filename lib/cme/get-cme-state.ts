import 'server-only';
import { db } from '@/lib/db';

/** One state's topic requirements and the activities that count toward each; null for an unknown code. */
export async function getCmeState(code: string) {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  return db.cmeState.findUnique({
    where: { code },
    include: {
      requirements: {
        orderBy: { topic: 'asc' },
        include: {
          activities: {
            select: {
              activity: {
                select: { id: true, title: true, expiresAt: true, maxCreditQuarters: true, creditType: true },
              },
            },
          },
        },
      },
    },
  });
}
