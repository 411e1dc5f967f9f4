import { AdminTable } from '@/components/admin/admin-table';
import { db } from '@/lib/db';
import { requireAdmin } from '@/lib/admin/require-admin';
import { listUnmatchedStripeEvents } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export default async function AdminHome() {
  await requireAdmin('/admin');
  const timeZone = await getReaderTimeZone();
  const [users, subscriptions, purchases, institutions, members, unmatched] = await Promise.all([
    db.user.count(),
    db.subscription.count({ where: { status: 'active', revokedAt: null } }),
    db.articlePurchase.count(),
    db.institution.count(),
    db.memberRecord.count(),
    listUnmatchedStripeEvents(),
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
      <h2>Stripe events not applied</h2>
      <p>
        Answered as received (Stripe would otherwise retry them for days) but they changed nothing: each names a user,
        article or checkout session this site does not have. Look each up in Stripe&rsquo;s dashboard by its id.
      </p>
      <AdminTable
        rows={unmatched}
        total={unmatched.length}
        noun="event"
        columns={[
          { header: 'Received', cell: (e) => formatDateTime(e.processedAt, timeZone) },
          { header: 'Event', cell: (e) => <code>{e.id}</code> },
          { header: 'Type', cell: (e) => e.type },
          { header: 'Problem', cell: (e) => e.problem },
        ]}
      />
    </>
  );
}
