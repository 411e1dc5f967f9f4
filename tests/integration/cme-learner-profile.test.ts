import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getLearnerProfile } from '@/lib/cme/get-learner-profile';
import { learnerProfileSchema } from '@/lib/cme/learner-profile-input';
import { saveLearnerProfile } from '@/lib/cme/save-learner-profile';
import { seedCme } from '@/prisma/seed/seed-cme';
import { resetDatabase } from '../support/reset-db';

const form = (fields: Record<string, string>) => learnerProfileSchema.parse(fields);

describe('learner profile', () => {
  let userId: string;
  beforeEach(async () => {
    await resetDatabase();
    await seedCme();
    userId = (await db.user.create({ data: { email: 'learner@example.com', name: 'Ada Learner', passwordHash: 'x' } }))
      .id;
  });

  it('keeps each detail only with its own consent, and erases it when consent is withdrawn', async () => {
    await saveLearnerProfile(
      userId,
      form({
        npi: '1234567893',
        npiConsent: 'on',
        boardName: 'American Board of Dermatology',
        boardId: 'ABD-1',
        birthMonth: '2',
        birthDay: '29',
        birthConsent: 'on',
        licencesConsent: 'on',
        licenceState0: 'FL',
        licenceNumber0: 'ME 12345',
        licenceState1: 'CA',
        licenceNumber1: '',
      }),
    );
    let profile = await getLearnerProfile(userId);
    expect(profile).toMatchObject({ npi: '1234567893', boardId: null, boardName: null, birthMonth: 2, birthDay: 29 });
    expect(profile?.licences.map((l) => [l.stateCode, l.number])).toEqual([['FL', 'ME 12345']]);

    await saveLearnerProfile(userId, form({ npi: '1234567893', birthMonth: '2', birthDay: '29', birthConsent: 'on' }));
    profile = await getLearnerProfile(userId);
    expect(profile).toMatchObject({ npi: null, npiConsent: false, birthMonth: 2, licencesConsent: false });
    expect(profile?.licences).toEqual([]);
  });

  it('refuses malformed details', () => {
    expect(learnerProfileSchema.safeParse({ npi: '12345' }).success).toBe(false);
    expect(learnerProfileSchema.safeParse({ birthMonth: '2', birthDay: '30' }).success).toBe(false);
    expect(learnerProfileSchema.safeParse({ birthMonth: '4', birthDay: '0' }).success).toBe(false);
    expect(learnerProfileSchema.safeParse({ licenceState0: 'Florida' }).success).toBe(false);
  });
});
