import { headers } from 'next/headers';
import Link from 'next/link';
import { now as clockNow } from '@/lib/clock';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { requireLibrarian } from '@/lib/librarian/require-librarian';
import { testAddress } from '@/lib/librarian/test-address';

export const metadata = { title: 'Test an address' };

type Props = { searchParams: Promise<{ address?: string | string[] }> };

export default async function LibrarianTestAddress({ searchParams }: Props) {
  const { institution } = await requireLibrarian('/librarian/test-address');
  const { address } = await searchParams;
  const asked = typeof address === 'string' ? address.slice(0, 200) : null;
  const yours = clientIpFromHeaders(await headers());
  const result = asked === null ? null : await testAddress(institution.id, asked, clockNow());
  return (
    <>
      <h1>Test an address</h1>
      <p>Is a reader at this address recognised as {institution.name}?</p>
      {/* A GET form: the answer has its own address, works without JavaScript and changes nothing. */}
      <form method="get" action="/librarian/test-address" className="librarian-inline-form">
        <div className="form-field">
          <label htmlFor="test-address">IPv4 or IPv6 address</label>
          <input
            id="test-address"
            name="address"
            defaultValue={asked ?? ''}
            placeholder="203.0.113.7"
            spellCheck={false}
            autoCapitalize="off"
            maxLength={60}
          />
        </div>
        <button type="submit" className="button">
          Test
        </button>
      </form>
      {yours && (
        <p>
          You are at <code>{yours}</code>:{' '}
          <Link href={`/librarian/test-address?address=${encodeURIComponent(yours)}`}>test it</Link>.
        </p>
      )}
      {result && !result.ok && (
        <p className="form-message form-message--error" role="alert">
          {result.error}
        </p>
      )}
      {result?.ok && (
        <section
          aria-live="polite"
          aria-label="Answer"
          className={`librarian-answer ${result.isRecognised ? 'librarian-answer--yes' : 'librarian-answer--no'}`}
        >
          {result.isRecognised ? (
            <p>
              <strong>Yes: {result.address} is recognised</strong> as {institution.name}, by your range{' '}
              {result.matches.map((m, i) => (
                <span key={m}>
                  {i > 0 && ', '}
                  <code>{m}</code>
                </span>
              ))}
              . Readers there read the full text.
            </p>
          ) : result.matches.length > 0 ? (
            <p>
              <strong>
                No: {result.address} is in your range {result.matches.join(', ')}
              </strong>
              , but your institution’s access is not active now (see{' '}
              <Link href="/librarian/holdings">Subscription and holdings</Link>).
            </p>
          ) : (
            <p>
              <strong>No: {result.address} is not in any of your ranges.</strong> Readers there are not recognised as{' '}
              {institution.name}. <Link href="/librarian/ip-ranges">Add a range</Link>.
            </p>
          )}
          {result.warning && <p>Note: {result.warning}</p>}
        </section>
      )}
    </>
  );
}
