'use server';

import { refresh } from 'next/cache';
import { validatedActionWithUser } from '@/lib/http/action';
import { saveTimeZonePreference } from './save-time-zone-preference';
import { timeZonePreferenceSchema } from './time-zones';

export const saveTimeZoneAction = validatedActionWithUser(timeZonePreferenceSchema, async ({ timeZone }, user) => {
  await saveTimeZonePreference(user.id, timeZone);
  // The page's times were written in the old zone: render it again (without JavaScript the form's
  // own response is the new page).
  refresh();
  return {
    ok: true,
    message: timeZone
      ? `Times are now shown in ${timeZone.replaceAll('_', ' ')}.`
      : 'Times now follow this browser’s time zone (UTC without JavaScript).',
  };
});
