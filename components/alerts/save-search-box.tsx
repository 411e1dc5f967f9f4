import Link from 'next/link';
import { saveSearchAction } from '@/lib/alerts/actions';
import { suggestSearchName } from '@/lib/alerts/saved-search-input';
import { searchHref, type SearchParams } from '@/lib/articles/search/search-params';
import { AlertForm } from './alert-form';
import { FrequencySelect } from './frequency-select';
import './alerts.css';

/** "Save this search" under the results: signed-in readers save it with an email choice; others are asked to sign in. */
export function SaveSearchBox({ params, isSignedIn }: { params: SearchParams; isSignedIn: boolean }) {
  const href = searchHref({ ...params, page: 1 });
  if (!isSignedIn)
    return (
      <p className="save-search">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(href)}`}>Sign in to save this search</Link> and get email
        alerts when new articles match.
      </p>
    );
  return (
    <details className="save-search">
      <summary>Save this search</summary>
      <AlertForm
        action={saveSearchAction}
        hidden={{ search: href.replace(/^\/search\??/, '') }}
        submitLabel="Save search"
      >
        <span className="alert-form__field">
          <label htmlFor="save-search-name">Name</label>
          <input id="save-search-name" name="name" defaultValue={suggestSearchName(params)} maxLength={120} required />
        </span>
        <FrequencySelect id="save-search-frequency" defaultValue="weekly" />
      </AlertForm>
    </details>
  );
}
