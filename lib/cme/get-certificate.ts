import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';

export const certificateIdSchema = z.string().regex(/^CME-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

/** A certificate as issued, with its owner (for the owner-only PDF); null for an unknown or malformed id. */
export async function getCertificate(id: string) {
  if (!certificateIdSchema.safeParse(id).success) return null;
  return db.cmeCertificate.findUnique({
    where: { id },
    include: {
      claim: {
        select: { userId: true, activityId: true, activity: { select: { maxCreditQuarters: true } } },
      },
    },
  });
}

export type Certificate = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;
