import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { createCounterCredentialAction, revokeCounterCredentialAction } from '@/lib/counter/actions';
import { listCounterCredentials } from '@/lib/counter/counter-credentials';
import { requireLibrarian } from '@/lib/librarian/require-librarian';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'COUNTER API' };

export default async function LibrarianCounterApi() {
  const { institution } = await requireLibrarian('/librarian/counter-api');
  const [credentials, timeZone] = await Promise.all([listCounterCredentials(institution.id), getReaderTimeZone()]);
  const at = (d: Date | null) => (d ? formatDateTime(d, timeZone) : '—');
  const site = env.SITE_URL ?? `http://localhost:${env.PORT}`;
  return (
    <>
      <h1>COUNTER API</h1>
      <p>
        Harvesting tools (your ERM, Celus, LibInsight, a SUSHI client) fetch your COUNTER R5.1 reports from{' '}
        <code>{site}/r51/</code> with three values: your <strong>customer_id</strong> <code>{institution.id}</code>, a{' '}
        <strong>requestor_id</strong> and an <strong>api_key</strong>. Issue one pair per tool, so each can be revoked
        alone. Keys are shown once; we keep only a hash. Every issue and revocation is in the change history.
      </p>
      <h2>Issue credentials</h2>
      <ActionForm
        action={createCounterCredentialAction}
        fields={[
          { name: 'label', label: 'Name of the harvester', hint: 'For example “Alma usage harvester”', maxLength: 80 },
        ]}
        submitLabel="Issue credentials"
      />
      <h2>Credentials</h2>
      <DataTable
        columns={[
          { header: 'Name', cell: (c) => c.label },
          { header: 'requestor_id', cell: (c) => <code>{c.requestorId}</code> },
          { header: 'api_key', cell: (c) => `…${c.apiKeyHint}` },
          { header: 'Issued', cell: (c) => at(c.createdAt) },
          { header: 'Last used', cell: (c) => at(c.lastUsedAt) },
          {
            header: 'Status',
            cell: (c) =>
              c.revokedAt ? (
                // The revoke form's own message goes with the form: the row itself says what happened.
                `Revoked ${at(c.revokedAt)}: requests with this key are refused`
              ) : (
                <ActionForm
                  action={revokeCounterCredentialAction}
                  hidden={{ id: c.id }}
                  fields={[]}
                  submitLabel="Revoke"
                />
              ),
          },
        ]}
        rows={credentials}
        rowKey={(c) => c.id}
      />
      {credentials.length === 0 && <p>No credentials yet.</p>}
    </>
  );
}
