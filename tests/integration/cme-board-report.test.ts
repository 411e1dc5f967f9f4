import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { formatParsFile } from '@/lib/cme/board-report-rows';
import { buildBoardReport } from '@/lib/cme/build-board-report';
import { claimCredit } from '@/lib/cme/claim-credit';
import { learnerProfileSchema } from '@/lib/cme/learner-profile-input';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { saveLearnerProfile } from '@/lib/cme/save-learner-profile';
import { seedCme } from '@/prisma/seed/seed-cme';
import { findSeedActivity, passQuiz, type QuizActivity } from '../support/cme-learners';
import { resetDatabase } from '../support/reset-db';

const NOW = new Date('2026-11-25T12:00:00Z');
const ALL = { activityId: '', from: '', to: '' };

/** A learner who passes the quiz, evaluates it and claims full credit, as the pages do it. */
async function complete(name: string, activity: QuizActivity, profile?: object) {
  const user = await db.user.create({ data: { email: `${name.split(' ')[0]}@example.com`, name, passwordHash: 'x' } });
  if (profile) await saveLearnerProfile(user.id, learnerProfileSchema.parse(profile));
  const attemptId = await passQuiz({ userId: user.id, activity, now: NOW });
  const evaluation = { attemptId, objectivesMet: 5, isRelevant: 'yes', isFreeOfBias: 'yes' };
  await saveEvaluation({ userId: user.id, input: evaluation, now: NOW });
  return claimCredit({ userId: user.id, attemptId, credits: '1', now: NOW });
}

describe('board reporting export', () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedCme();
  });

  it('validates every completion: consented ABIM and ABP diplomates go out, the rest are refused with why', async () => {
    const heart = await findSeedActivity('A Proposed Model');
    const skin = await findSeedActivity('Intravenous Immunoglobulin');
    const shared = { boardConsent: 'on', birthConsent: 'on', birthMonth: '2', birthDay: '29' };
    await complete('Ada Internist, MD', heart, { ...shared, boardName: 'ABIM', boardId: '123456' });
    const unshared = await complete('Bo Private, MD', heart);
    await complete('Cy Paediatrician, MD', skin, {
      ...shared,
      boardName: 'American Board of Pediatrics',
      boardId: '4321',
    });
    // Board id given but consent to share it not ticked: not stored, so not reported.
    const unticked = await complete('Di Unticked, DO', skin, {
      boardName: 'ABIM',
      boardId: '654321',
      birthConsent: 'on',
      birthMonth: '1',
      birthDay: '2',
    });

    const pars = await buildBoardReport('pars', ALL);
    expect(formatParsFile(pars.rows)).toBe(
      `${heart.id}\tAda\tInternist\tABIM\t123456\t2\t29\t11/25/2026\t1.00\t1\r\n` +
        `${skin.id}\tCy\tPaediatrician\tABP\t4321\t2\t29\t11/25/2026\t1.00\t\r\n`,
    );
    expect(pars.refused).toEqual([
      {
        certificateId: unshared.certificateId,
        learnerName: 'Bo Private, MD',
        activityTitle: heart.title,
        reasons: [
          'the learner has not shared a certifying board and board id',
          'the learner has not shared a month and day of birth',
        ],
      },
      expect.objectContaining({
        certificateId: unticked.certificateId,
        reasons: ['the learner has not shared a certifying board and board id'],
      }),
    ]);

    // ABIM MOC: only the activity that carries MOC points.
    const moc = await buildBoardReport('abim-moc', ALL);
    expect(moc.rows).toEqual([expect.objectContaining({ boardId: '123456', mocPoints: 1, lastName: 'Internist' })]);
    expect(moc.refused.map((r) => r.learnerName)).toEqual(['Bo Private, MD']);

    // The filter applies: nothing claimed after the day of the claims.
    expect(await buildBoardReport('pars', { ...ALL, from: '2026-11-26' })).toEqual({ rows: [], refused: [] });
    expect((await buildBoardReport('pars', { ...ALL, activityId: skin.id })).rows).toHaveLength(1);
  });
});
