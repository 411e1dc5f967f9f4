// The Commitment-to-Change follow-up: when it is due, the answers a learner can give, and the email
// that asks (one link per answer). Pure: the job, the confirm page and the admin report share it.
import type { Email } from '@/lib/email/queue-emails';

export const FOLLOW_UP_ANSWERS = ['implemented', 'partly', 'not_yet', 'barriers'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

/** How each answer reads in the email, on the confirm page and in the admin report. */
export const FOLLOW_UP_ANSWER_LABELS: Record<FollowUpAnswer, string> = {
  implemented: 'Yes, I made the change',
  partly: 'Partly',
  not_yet: 'Not yet',
  barriers: 'No: something got in the way',
};

/** Where an answer link leads: the confirm page, with the answer chosen (it records nothing until pressed). */
export const FOLLOW_UP_PATH = '/cme/follow-up';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** When the follow-up of a commitment written at `commitmentAt` is due. */
export function followUpDueAt(commitmentAt: Date, delayDays: number): Date {
  return new Date(commitmentAt.getTime() + delayDays * DAY_MS);
}

export function followUpLink(siteUrl: string, token: string, answer: FollowUpAnswer): string {
  return `${siteUrl}${FOLLOW_UP_PATH}?token=${token}&answer=${answer}`;
}

function describeDelay(days: number): string {
  if (days % 7 === 0) return days === 7 ? 'A week' : `${days / 7} weeks`;
  return days === 1 ? 'A day' : `${days} days`;
}

/** The email that asks whether the change was made: the commitment quoted, one link per answer. */
export function composeFollowUpEmail(options: {
  to: string;
  learnerName: string;
  activityTitle: string;
  commitment: string;
  delayDays: number;
  siteUrl: string;
  token: string;
}): Email {
  const { learnerName, activityTitle, commitment, delayDays, siteUrl, token } = options;
  const quoted = commitment
    .split(/\r?\n/)
    .map((line) => `  > ${line}`)
    .join('\n');
  const links = FOLLOW_UP_ANSWERS.map(
    (answer) => `${FOLLOW_UP_ANSWER_LABELS[answer]}:\n${followUpLink(siteUrl, token, answer)}`,
  ).join('\n\n');
  return {
    to: options.to,
    subject: `Did you make the change? Your commitment from “${activityTitle}”`,
    text: `Hello ${learnerName},

${describeDelay(delayDays)} ago, after completing the CME activity “${activityTitle}”, you committed to this change in your practice:

${quoted}

Did you make it? Choose your answer (one click; the page that opens lets you confirm it and, if you like, tell us what got in the way):

${links}

Your answer helps us judge whether our education changes practice, as our accreditation asks. This is the only time we ask about this commitment.`,
  };
}
