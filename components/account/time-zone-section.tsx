import { TimeZoneForm } from '@/components/account/time-zone-form';
import type { CurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { formatTime, JOURNAL_TIME_ZONE } from '@/lib/format-date';
import { saveTimeZoneAction } from '@/lib/time-zone/actions';
import { getReaderTimeZoneWithSource } from '@/lib/time-zone/get-reader-time-zone';
import { canonicalTimeZone, groupTimeZones } from '@/lib/time-zone/time-zones';

/** The account page's "Time zone": which zone this reader's times are in, why, and the choice. */
export async function TimeZoneSection({ user }: { user: CurrentUser }) {
  const [{ zone, source }, at] = [await getReaderTimeZoneWithSource(), now()];
  const chosen = canonicalTimeZone(user.timeZone);
  const why = { choice: 'your choice', browser: 'this browser’s', journal: 'the journal’s' }[source];
  return (
    <section aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <p>
        Times are shown in <strong>{zone.replaceAll('_', ' ')}</strong> ({why}): it is now {formatTime(at, zone)}.
      </p>
      <TimeZoneForm
        action={saveTimeZoneAction}
        groups={groupTimeZones(at)}
        chosen={chosen}
        journalZone={JOURNAL_TIME_ZONE}
      />
    </section>
  );
}
