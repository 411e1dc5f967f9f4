import 'server-only';
import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import { applyReceivedStripeEvents } from '@/lib/billing/providers/stripe/apply-received-stripe-events';
import { applyStripeEvent } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { pruneStripeEventBodies } from '@/lib/billing/providers/stripe/prune-stripe-event-bodies';
import type { Stripe } from '@/lib/billing/providers/stripe/stripe-client';
import { sendCommitmentFollowUp } from '@/lib/cme/send-commitment-follow-up';
import { deliverEmail } from '@/lib/email/deliver-email';
import { sendIssueAlerts } from '@/lib/related/send-issue-alerts';
import { matchSavedSearches } from '@/lib/alerts/match-saved-searches';
import { sendSearchDigests } from '@/lib/alerts/send-search-digests';
import type { JobPayloads, JobTask } from './enqueue-jobs';

const payloadSchemas = {
  'send-email': z.object({ outboxEmailId: z.string().min(1) }),
  'send-issue-alerts': z.object({ issueId: z.string().min(1) }),
  'apply-stripe-events': z.object({ objectId: z.string().min(1) }),
  'apply-stripe-event': z.object({
    event: z.looseObject({
      id: z.string().min(1),
      type: z.string(),
      data: z.looseObject({ object: z.looseObject({}) }),
    }),
  }),
  'send-cme-follow-up': z.object({ attemptId: z.string().min(1) }),
  'match-saved-searches': z.object({ articleIds: z.array(z.string().min(1)).max(10_000) }),
  // graphile-worker's crontab gives its jobs a payload of its own (`_cron`): nothing here reads it.
  'send-search-digests': z.object({}).transform(() => ({})),
  'prune-stripe-event-bodies': z.object({}).transform(() => ({})),
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
  // Queued by the Stripe webhook (receiveStripeEvent), one per customer: its events in order.
  'apply-stripe-events': task('apply-stripe-events', ({ objectId }) => applyReceivedStripeEvents(objectId)),
  // One event that failed among its customer's, retried on its own with backoff.
  'apply-stripe-event': task('apply-stripe-event', ({ event }) => applyStripeEvent(event as unknown as Stripe.Event)),
  'send-cme-follow-up': task('send-cme-follow-up', ({ attemptId }) => sendCommitmentFollowUp(attemptId)),
  'match-saved-searches': task('match-saved-searches', ({ articleIds }) => matchSavedSearches(articleIds)),
  'send-search-digests': task('send-search-digests', () => sendSearchDigests()),
  'prune-stripe-event-bodies': task('prune-stripe-event-bodies', () => pruneStripeEventBodies()),
};

/**
 * Recurring jobs (graphile-worker's crontab, UTC): each tick is queued once across instances. The
 * digest runs hourly and each search decides whether its week is up, so a digest lost to an
 * outage goes out at the next tick rather than a week late. Applied Stripe events lose their
 * bodies daily, once past their retention (a missed day is caught up the next).
 */
export const jobCrontab = `
0 * * * * send-search-digests ?max=3
15 4 * * * prune-stripe-event-bodies ?max=3
`;
