import Link from 'next/link';
import { AdminFilter, FilterInput } from '@/components/admin/admin-filter';
import { AdminTable } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { requireAdmin } from '@/lib/admin/require-admin';
import { searchUsers, userSearchSchema } from '@/lib/admin/users';
import { formatDate } from '@/lib/format-date';

export const metadata = { title: 'Users' };

export default async function AdminUsers({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/users');
  const filter = userSearchSchema.parse(await searchParams);
  const { rows, total, pageCount } = await searchUsers(filter);
  return (
    <>
      <h1>Users</h1>
      <AdminFilter role="search" submitLabel="Search">
        <FilterInput id="user-q" label="Email or name" name="q" defaultValue={filter.q} maxLength={200} />
      </AdminFilter>
      <AdminTable
        rows={rows}
        total={total}
        noun="account"
        columns={[
          { header: 'Name', cell: (u) => <Link href={`/admin/users/${u.id}`}>{u.name}</Link> },
          { header: 'Email', cell: (u) => u.email },
          { header: 'Role', cell: (u) => u.role },
          {
            header: 'Status',
            cell: (u) => (u.disabledAt ? 'disabled' : u.emailVerifiedAt ? 'active' : 'email not confirmed'),
          },
          { header: 'Registered', cell: (u) => formatDate(u.createdAt) },
        ]}
      />
      <Pager path="/admin/users" params={{ q: filter.q }} page={filter.page} pageCount={pageCount} />
    </>
  );
}
