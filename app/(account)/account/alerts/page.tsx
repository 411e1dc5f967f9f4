import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertForm } from '@/components/alerts/alert-form';
import { AlertList, StoppableAlert } from '@/components/alerts/alert-list';
import { FrequencySelect } from '@/components/alerts/frequency-select';
import {
  deleteSavedSearchAction,
  renameSavedSearchAction,
  setSavedSearchFrequencyAction,
  startIssueAlertAction,
  stopCommentAlertAction,
  stopIssueAlertAction,
} from '@/lib/alerts/actions';
import { listAlerts } from '@/lib/alerts/list-alerts';
import { FREQUENCY_LABELS } from '@/lib/alerts/saved-search-input';
import { requireUser } from '@/lib/auth/current-user';
import { formatDate } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import '@/components/alerts/alerts.css';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const user = await requireUser('/account/alerts');
  const [{ searches, issues, comments, otherJournals }, timeZone] = await Promise.all([
    listAlerts(user.id),
    getReaderTimeZone(),
  ]);
  return (
    <div className="page">
      <TimeZoneFallbackMarker />
      <h1>Alerts</h1>
      <p>Emails go to {user.email}. Every alert email has a link to unsubscribe from it at once, without signing in.</p>

      <section aria-labelledby="saved-searches-heading">
        <h2 id="saved-searches-heading">Saved searches</h2>
        {searches.length === 0 ? (
          <p>
            None yet. <Link href="/search">Search</Link>, then use “Save this search” above the results.
          </p>
        ) : (
          <ul className="alerts-list">
            {searches.map((s) => (
              <li key={s.id} aria-label={`Saved search ${s.name}`}>
                <p className="alerts-list__title">{s.name}</p>
                <p className="alerts-list__meta">
                  {FREQUENCY_LABELS[s.frequency]} · saved {formatDate(s.createdAt, timeZone)} ·{' '}
                  <Link href={s.href}>Run this search</Link>
                </p>
                <AlertForm action={setSavedSearchFrequencyAction} hidden={{ id: s.id }} submitLabel="Change">
                  <FrequencySelect id={`frequency-${s.id}`} defaultValue={s.frequency} />
                </AlertForm>
                <AlertForm action={renameSavedSearchAction} hidden={{ id: s.id }} submitLabel="Rename">
                  <span className="alert-form__field">
                    <label htmlFor={`name-${s.id}`}>Name</label>
                    <input id={`name-${s.id}`} name="name" defaultValue={s.name} maxLength={120} required />
                  </span>
                </AlertForm>
                <AlertForm
                  action={deleteSavedSearchAction}
                  hidden={{ id: s.id }}
                  submitLabel="Delete"
                  submitAriaLabel={`Delete the saved search ${s.name}`}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="toc-alerts-heading">
        <h2 id="toc-alerts-heading">Table of Contents alerts</h2>
        <AlertList items={issues} empty={<p>None yet.</p>}>
          {(i) => (
            <StoppableAlert
              key={i.journalId}
              title={`New issues of ${i.journalTitle}`}
              action={stopIssueAlertAction}
              hidden={{ journalId: i.journalId }}
              stopLabel={`Stop new-issue alerts for ${i.journalTitle}`}
            />
          )}
        </AlertList>
        {otherJournals.map((j) => (
          <AlertForm
            key={j.journalId}
            action={startIssueAlertAction}
            hidden={{ journalId: j.journalId }}
            submitLabel={`Email me each new issue of ${j.journalTitle}`}
          />
        ))}
      </section>

      <section aria-labelledby="comment-alerts-heading">
        <h2 id="comment-alerts-heading">Comment alerts</h2>
        <AlertList
          items={comments}
          empty={
            <p>
              None. Switch on “Alert me by email about new comments on this article” under Article Tools to follow an
              article’s discussion.
            </p>
          }
        >
          {(c) => (
            <StoppableAlert
              key={c.articleId}
              title={<Link href={c.href}>{c.title}</Link>}
              action={stopCommentAlertAction}
              hidden={{ articleId: c.articleId }}
              stopLabel={`Stop comment alerts for ${c.title}`}
            />
          )}
        </AlertList>
      </section>
      <p>
        <Link href="/account">Back to My Account</Link>
      </p>
    </div>
  );
}
