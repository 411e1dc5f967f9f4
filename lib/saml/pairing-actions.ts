'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getReader } from '@/lib/access/get-reader';
import { now as clockNow } from '@/lib/clock';
import { formatDate } from '@/lib/format-date';
import { validatedActionWithUser } from '@/lib/http/action';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { pairAccountWithInstitution, unpairAccount } from './institution-pairing';

const institutionForm = z.object({ institutionId: z.string().trim().min(1).max(40) });

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
    message: `Your account is paired with ${institution}: its access follows you off campus until ${formatDate(expiresAt, await getReaderTimeZone())}.`,
  };
});

export const unpairInstitutionAction = validatedActionWithUser(institutionForm, async ({ institutionId }, user) => {
  await unpairAccount(user.id, institutionId);
  revalidatePath('/account');
  return { ok: true, message: 'The pairing was removed.' };
});
