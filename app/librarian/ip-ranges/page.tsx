import Link from 'next/link';
import { HistoryTable } from '@/components/librarian/history-table';
import { RangePasteForm } from '@/components/librarian/range-paste-form';
import { listOwnRanges } from '@/lib/librarian/institution-ranges';
import { listPortalHistory } from '@/lib/librarian/list-portal-history';
import { removeRangeAction } from '@/lib/librarian/range-actions';
import { requireLibrarian } from '@/lib/librarian/require-librarian';

export const metadata = { title: 'IP ranges' };

type Props = { searchParams: Promise<{ removed?: string | string[] }> };

export default async function LibrarianRanges({ searchParams }: Props) {
  const { institution } = await requireLibrarian('/librarian/ip-ranges');
  const { removed } = await searchParams;
  const [ranges, history] = await Promise.all([
    listOwnRanges(institution.id),
    listPortalHistory(institution.id, { pageSize: 10 }),
  ]);
  return (
    <>
      <h1>IP ranges</h1>
      <p>
        Readers whose address is in one of these ranges read every article through {institution.name}. Changes apply
        within seconds. <Link href="/librarian/test-address">Test an address</Link>.
      </p>
      {typeof removed === 'string' && (
        <p className={removed ? 'form-message form-message--ok' : 'form-message form-message--error'} role="status">
          {removed
            ? `Removed ${removed}.`
            : 'That range was not in your list (perhaps already removed). Nothing was changed.'}
        </p>
      )}

      <section aria-labelledby="ranges-heading" className="librarian-ranges">
        <h2 id="ranges-heading">Your ranges ({ranges.length})</h2>
        {ranges.length === 0 ? (
          <p>No ranges: readers are not recognised by address.</p>
        ) : (
          <table className="table table--stack">
            <caption className="visually-hidden">Your institution’s IP ranges</caption>
            <thead>
              <tr>
                <th scope="col">Range</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ranges.map((r) => (
                <tr key={r.id}>
                  <td data-label="Range">
                    <code>{r.cidr}</code>
                  </td>
                  <td data-label="Remove">
                    <form action={removeRangeAction}>
                      <input type="hidden" name="rangeId" value={r.id} />
                      <button type="submit" className="link-button" aria-label={`Remove ${r.cidr}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add ranges</h2>
        <RangePasteForm />
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent changes</h2>
        <HistoryTable entries={history.entries} caption="Recent changes" />
        <p>
          <Link href="/librarian/history">All changes</Link>
        </p>
      </section>
    </>
  );
}
