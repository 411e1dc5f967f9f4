import Link from 'next/link';
import { Pager } from '@/components/admin/pager';
import { requireAdmin } from '@/lib/admin/require-admin';
import { searchUsers, userSearchSchema } from '@/lib/admin/users';

export const metadata = { title: 'Users' };

export default async function AdminUsers({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/users');
  const filter = userSearchSchema.parse(await searchParams);
  const { users, total, pageCount } = await searchUsers(filter);
  return (
    <>
      <h1>Users</h1>
      <form className="admin-filter" role="search">
        <label htmlFor="user-q">Email or name</label>
        <input id="user-q" name="q" defaultValue={filter.q} maxLength={200} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p role="status">
        {total} account{total === 1 ? '' : 's'}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Registered</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.disabledAt ? 'disabled' : u.emailVerifiedAt ? 'active' : 'email not confirmed'}</td>
              <td>{u.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/admin/users" params={{ q: filter.q }} page={filter.page} pageCount={pageCount} />
    </>
  );
}
