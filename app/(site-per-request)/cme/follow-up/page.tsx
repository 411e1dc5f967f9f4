import type { Metadata } from 'next';
import { FollowUpForm } from '@/components/cme/follow-up-form';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_ANSWER_LABELS, type FollowUpAnswer } from '@/lib/cme/follow-up-email';
import { formatDate } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { findFollowUpByToken } from '@/lib/cme/record-follow-up-answer';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'Your Commitment to Change', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opened from the follow-up email, signed in or not: the token names the follow-up. Opening the
// page records nothing (mail scanners follow links); the learner's press of the button does.
export default async function FollowUpPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const chosen = FOLLOW_UP_ANSWERS.find((a) => a === params.answer) ?? null;
  const followUp = token ? await findFollowUpByToken(token) : null;
  if (!followUp)
    return (
      <div className="page page--narrow">
        <h1>Your Commitment to Change</h1>
        <p role="alert">
          This follow-up link is not valid: it may be incomplete. Please open the full link from the email.
        </p>
      </div>
    );
  const answer: FollowUpAnswer | null = chosen ?? followUp.answer;
  return (
    <div className="page page--narrow">
      <TimeZoneFallbackMarker />
      <h1>Your Commitment to Change</h1>
      <p>After completing “{followUp.activityTitle}” you committed to this change in your practice:</p>
      <blockquote>{followUp.commitment}</blockquote>
      {followUp.answer && followUp.answeredAt && (
        <p role="status">
          You answered “{FOLLOW_UP_ANSWER_LABELS[followUp.answer]}” on{' '}
          {formatDate(followUp.answeredAt, await getReaderTimeZone())}. You can change your answer below.
        </p>
      )}
      <FollowUpForm token={token} answer={answer} barriers={followUp.barriers ?? ''} />
    </div>
  );
}
