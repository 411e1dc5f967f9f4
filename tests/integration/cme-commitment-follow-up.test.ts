// The Commitment-to-Change follow-up as a background job, on the real database and queue, with the
// server's clock moved forward (lib/clock.ts through moveTestClock, as the e2e server's
// /api/test-clock does) and a local SMTP stand-in: asked once, four weeks after the commitment (as
// configured), never twice, answered from the emailed link, and shown in the admin's CME report.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  // Read by lib/env when it is first imported.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.TEST_CLOCK_ENABLED = 'true';
  return port;
});

import { db } from '@/lib/db';
import { now } from '@/lib/clock';
import { completionsToCsv, listCmeCompletions } from '@/lib/admin/cme-report';
import { claimCredit } from '@/lib/cme/claim-credit';
import { DAY_MS, FOLLOW_UP_ANSWERS } from '@/lib/cme/follow-up-email';
import { findFollowUpByToken, recordFollowUpAnswer } from '@/lib/cme/record-follow-up-answer';
import { saveCommitment } from '@/lib/cme/save-commitment';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { summarizeFollowUps } from '@/lib/cme/summarize-follow-ups';
import { env } from '@/lib/env';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import { moveTestClock } from '@/lib/jobs/move-test-clock';
import { seedCme } from '@/prisma/seed/seed-cme';
import { findSeedActivity, passQuiz, type QuizActivity } from '../support/cme-learners';
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';
import { startSmtpStandIn, type SmtpStandIn } from '../support/smtp-stand-in';

const MINUTE = 60_000;
let smtp: SmtpStandIn;
let activity: QuizActivity;
let activityId: string;

async function passedAttempt(email: string, name: string) {
  const userId = (await db.user.create({ data: { email, name, passwordHash: 'x' } })).id;
  return { userId, attemptId: await passQuiz({ userId, activity, now: now() }) };
}

const followUpJob = async (attemptId: string) =>
  (
    await db.$queryRaw<{ runAt: Date }[]>`
      SELECT run_at AS "runAt" FROM graphile_worker.jobs WHERE key = ${`cme-follow-up:${attemptId}`}`
  )[0] ?? null;

/** Runs due jobs until none is left (the follow-up job queues its send-email job). */
async function runDueJobs() {
  await runQueuedJobs();
  await runQueuedJobs();
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtpStandIn(smtpPort);
});
afterAll(async () => {
  await moveTestClock(0);
  await smtp.close();
});
beforeEach(async () => {
  await moveTestClock(0);
  await resetDatabase();
  await seedCme();
  activity = await findSeedActivity();
  activityId = activity.id;
});

describe('Commitment-to-Change follow-up', () => {
  it('asks once, when the delay has passed by the server clock, and an edit before then moves it', async () => {
    expect(env.CME_FOLLOW_UP_DELAY_DAYS).toBe(28);
    const { userId, attemptId } = await passedAttempt('ada@example.org', 'Ada Learner, MD');
    const committedAt = now();
    await saveCommitment({ userId, attemptId, commitment: 'Stop IVIG in suspected DRESS.', now: committedAt });
    const job = await followUpJob(attemptId);
    expect(job?.runAt.getTime()).toBe(committedAt.getTime() + 28 * DAY_MS);

    await runDueJobs();
    await moveTestClock(27 * DAY_MS);
    await runDueJobs();
    expect(mailsTo('ada@example.org')).toHaveLength(0);
    expect(await db.cmeCommitmentFollowUp.count()).toBe(0);

    // Edited on day 27: asked 28 days after the edit, not on day 28.
    const editedAt = now();
    await saveCommitment({
      userId,
      attemptId,
      commitment: 'Stop IVIG in DRESS; patch-test at 6 weeks.',
      now: editedAt,
    });
    expect((await followUpJob(attemptId))?.runAt.getTime()).toBe(editedAt.getTime() + 28 * DAY_MS);
    await moveTestClock(28 * DAY_MS + MINUTE);
    await runDueJobs();
    expect(mailsTo('ada@example.org')).toHaveLength(0);

    await moveTestClock(55 * DAY_MS + MINUTE);
    await runDueJobs();
    expect(mailsTo('ada@example.org')).toHaveLength(1);
    const row = await db.cmeCommitmentFollowUp.findUniqueOrThrow({ where: { attemptId } });
    expect(row).toMatchObject({ commitment: 'Stop IVIG in DRESS; patch-test at 6 weeks.', answer: null });
    expect(await followUpJob(attemptId)).toBeNull();

    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: 'ada@example.org' } });
    const { title } = await db.cmeActivity.findUniqueOrThrow({ where: { id: activityId } });
    expect(email.subject).toBe(`Did you make the change? Your commitment from “${title}”`);
    expect(email.text).toContain('4 weeks ago');
    expect(email.text).toContain('> Stop IVIG in DRESS; patch-test at 6 weeks.');
    // One link per answer, each naming the answer, all with the same single-purpose token.
    const links = [...email.text.matchAll(/https?:\/\/\S+\/cme\/follow-up\?token=([\w-]+)&answer=(\w+)/g)];
    expect(links.map((l) => l[2])).toEqual([...FOLLOW_UP_ANSWERS]);
    expect(new Set(links.map((l) => l[1])).size).toBe(1);
    expect(links[0]![0].startsWith(env.SITE_URL)).toBe(true);

    // Never twice: later runs, a duplicate job and an edit after the email send nothing more.
    await moveTestClock(120 * DAY_MS);
    await saveCommitment({ userId, attemptId, commitment: 'Changed my mind again.', now: now() });
    expect(await followUpJob(attemptId)).toBeNull();
    await db.$transaction((tx) =>
      enqueueJobs(tx, [{ task: 'send-cme-follow-up', payload: { attemptId }, key: `cme-follow-up:${attemptId}` }]),
    );
    await runDueJobs();
    expect(mailsTo('ada@example.org')).toHaveLength(1);
    expect(await db.cmeCommitmentFollowUp.count()).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: 'ada@example.org' } })).toBe(1);
  });

  it('asks nothing about a commitment cleared before it was due', async () => {
    const { userId, attemptId } = await passedAttempt('bo@example.org', 'Bo Learner, DO');
    await saveCommitment({ userId, attemptId, commitment: 'Use the SCORTEN score.', now: now() });
    expect(await followUpJob(attemptId)).not.toBeNull();
    await saveCommitment({ userId, attemptId, commitment: '   ', now: now() });
    expect(await followUpJob(attemptId)).toBeNull();
    await moveTestClock(60 * DAY_MS);
    await runDueJobs();
    expect(mailsTo('bo@example.org')).toHaveLength(0);
    expect(await db.cmeCommitmentFollowUp.count()).toBe(0);
  });

  it('records the answer from the emailed link only when given, and shows it in the admin report and CSV', async () => {
    const { userId, attemptId } = await passedAttempt('cy@example.org', 'Cy Learner, MD');
    await saveEvaluation({
      userId,
      input: { attemptId, objectivesMet: '4', isRelevant: 'yes', isFreeOfBias: 'yes' },
      now: now(),
    });
    await claimCredit({ userId, attemptId, credits: '1', now: now() });
    await saveCommitment({ userId, attemptId, commitment: 'Check drug history for DRESS.', now: now() });
    const [before] = await listCmeCompletions({ activityId, from: '', to: '' });
    expect(before).toMatchObject({
      commitment: 'Check drug history for DRESS.',
      followUpSentOn: '',
      followUpAnswer: '',
    });

    await moveTestClock(28 * DAY_MS + MINUTE);
    await runDueJobs();
    const text = (await db.outboxEmail.findFirstOrThrow({ where: { to: 'cy@example.org' } })).text;
    const token = /follow-up\?token=([\w-]+)&answer=partly/.exec(text)![1]!;

    // Opening the link (the page reads the follow-up) records nothing: mail scanners open links.
    expect(await findFollowUpByToken(token)).toMatchObject({
      commitment: 'Check drug history for DRESS.',
      activityTitle: expect.stringContaining('Intravenous Immunoglobulin') as unknown,
      answer: null,
    });
    expect((await db.cmeCommitmentFollowUp.findFirstOrThrow()).answeredAt).toBeNull();
    expect(await findFollowUpByToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    await expect(
      recordFollowUpAnswer({ token: 'x'.repeat(43), answer: 'implemented', barriers: null }, now()),
    ).rejects.toThrow(/not valid/);

    await recordFollowUpAnswer({ token, answer: 'partly', barriers: 'The formulary lacks patch tests.' }, now());
    const [after] = await listCmeCompletions({ activityId, from: '', to: '' });
    expect(after).toMatchObject({
      followUpSentOn: now().toISOString().slice(0, 10),
      followUpAnswer: 'Partly',
      followUpBarriers: 'The formulary lacks patch tests.',
      followUpAnsweredOn: now().toISOString().slice(0, 10),
    });
    const csv = completionsToCsv([after!]).split('\r\n');
    expect(csv[0]).toContain('Commitment to Change,Follow-up sent,Change made?,Barriers,Answered on');
    expect(csv[1]).toContain('Check drug history for DRESS.');
    expect(csv[1]).toContain('Partly,The formulary lacks patch tests.');
    expect(await summarizeFollowUps({ activityId })).toEqual([
      expect.objectContaining({ commitments: 1, asked: 1, answered: 1, partly: 1, implemented: 0, barriers: 0 }),
    ]);

    // A second press (or a changed mind) keeps one answer, the latest.
    await recordFollowUpAnswer({ token, answer: 'implemented', barriers: null }, now());
    expect(await db.cmeCommitmentFollowUp.findFirstOrThrow()).toMatchObject({ answer: 'implemented', barriers: null });
    expect(mailsTo('cy@example.org')).toHaveLength(1);
  });
});
