// Background jobs: 1,000 emails queued through sendEmail (outbox row + send-email job, one
// transaction each, 20 at once), then sent by one instance's workers (JOB_CONCURRENCY) through a
// local SMTP stand-in. Fresh in-memory embedded database in this process; BENCH_DATABASE_URL runs
// it on an empty PostgreSQL database instead (migrated here). BENCH_JOBS changes the count.
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';
import { startSmtpStandIn } from '../../tests/support/smtp-stand-in';

const count = Number(process.env.BENCH_JOBS ?? 1000);
const CONCURRENT_SENDERS = 20;
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT ?? 3790);

export type JobFigures = {
  jobs: number;
  database: string;
  concurrency: number;
  enqueuedPerSecond: number;
  processedPerSecond: number;
  isExactlyOnce: boolean;
};

export async function benchJobs(): Promise<JobFigures> {
  const external = process.env.BENCH_DATABASE_URL;
  const database = external ? null : await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 100 });
  const url = external ?? database!.url;
  const smtp = await startSmtpStandIn(SMTP_PORT);
  Object.assign(process.env, { DATABASE_URL: url, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, NODE_ENV: 'production' });
  await applyMigrations(url);
  // Imported after the settings are in place: lib/env and lib/db read them once.
  const { db } = await import('@/lib/db');
  const { env } = await import('@/lib/env');
  const { sendEmail } = await import('@/lib/email/send-email');
  const { startJobWorkers } = await import('@/lib/jobs/start-job-workers');
  try {
    const tag = `bench-${Date.now()}`;
    let next = 0;
    const enqueueStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_SENDERS }, async () => {
        while (next < count) {
          const i = next++;
          await sendEmail({ to: `r${i}@${tag}.example.org`, subject: tag, text: 'Benchmark email.' });
        }
      }),
    );
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;

    const processStarted = performance.now();
    const workers = await startJobWorkers();
    while ((await db.outboxEmail.count({ where: { subject: tag, status: 'sent' } })) < count)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const processSeconds = (performance.now() - processStarted) / 1000;
    await workers.stop();
    const recipients = smtp.received.map((m) => m.to[0]);
    return {
      jobs: count,
      database: external ? 'PostgreSQL' : 'embedded database',
      concurrency: env.JOB_CONCURRENCY,
      enqueuedPerSecond: count / enqueueSeconds,
      processedPerSecond: count / processSeconds,
      isExactlyOnce: recipients.length === count && new Set(recipients).size === count,
    };
  } finally {
    await db.$disconnect();
    await smtp.close();
    await database?.stop();
  }
}
