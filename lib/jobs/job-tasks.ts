import 'server-only';
import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import { applyStripeEvent } from '@/lib/billing/providers/stripe/handle-stripe-event';
import type { Stripe } from '@/lib/billing/providers/stripe/stripe-client';
import { sendCommitmentFollowUp } from '@/lib/cme/send-commitment-follow-up';
import { deliverEmail } from '@/lib/email/deliver-email';
import { sendIssueAlerts } from '@/lib/related/send-issue-alerts';
import type { JobPayloads, JobTask } from './enqueue-jobs';

const payloadSchemas = {
  'send-email': z.object({ outboxEmailId: z.string().min(1) }),
  'send-issue-alerts': z.object({ issueId: z.string().min(1) }),
  'apply-stripe-event': z.object({
    event: z.looseObject({
      id: z.string().min(1),
      type: z.string(),
      data: z.looseObject({ object: z.looseObject({}) }),
    }),
  }),
  'send-cme-follow-up': z.object({ attemptId: z.string().min(1) }),
} satisfies { [T in JobTask]: z.ZodType<JobPayloads[T]> };

/** A task that parses its payload (a job row is input like any other) before it acts. */
function task<T extends JobTask>(
  name: T,
  run: (payload: JobPayloads[T], job: Parameters<Task>[1]['job']) => Promise<unknown>,
): Task {
  return async (payload, helpers) => {
    await run(payloadSchemas[name].parse(payload) as JobPayloads[T], helpers.job);
  };
}

/** Every job the app runs, by task name (the names enqueueJobs takes). */
export const jobTasks: TaskList = {
  // graphile-worker counts the attempt when it claims the job, so `attempts` is this one's number.
  'send-email': task('send-email', ({ outboxEmailId }, job) =>
    deliverEmail(outboxEmailId, { number: job.attempts, isLast: job.attempts >= job.max_attempts }),
  ),
  'send-issue-alerts': task('send-issue-alerts', ({ issueId }) => sendIssueAlerts(issueId)),
  // Queued by the Stripe webhook (receiveStripeEvent), one queue per customer: applied in order.
  'apply-stripe-event': task('apply-stripe-event', ({ event }) => applyStripeEvent(event as unknown as Stripe.Event)),
  'send-cme-follow-up': task('send-cme-follow-up', ({ attemptId }) => sendCommitmentFollowUp(attemptId)),
};
