'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { listLibrarianInstitutions, PORTAL_INSTITUTION_COOKIE } from './librarian-institutions';

const chooseSchema = z.object({ institutionId: z.string().min(1).max(40) });

/**
 * The portal's institution switch (for a librarian of several): a plain form post, so it works
 * without JavaScript. Only an institution the user administers is remembered.
 */
export async function chooseInstitutionAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Flibrarian');
  const parsed = chooseSchema.safeParse(Object.fromEntries(formData));
  const institutions = await listLibrarianInstitutions(user.id);
  const chosen = parsed.success ? institutions.find((i) => i.id === parsed.data.institutionId) : undefined;
  if (chosen) {
    (await cookies()).set(PORTAL_INSTITUTION_COOKIE, chosen.id, {
      path: '/librarian',
      httpOnly: true,
      sameSite: 'lax',
      secure: env.SITE_URL.startsWith('https://'),
      maxAge: 365 * 24 * 3600,
    });
  }
  redirect('/librarian');
}
