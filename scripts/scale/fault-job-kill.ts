// Fault: an instance dies (SIGKILL) in the middle of a background job (an email, while its SMTP
// server has not yet answered), and jobs are queued while no instance runs. The job survives in
// PostgreSQL; once the dead worker's claim is older than JOB_STALE_LOCK_SECONDS another instance
// takes it over. Every email ends up sent exactly once.
import type { db } from '../../lib/db';
import type { SmtpStandIn } from '../../tests/support/smtp-stand-in';
import { check } from './checks';
import { waitUntil } from './check-jobs-once';
import type { Stack } from './stack';

type Db = typeof db;

export async function checkJobKill(options: { stack: Stack; smtp: SmtpStandIn; db: Db }) {
  const { stack, smtp, db } = options;
  const [A, B] = stack.instances as [Stack['instances'][number], Stack['instances'][number]];
  const { sendEmail } = await import('../../lib/email/send-email');
  const tag = `fault-${Date.now()}`;
  const subject = `Fault ${tag}`;
  const mine = (to: string) => smtp.received.filter((m) => m.to[0] === to).length;

  // Only A runs, so A is the one that claims the job; its SMTP connection is left hanging.
  await B.kill('SIGTERM');
  const held = smtp.holdNextConnection();
  await sendEmail({ to: `held@${tag}.example.org`, subject, text: 'Claimed by A, which dies.' });
  await held;
  await A.kill('SIGKILL');
  // Queued while no instance runs: it waits in the database.
  await sendEmail({ to: `queued@${tag}.example.org`, subject, text: 'Queued with every instance down.' });
  const started = Date.now();
  await Promise.all([A.start(), B.start()]);
  const isDone = await waitUntil(
    async () => (await db.outboxEmail.count({ where: { subject, status: 'sent' } })) === 2,
    90_000,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  check(
    'jobs: an email queued while every instance was down is sent once they are back',
    mine(`queued@${tag}.example.org`) === 1,
  );
  check(
    'jobs: the email whose instance was killed mid-send is taken over and sent exactly once',
    isDone && mine(`held@${tag}.example.org`) === 1,
    `${mine(`held@${tag}.example.org`)} message(s), ${seconds} s after the restart`,
  );
}
