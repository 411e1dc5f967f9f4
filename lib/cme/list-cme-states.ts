import 'server-only';
import { db } from '@/lib/db';

/** Every state with how many CME topic requirements are on record for it. */
export async function listCmeStates() {
  return db.cmeState.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { requirements: true } } } });
}
