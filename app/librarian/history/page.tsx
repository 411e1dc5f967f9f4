import Link from 'next/link';
import { HistoryTable } from '@/components/librarian/history-table';
import { listPortalHistory } from '@/lib/librarian/list-portal-history';
import { requireLibrarian } from '@/lib/librarian/require-librarian';

export const metadata = { title: 'Change history' };

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function LibrarianHistory({ searchParams }: Props) {
  const { institution } = await requireLibrarian('/librarian/history');
  const { page: pageParam } = await searchParams;
  const page = Math.min(Math.max(Number.parseInt(typeof pageParam === 'string' ? pageParam : '1', 10) || 1, 1), 10_000);
  const { entries, hasMore } = await listPortalHistory(institution.id, { page });
  return (
    <>
      <h1>Change history</h1>
      <p>Every change to {institution.name}’s access, by your librarians and by our staff, newest first.</p>
      <HistoryTable entries={entries} caption="Change history" />
      <nav className="pager" aria-label="Pages">
        {page > 1 ? <Link href={`/librarian/history?page=${page - 1}`}>Newer</Link> : <span />}
        {hasMore ? <Link href={`/librarian/history?page=${page + 1}`}>Older</Link> : <span />}
      </nav>
    </>
  );
}
