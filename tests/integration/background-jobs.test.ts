// Emails as background jobs on the real database: sent once by one of several workers, retried
// with backoff while SMTP refuses, listed as failed after the last attempt, and sent when an admin
// retries it. SMTP is a local stand-in on a port of this file's own; closed, it refuses.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  // Read by lib/env when it is first imported: two attempts, so the last one comes e^1 s after the first.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.EMAIL_MAX_ATTEMPTS = '2';
  return port;
});

import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { sendEmail } from '@/lib/email/send-email';
import { listJobFailures, retryFailedJob } from '@/lib/admin/job-failures';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import { startJobWorkers, type JobWorkers } from '@/lib/jobs/start-job-workers';
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';
import { startSmtpStandIn, type SmtpStandIn } from '../support/smtp-stand-in';

type QueuedJob = { attempts: number; runAt: Date; lastError: string | null };
const jobOf = async (outboxEmailId: string) =>
  (
    await db.$queryRaw<QueuedJob[]>`
      SELECT attempts, run_at AS "runAt", last_error AS "lastError" FROM graphile_worker.jobs
      WHERE key = ${`email:${outboxEmailId}`}`
  )[0];

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let smtp: SmtpStandIn | null = null;
let admin: CurrentUser;

beforeEach(async () => {
  await resetDatabase();
  const a = await db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
  });
  admin = { id: a.id, name: a.name, email: a.email, role: 'admin', emailVerified: true, sessionId: 'test-session' };
});
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

describe('emails as jobs', () => {
  let workers: JobWorkers[] = [];
  beforeAll(() => {
    workers = [];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
  });

  it('sends each queued email exactly once with two workers on one database, and keeps no job', async () => {
    smtp = await startSmtpStandIn(smtpPort);
    const to = Array.from({ length: 30 }, (_, i) => `reader${i}@example.org`);
    for (const address of to) await sendEmail({ to: address, subject: 'Hello', text: `For ${address}` });
    // Queued, not sent, when sendEmail returns: nothing a reader does waits on SMTP.
    expect(await db.outboxEmail.count({ where: { status: 'queued' } })).toBe(30);
    expect(smtp.received).toHaveLength(0);

    workers = await Promise.all([startJobWorkers(), startJobWorkers()]);
    await waitFor(async () => (await db.outboxEmail.count({ where: { status: 'sent' } })) === 30);
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([...to].sort());
    const rows = await db.outboxEmail.findMany();
    expect(rows.every((r) => r.sentAt !== null && r.error === null)).toBe(true);
    expect(await db.$queryRaw<unknown[]>`SELECT id FROM graphile_worker.jobs`).toEqual([]);
  });

  it('retries with a growing wait while SMTP refuses, lists the email as failed, and sends it when an admin retries', async () => {
    await sendEmail({ to: 'dana@example.org', subject: 'Verify your address', text: 'link' });
    const row = await db.outboxEmail.findFirstOrThrow({ where: { to: 'dana@example.org' } });

    await runQueuedJobs(); // first attempt: connection refused
    const afterFirst = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterFirst).toMatchObject({ status: 'queued', sentAt: null });
    expect(afterFirst.error).toMatch(/ECONNREFUSED/);
    const job = await jobOf(row.id);
    expect(job?.attempts).toBe(1);
    // graphile-worker's backoff: the next attempt e^1 ≈ 2.7 s later, not at once.
    expect(job!.runAt.getTime() - Date.now()).toBeGreaterThan(1500);
    await runQueuedJobs();
    expect((await jobOf(row.id))?.attempts).toBe(1); // not due yet: nothing ran

    await waitFor(async () => (await jobOf(row.id))!.runAt.getTime() <= Date.now());
    await runQueuedJobs(); // the last attempt
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'failed' });
    const failures = await listJobFailures();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      task: 'send-email',
      to: 'dana@example.org',
      subject: 'Verify your address',
      attempts: 2,
    });
    expect(failures[0]?.lastError).toMatch(/ECONNREFUSED/);

    smtp = await startSmtpStandIn(smtpPort);
    await expect(retryFailedJob(admin, { jobId: failures[0]!.id })).resolves.toEqual({ retried: failures[0]!.id });
    await expect(retryFailedJob(admin, { jobId: failures[0]!.id })).rejects.toThrow(/has not failed/);
    await runQueuedJobs();
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'sent',
      error: null,
    });
    expect(smtp.received.map((m) => m.to)).toEqual([['dana@example.org']]);
    expect(await listJobFailures()).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'job.retry' } });
    expect(audit).toMatchObject({ actorEmail: 'admin@example.org', targetType: 'Job', targetId: failures[0]!.id });
    await expect(retryFailedJob(admin, { jobId: '999999999' })).rejects.toThrow(/No job has this number/);
  });
});

describe('a job enqueued again under its key', () => {
  const runAtOf = async (key: string) =>
    (await db.$queryRaw<{ runAt: Date }[]>`SELECT run_at AS "runAt" FROM graphile_worker.jobs WHERE key = ${key}`)[0]
      ?.runAt;
  const later = () => new Date(Date.now() + 300_000);

  it('moves the waiting job to its new time, unless asked to keep the waiting job’s (a due Stripe drain stays due)', async () => {
    const job = (key: string, runAt?: Date, keepsWaitingJobsTime?: boolean) => ({
      task: 'apply-stripe-events' as const,
      payload: { objectId: key },
      key,
      runAt,
      keepsWaitingJobsTime,
    });
    await enqueueJobs(db, [job('moved'), job('kept')]);
    const due = (await runAtOf('kept'))!;
    expect(due.getTime()).toBeLessThanOrEqual(Date.now());

    await enqueueJobs(db, [job('moved', later()), job('kept', later(), true)]);
    expect((await runAtOf('moved'))!.getTime()).toBeGreaterThan(Date.now() + 200_000);
    expect(await runAtOf('kept')).toEqual(due);
    // With nothing waiting under the key, the time asked for is the job's.
    await enqueueJobs(db, [job('new', later(), true)]);
    expect((await runAtOf('new'))!.getTime()).toBeGreaterThan(Date.now() + 200_000);
  });
});
