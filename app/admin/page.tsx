import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/admin/require-admin';

export default async function AdminHome() {
  await requireAdmin('/admin');
  const [users, subscriptions, purchases, institutions, members] = await Promise.all([
    db.user.count(),
    db.subscription.count({ where: { status: 'active', revokedAt: null } }),
    db.articlePurchase.count(),
    db.institution.count(),
    db.memberRecord.count(),
  ]);
  return (
    <>
      <h1>Admin</h1>
      <dl className="admin-stats">
        <div>
          <dt>Accounts</dt>
          <dd>{users}</dd>
        </div>
        <div>
          <dt>Active subscriptions</dt>
          <dd>{subscriptions}</dd>
        </div>
        <div>
          <dt>24-hour purchases</dt>
          <dd>{purchases}</dd>
        </div>
        <div>
          <dt>Institutions</dt>
          <dd>{institutions}</dd>
        </div>
        <div>
          <dt>Society member records</dt>
          <dd>{members}</dd>
        </div>
      </dl>
    </>
  );
}
