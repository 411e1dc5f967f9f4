import { ActionForm } from '@/components/ui/action-form';
import { retryJobAction } from '@/lib/admin/actions';
import { AdminTable } from '@/components/admin/admin-table';
import { countQueuedJobs, listJobFailures, type JobFailure } from '@/lib/admin/job-failures';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'Email and job failures' };

// The first line says what went wrong (e.g. "connect ECONNREFUSED …"); the rest is a stack.
const firstLine = (error: string | null) => (error ?? '').split('\n')[0]?.slice(0, 300) ?? '';

function describeJob(f: JobFailure): string {
  if (f.task === 'send-email' && f.to) return `Email to ${f.to}: ${f.subject ?? ''}`;
  if (f.task === 'apply-stripe-event' && f.eventType) return `Stripe event ${f.eventType} (${f.key?.split(':')[1]})`;
  return f.key ?? f.task;
}

export default async function AdminJobs() {
  await requireAdmin('/admin/jobs');
  const timeZone = await getReaderTimeZone();
  const [failures, counts] = await Promise.all([listJobFailures(), countQueuedJobs()]);
  return (
    <>
      <h1>Email and job failures</h1>
      <p>
        Emails, Stripe events and other background work run as jobs, retried with growing waits. These gave up after
        their last attempt. Retry runs one again at once. Now: {counts.waiting} waiting, {counts.running} running,{' '}
        {counts.retrying} waiting to retry.
      </p>
      <AdminTable
        rows={failures}
        total={counts.failed}
        noun="failed job"
        columns={[
          { header: 'Failed', cell: (f) => formatDateTime(f.failedAt, timeZone) },
          {
            header: 'Job',
            cell: (f) => describeJob(f),
          },
          { header: 'Attempts', cell: (f) => f.attempts },
          { header: 'Error', cell: (f) => firstLine(f.lastError) },
          {
            header: 'Action',
            cell: (f) => (
              <ActionForm
                action={retryJobAction}
                hidden={{ jobId: f.id }}
                fields={[]}
                submitLabel="Retry"
                className="admin-form admin-form--compact"
              />
            ),
          },
        ]}
      />
    </>
  );
}
