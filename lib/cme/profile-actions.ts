'use server';

import { validatedActionWithUser } from '@/lib/http/action';
import { learnerProfileSchema } from '@/lib/cme/learner-profile-input';
import { saveLearnerProfile } from '@/lib/cme/save-learner-profile';

export const saveLearnerProfileAction = validatedActionWithUser(learnerProfileSchema, async (input, user) => {
  await saveLearnerProfile(user.id, input);
  return { ok: true, message: 'Your learner profile has been saved. Details without consent are not kept.' };
});
