'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getReader } from '@/lib/access/get-reader';
import { now as clockNow } from '@/lib/clock';
import { validatedActionWithUser } from '@/lib/http/action';
import { pairAccountWithInstitution, unpairAccount } from './institution-pairing';

const institutionForm = z.object({ institutionId: z.string().trim().min(1).max(40) });
const day = (d: Date) => d.toISOString().slice(0, 10);

export const pairInstitutionAction = validatedActionWithUser(institutionForm, async ({ institutionId }, user) => {
  const { institution, expiresAt } = await pairAccountWithInstitution(
    user.id,
    await getReader(),
    institutionId,
    clockNow(),
  );
  revalidatePath('/account');
  return {
    ok: true,
    message: `Your account is paired with ${institution}: its access follows you off campus until ${day(expiresAt)}.`,
  };
});

export const unpairInstitutionAction = validatedActionWithUser(institutionForm, async ({ institutionId }, user) => {
  await unpairAccount(user.id, institutionId);
  revalidatePath('/account');
  return { ok: true, message: 'The pairing was removed.' };
});
