'use server';

import { now } from '@/lib/clock';
import { FOLLOW_UP_ANSWER_LABELS } from '@/lib/cme/follow-up-email';
import { followUpAnswerSchema, recordFollowUpAnswer } from '@/lib/cme/record-follow-up-answer';
import { validatedAction } from '@/lib/http/action';

// No sign-in: the emailed token is the learner's key to this one follow-up, and to nothing else.
export const recordFollowUpAnswerAction = validatedAction(followUpAnswerSchema, async (input) => {
  await recordFollowUpAnswer(input, now());
  return {
    ok: true,
    message: `Thank you: your answer “${FOLLOW_UP_ANSWER_LABELS[input.answer]}” has been recorded.`,
  };
});
