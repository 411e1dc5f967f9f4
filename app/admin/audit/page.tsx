import { AdminFilter, FilterInput } from '@/components/admin/admin-filter';
import { AdminTable } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { auditFilterSchema, listAuditEvents } from '@/lib/admin/audit-log';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'Audit log' };

export default async function AdminAudit({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/audit');
  const timeZone = await getReaderTimeZone();
  const filter = auditFilterSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listAuditEvents(filter);
  return (
    <>
      <h1>Audit log</h1>
      <p>Every admin action, newest first. Entries cannot be changed or deleted.</p>
      <AdminFilter label="Filter the audit log">
        <FilterInput
          id="a-action"
          label="Action"
          name="action"
          defaultValue={filter.action}
          placeholder="e.g. subscription"
        />
        <FilterInput id="a-actor" label="Admin" name="actor" defaultValue={filter.actor} />
        <FilterInput id="a-from" label="From" name="from" type="date" defaultValue={filter.from} />
        <FilterInput id="a-to" label="To" name="to" type="date" defaultValue={filter.to} />
      </AdminFilter>
      <AdminTable
        rows={rows}
        total={total}
        noun="event"
        columns={[
          { header: 'When', cell: (e) => formatDateTime(e.createdAt, timeZone) },
          { header: 'Admin', cell: (e) => e.actorEmail },
          { header: 'Action', cell: (e) => e.action },
          {
            header: 'What',
            cell: (e) => (
              <>
                {e.summary}
                {(e.before ?? e.after) && (
                  <details>
                    <summary>Before and after</summary>
                    <pre className="audit-json">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                  </details>
                )}
              </>
            ),
          },
        ]}
      />
      <Pager
        path="/admin/audit"
        params={{ action: filter.action, actor: filter.actor, from: filter.from, to: filter.to }}
        page={filter.page}
        pageCount={pageCount}
      />
    </>
  );
}
