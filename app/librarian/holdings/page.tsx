import { DataTable } from '@/components/ui/data-table';
import { now as clockNow } from '@/lib/clock';
import { formatDate, formatPartialIsoDate } from '@/lib/format-date';
import { kbartFileName } from '@/lib/librarian/kbart';
import { listHoldings, type TitleHolding } from '@/lib/librarian/list-holdings';
import { requireLibrarian } from '@/lib/librarian/require-librarian';
import { JOURNAL } from '@/lib/site/journal-facts';

export const metadata = { title: 'Subscription and holdings' };

const STATUS = { active: 'Active', 'not-started': 'Not started yet', ended: 'Ended' } as const;

function coverage(t: TitleHolding) {
  // The same coverage as the KBART file, whose ISO dates are written here in words.
  const from = `${formatPartialIsoDate(t.first.date)} (vol. ${t.first.volume}, issue ${t.first.issue})`;
  return t.last
    ? `${from} to ${formatPartialIsoDate(t.last.date)} (vol. ${t.last.volume}, issue ${t.last.issue})`
    : `${from} to present`;
}

export default async function LibrarianHoldings() {
  const { institution } = await requireLibrarian('/librarian/holdings');
  const now = clockNow();
  const holdings = await listHoldings(institution.id, now);
  const { activeFrom, activeUntil } = holdings.institution;
  return (
    <>
      <h1>Subscription and holdings</h1>
      <section aria-labelledby="subscription-heading">
        <h2 id="subscription-heading">Subscription</h2>
        <dl className="admin-stats">
          <div>
            <dt>Status</dt>
            <dd>{STATUS[holdings.status]}</dd>
          </div>
          <div>
            <dt>From</dt>
            <dd>{formatDate(activeFrom)}</dd>
          </div>
          <div>
            <dt>Until</dt>
            <dd>{activeUntil ? formatDate(activeUntil) : 'no end date'}</dd>
          </div>
        </dl>
        <p>
          {holdings.status === 'active'
            ? `While the subscription is active, readers recognised as ${institution.name} read the full text of every article of every title below, including the archive.`
            : `Readers recognised as ${institution.name} read only free articles until the subscription is active. To renew, write to ${JOURNAL.subscriptions}.`}
        </p>
      </section>

      <section aria-labelledby="holdings-heading">
        <h2 id="holdings-heading">Holdings</h2>
        {holdings.titles.length === 0 ? (
          <p>No titles are open to your readers now.</p>
        ) : (
          <DataTable
            caption="Titles your readers can read"
            captionHidden
            rows={holdings.titles}
            rowKey={(t) => t.titleId}
            columns={[
              { header: 'Title', cell: (t) => t.title },
              {
                header: 'ISSN',
                cell: (t) =>
                  [t.printIssn && `${t.printIssn} (print)`, t.onlineIssn && `${t.onlineIssn} (online)`]
                    .filter(Boolean)
                    .join(', '),
              },
              { header: 'Coverage', cell: coverage },
              {
                header: 'Content',
                cell: (t) => `${t.articleCount} articles in ${t.issueCount} issues (${t.freeCount} free to all)`,
              },
            ]}
          />
        )}
        <p>
          <a href="/librarian/holdings/kbart" download>
            Download the KBART title list
          </a>{' '}
          ({kbartFileName(JOURNAL.publisher, institution.name, 'AllTitles', now)}: KBART Phase II columns,
          tab-separated, for your link resolver or knowledge base).
        </p>
      </section>
    </>
  );
}
