import { signOutEverywhereAction } from '@/lib/auth/session-actions';
import type { CurrentUser } from '@/lib/auth/current-user';
import { listActiveSessions } from '@/lib/auth/user-sessions';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

/** The account page's "Where you are signed in": each browser's session, and a way to end them all. */
export async function SessionsPanel({ user }: { user: CurrentUser }) {
  const [sessions, timeZone] = await Promise.all([listActiveSessions(user.id), getReaderTimeZone()]);
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            {s.userAgent}, signed in {formatDateTime(s.createdAt, timeZone)}
            {s.id === user.sessionId ? ' (this browser)' : `, last used ${formatDateTime(s.lastSeenAt, timeZone)}`}
          </li>
        ))}
      </ul>
      <p>Lost a device, or signed in on a shared computer? This ends every session, this one too.</p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button">
          Sign out of all devices
        </button>
      </form>
    </section>
  );
}
