import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from './current-user';
import type { profileSchema } from './account-schemas';

/** Saves the name. The email is not changed here: see requestEmailChange (password and a link). */
export async function updateProfile(user: CurrentUser, input: z.infer<typeof profileSchema>): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { name: input.name } });
}
