import { ActionForm } from '@/components/ui/action-form';
import { importMembersAction } from '@/lib/admin/actions';
import { db } from '@/lib/db';
import { MAX_CSV_BYTES } from '@/lib/admin/import-members';
import { requireAdmin } from '@/lib/admin/require-admin';

export const metadata = { title: 'Society members' };

export default async function AdminMembers() {
  await requireAdmin('/admin/members');
  const [total, claimed] = await Promise.all([
    db.memberRecord.count(),
    db.memberRecord.count({ where: { claimedByUserId: { not: null } } }),
  ]);
  return (
    <>
      <h1>Society members</h1>
      <p>
        {total} member records, {claimed} activated by an account.
      </p>
      <section aria-labelledby="import-heading" className="box">
        <h2 id="import-heading" className="box__title">
          Import a CSV file
        </h2>
        <p>
          Columns: <code>member_number,last_name,expires_on</code> (YYYY-MM-DD), optionally <code>plan</code> (monthly
          or annual) and <code>activation_code</code>. Bad rows are listed by line; the good rows are imported together.
          A member already in the list is updated.
        </p>
        <ActionForm
          action={importMembersAction}
          fields={[{ type: 'file', name: 'csv', label: 'CSV file', accept: '.csv,text/csv', maxBytes: MAX_CSV_BYTES }]}
          submitLabel="Import members"
          className="admin-form"
        />
      </section>
    </>
  );
}
