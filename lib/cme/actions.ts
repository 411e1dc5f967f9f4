'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedActionWithUser } from '@/lib/http/action';
import { now } from '@/lib/clock';
import { readQuizForm } from '@/lib/cme/attempt-input';
import { claimCredit, claimInputSchema } from '@/lib/cme/claim-credit';
import { cmeIdSchema } from '@/lib/cme/cme-id';
import { evaluationInputSchema } from '@/lib/cme/evaluation-input';
import { saveCommitment, commitmentSchema } from '@/lib/cme/save-commitment';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { submitAttempt } from '@/lib/cme/submit-attempt';

export const submitQuizAction = validatedActionWithUser(
  z.object({ activityId: cmeIdSchema }),
  async ({ activityId }, user, formData) => {
    const result = await submitAttempt({ userId: user.id, activityId, input: readQuizForm(formData), now: now() });
    if (result.kind === 'incomplete') {
      const fieldErrors = Object.fromEntries(result.unansweredQuestionIds.map((id) => [id, 'Not answered']));
      return { ok: false, message: 'You have not filled in all the answers to complete this quiz', fieldErrors };
    }
    redirect(`/cme/${activityId}/attempts/${result.attemptId}`);
  },
);

export const saveCommitmentAction = validatedActionWithUser(
  commitmentSchema,
  async ({ attemptId, commitment }, user) => {
    await saveCommitment({ userId: user.id, attemptId, commitment, now: now() });
    // React resets the form after the action; re-rendered, its default is the saved text.
    revalidatePath('/cme/[activityId]/attempts/[attemptId]', 'page');
    return {
      ok: true,
      message: commitment ? 'Your commitment to change has been saved.' : 'Your commitment to change has been cleared.',
    };
  },
);

export const claimCreditAction = validatedActionWithUser(
  claimInputSchema.extend({ activityId: cmeIdSchema }),
  async ({ activityId, attemptId, credits }, user) => {
    await claimCredit({ userId: user.id, attemptId, credits, now: now() });
    // Re-render the result page in place: it now shows the certificate instead of this form.
    revalidatePath(`/cme/${activityId}/attempts/${attemptId}`);
    return { ok: true, message: 'Credit claimed.' };
  },
);

export const saveEvaluationAction = validatedActionWithUser(evaluationInputSchema, async (input, user) => {
  await saveEvaluation({ userId: user.id, input, now: now() });
  // Re-render the result page: the claim form takes the evaluation's place.
  revalidatePath('/cme/[activityId]/attempts/[attemptId]', 'page');
  return { ok: true, message: 'Thank you: your evaluation has been saved. You can now claim credit.' };
});
