import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/current-user';
import { decideReaderTimeZoneWithSource, TIME_ZONE_COOKIE, type ReaderTimeZone } from './time-zones';

/**
 * The zone this request's reader reads times in, and why: their saved preference, else their
 * browser's (the cookie /time-zone.js sets), else the journal's. Reads the session and cookies, so
 * only per-reader pages may call it: never the shared article page or anything a shared cache keeps.
 */
export const getReaderTimeZoneWithSource = cache(async (): Promise<ReaderTimeZone> => {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  return decideReaderTimeZoneWithSource({
    preference: user?.timeZone,
    browserZone: jar.get(TIME_ZONE_COOKIE)?.value,
  });
});

/** The zone alone (see getReaderTimeZoneWithSource). */
export async function getReaderTimeZone(): Promise<string> {
  return (await getReaderTimeZoneWithSource()).zone;
}
