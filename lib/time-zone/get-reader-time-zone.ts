import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/current-user';
import { decideReaderTimeZone, TIME_ZONE_COOKIE } from './time-zones';

/**
 * The zone this request's reader reads times in: their saved preference, else their browser's
 * (the cookie /time-zone.js sets), else the journal's. Reads the session and cookies, so only
 * per-reader pages may call it: never the shared article page or anything a shared cache keeps.
 */
export const getReaderTimeZone = cache(async (): Promise<string> => {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  return decideReaderTimeZone({ preference: user?.timeZone, browserZone: jar.get(TIME_ZONE_COOKIE)?.value });
});
