import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { setUserDisabledAction, setUserRoleAction } from '@/lib/admin/actions';
import { EntitlementsTable } from '@/components/account/entitlements-table';
import { listEntitlements } from '@/lib/access/list-entitlements';
import { requireAdmin } from '@/lib/admin/require-admin';
import { getUserSummary } from '@/lib/admin/users';
import { NotFoundError } from '@/lib/errors/app-error';
import { formatDate } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'User' };

export default async function AdminUser({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/users/${id}`);
  const user = await getUserSummary(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [entitlements, timeZone] = await Promise.all([listEntitlements(user.id, null), getReaderTimeZone()]);
  return (
    <>
      <h1>{user.name}</h1>
      <p>
        {user.email} · {user.role} · {user.disabledAt ? `disabled since ${formatDate(user.disabledAt)}` : 'active'} ·{' '}
        {user.emailVerifiedAt ? 'email confirmed' : 'email not confirmed'}
      </p>
      <section aria-labelledby="access-summary">
        <h2 id="access-summary">Access summary</h2>
        <EntitlementsTable entitlements={entitlements} timeZone={timeZone} />
        {user.memberships.length > 0 && (
          <p>
            Activated member records:{' '}
            {user.memberships.map((m) => `${m.memberNumber} (until ${formatDate(m.expiresAt)})`).join(', ')}
          </p>
        )}
      </section>
      <section aria-labelledby="role-heading">
        <h2 id="role-heading">Role</h2>
        <ActionForm
          action={setUserRoleAction}
          hidden={{ userId: user.id }}
          fields={[
            {
              type: 'select',
              name: 'role',
              label: 'Role',
              defaultValue: user.role,
              options: [
                { value: 'reader', label: 'Reader' },
                { value: 'admin', label: 'Admin' },
              ],
            },
          ]}
          submitLabel="Change role"
          className="admin-form admin-form--compact"
        />
      </section>
      <section aria-labelledby="standing-heading">
        <h2 id="standing-heading">Account standing</h2>
        <ActionForm
          action={setUserDisabledAction}
          hidden={{ userId: user.id }}
          fields={[
            {
              type: 'checkbox',
              name: 'disabled',
              label: 'Disabled (cannot sign in; current sessions end)',
              defaultChecked: Boolean(user.disabledAt),
            },
          ]}
          submitLabel="Save standing"
          className="admin-form admin-form--compact"
        />
      </section>
    </>
  );
}
