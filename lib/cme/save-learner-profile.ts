import 'server-only';
import { db } from '@/lib/db';
import { readLicences, type LearnerProfileInput } from './learner-profile-input';

/** Stores the profile; each detail only under its consent flag, so unticking a box erases that detail. */
export async function saveLearnerProfile(userId: string, input: LearnerProfileInput): Promise<void> {
  const hasBirth = input.birthConsent && Boolean(input.birthMonth) && Boolean(input.birthDay);
  const data = {
    npi: input.npiConsent ? input.npi : null,
    npiConsent: input.npiConsent,
    boardName: input.boardConsent ? input.boardName : null,
    boardId: input.boardConsent ? input.boardId : null,
    boardConsent: input.boardConsent,
    birthMonth: hasBirth ? (input.birthMonth ?? null) : null,
    birthDay: hasBirth ? (input.birthDay ?? null) : null,
    birthConsent: input.birthConsent,
    licencesConsent: input.licencesConsent,
  };
  const licences = input.licencesConsent ? readLicences(input) : [];
  await db.$transaction([
    db.cmeLearnerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    db.cmeStateLicence.deleteMany({ where: { userId } }),
    db.cmeStateLicence.createMany({ data: licences.map((l) => ({ userId, ...l })) }),
  ]);
}
