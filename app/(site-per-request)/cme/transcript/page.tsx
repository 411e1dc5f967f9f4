import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/cme/cme.module.css';
import { requireUser } from '@/lib/auth/current-user';
import { describeCreditAmount, describeCredits } from '@/lib/cme/format-credits';
import { getTranscript } from '@/lib/cme/get-transcript';
import { listUnclaimedPasses } from '@/lib/cme/list-unclaimed-passes';
import { summarizeTranscript } from '@/lib/cme/summarize-transcript';
import { formatDate } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'CME transcript' };

export default async function TranscriptPage() {
  const user = await requireUser('/cme/transcript');
  const [entries, unclaimed, timeZone] = await Promise.all([
    getTranscript(user.id),
    listUnclaimedPasses(user.id),
    getReaderTimeZone(),
  ]);
  const years = summarizeTranscript(entries);
  return (
    <div className="page">
      <TimeZoneFallbackMarker />
      <p className="eyebrow">CME</p>
      <h1>Your CME transcript</h1>
      <p>
        <a href="/cme/transcript/pdf" download>
          Download transcript (PDF)
        </a>{' '}
        ·{' '}
        <a href="/cme/transcript/csv" download>
          Download transcript (CSV)
        </a>{' '}
        · <Link href="/cme/profile">Learner profile for board reporting</Link>
      </p>
      {unclaimed.length > 0 && (
        <section aria-labelledby="unclaimed-heading">
          <h2 id="unclaimed-heading">Passed, credit not yet claimed</h2>
          <ul>
            {unclaimed.map((a) => (
              <li key={a.id}>
                {formatDate(a.submittedAt, timeZone)}:{' '}
                <Link href={`/cme/${a.activity.id}/attempts/${a.id}`}>{a.activity.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {years.length === 0 && <p>You have not claimed CME credit yet.</p>}
      {years.map(({ year, entries, totalQuarters }) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>
            {year}: {describeCredits(totalQuarters)}
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Completed</th>
                <th scope="col">Activity</th>
                <th scope="col">Credits</th>
                <th scope="col">Certificate</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.certificateId}>
                  {/* As on the certificate and in board reports: the journal's date. */}
                  <td>{formatDate(e.completedAt)}</td>
                  <td>{e.activityTitle}</td>
                  <td>{describeCreditAmount(e.creditQuarters, e.creditType)}</td>
                  <td>
                    <Link href={`/cme/certificates/${e.certificateId}`}>{e.certificateId}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
