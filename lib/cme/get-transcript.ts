import 'server-only';
import { db } from '@/lib/db';
import type { TranscriptEntry } from './summarize-transcript';

/** Every activity the learner has claimed credit for, as its certificate states it. */
export async function getTranscript(userId: string): Promise<TranscriptEntry[]> {
  const certificates = await db.cmeCertificate.findMany({
    where: { claim: { userId }, revokedAt: null },
    orderBy: { completedAt: 'desc' },
  });
  return certificates.map((c) => ({
    completedAt: c.completedAt,
    activityTitle: c.activityTitle,
    creditType: c.creditType,
    creditQuarters: c.creditQuarters,
    certificateId: c.id,
  }));
}
