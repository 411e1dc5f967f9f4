import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { LAST_INSTITUTION_COOKIE } from '@/lib/saml/institution-session-cookie';
import { listSignInInstitutions, type SignInInstitution } from '@/lib/saml/list-sign-in-institutions';

export const metadata: Metadata = { title: 'Access through your institution' };

type Props = { searchParams: Promise<{ q?: string | string[]; returnTo?: string | string[] }> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

function signInHref(institution: SignInInstitution, returnTo: string) {
  return `/saml/login?institution=${encodeURIComponent(institution.id)}&returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Discovery (as SeamlessAccess does it): find your institution by name or email domain and sign
 * in through it. A plain list and a GET search form, so it works without JavaScript; the last
 * institution chosen in this browser comes first.
 */
export default async function InstitutionAccessPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = one(params.q).slice(0, 100);
  const returnTo = safeReturnTo(one(params.returnTo), '/');
  const [institutions, all, jar] = await Promise.all([
    listSignInInstitutions(query),
    listSignInInstitutions(),
    cookies(),
  ]);
  const lastId = jar.get(LAST_INSTITUTION_COOKIE)?.value;
  const last = all.find((i) => i.id === lastId);
  return (
    <div className="page page--narrow">
      <h1>Access through your institution</h1>
      <p>
        If your hospital, university or library subscribes, sign in with the account it gave you (Shibboleth,
        OpenAthens). You do not need an account with the journal.
      </p>
      {last && (
        <section aria-labelledby="last-heading" className="box">
          <h2 id="last-heading" className="box__title">
            Your last choice
          </h2>
          <p>
            <a className="button" href={signInHref(last, returnTo)}>
              Continue with {last.name}
            </a>
          </p>
        </section>
      )}
      <form method="get" action="/institution-access" role="search" className="form">
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="form-field">
          <label htmlFor="institution-query">Find your institution</label>
          <input
            id="institution-query"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            aria-describedby="institution-query-hint"
          />
          <p id="institution-query-hint" className="form-field__hint">
            Its name, or the part of your work email after the @ (e.g. hospital.example).
          </p>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <h2>{query ? `Institutions matching “${query}”` : 'Institutions'}</h2>
      {institutions.length === 0 ? (
        <p>No institution matches. Check the spelling, or ask your library whether it offers access to this journal.</p>
      ) : (
        <ul className="institution-list">
          {institutions.map((i) => (
            <li key={i.id}>
              <a href={signInHref(i, returnTo)}>{i.name}</a>
              {i.scopes.length > 0 && <span className="institution-list__scopes"> ({i.scopes.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
