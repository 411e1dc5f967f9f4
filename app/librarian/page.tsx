import Link from 'next/link';
import { formatDate } from '@/lib/format-date';
import { getInstitutionSummary } from '@/lib/librarian/get-institution-summary';
import { PORTAL_NAV } from '@/lib/librarian/portal-nav';
import { requireLibrarian } from '@/lib/librarian/require-librarian';

export const metadata = { title: 'Overview' };

export default async function LibrarianOverview() {
  const { institution } = await requireLibrarian('/librarian');
  const summary = await getInstitutionSummary(institution.id);
  return (
    <>
      <h1>{summary.name}</h1>
      <dl className="admin-stats">
        <div>
          <dt>Access</dt>
          <dd>{summary.activeUntil ? `until ${formatDate(summary.activeUntil)}` : 'no end date'}</dd>
        </div>
        <div>
          <dt>IP ranges</dt>
          <dd>{summary.rangeCount}</dd>
        </div>
      </dl>
      <p>
        Access since {formatDate(summary.activeFrom)}. Readers on your institution’s networks read every article while
        the access is active.
      </p>
      <ul>
        {PORTAL_NAV.filter((s) => s.href !== '/librarian').map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
