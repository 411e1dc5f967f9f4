import 'server-only';
import { db } from '@/lib/db';

export async function getLearnerProfile(userId: string) {
  return db.cmeLearnerProfile.findUnique({
    where: { userId },
    include: { licences: { orderBy: { stateCode: 'asc' } } },
  });
}
