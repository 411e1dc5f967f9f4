import 'server-only';
import { db } from '@/lib/db';

/** Stores the zone a reader chose for their times (already checked: timeZonePreferenceSchema); null forgets it. */
export async function saveTimeZonePreference(userId: string, timeZone: string | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { timeZone } });
}
