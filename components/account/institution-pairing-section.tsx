import { ActionForm } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { getReader } from '@/lib/access/get-reader';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format-date';
import { listPairings, listReachableInstitutions } from '@/lib/saml/institution-pairing';
import { pairInstitutionAction, unpairInstitutionAction } from '@/lib/saml/pairing-actions';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

const VIA = { address: 'on its network', saml: 'signed in through it' } as const;

/** My Account: institutions this account is paired with, and the one the reader can pair now. */
export async function InstitutionPairingSection({ userId }: { userId: string }) {
  const now = clockNow();
  const [pairings, reachable, timeZone] = await Promise.all([
    listPairings(userId),
    getReader().then((reader) => listReachableInstitutions(reader, now)),
    getReaderTimeZone(),
  ]);
  // The reader's own checks and ends: their calendar's days.
  const day = (d: Date) => formatDate(d, timeZone);
  if (!pairings.length && !reachable.length) return null;
  const days = env.INSTITUTION_PAIRING_DAYS;
  return (
    <section aria-labelledby="pairing-heading">
      <h2 id="pairing-heading">Institution access off campus</h2>
      {pairings.length > 0 && (
        <DataTable
          caption="Institutions your account is paired with"
          rows={pairings}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Institution', cell: (p) => p.institution.name },
            {
              header: 'Last checked',
              cell: (p) => `${day(p.verifiedAt)} (${p.verifiedBy === 'saml' ? 'institution sign-in' : 'on campus'})`,
            },
            {
              header: 'Access until',
              cell: (p) => (p.expiresAt > now ? day(p.expiresAt) : `ended ${day(p.expiresAt)}`),
            },
            {
              header: '',
              cell: (p) => (
                <ActionForm
                  action={unpairInstitutionAction}
                  hidden={{ institutionId: p.institutionId }}
                  fields={[]}
                  submitLabel="Remove"
                  className="form form--inline"
                />
              ),
            },
          ]}
        />
      )}
      {reachable.map((i) => {
        const pairing = pairings.find((p) => p.institutionId === i.id);
        return (
          <div key={i.id} className="notice">
            <p>
              You are reaching <strong>{i.name}</strong> {VIA[i.via]}.{' '}
              {pairing
                ? `Renew the pairing to keep its access off campus for another ${days} days.`
                : `Pair your account to keep its access when you read off campus, for ${days} days; then sign in through ${i.name} or visit on campus again to renew.`}
            </p>
            <ActionForm
              action={pairInstitutionAction}
              hidden={{ institutionId: i.id }}
              fields={[]}
              submitLabel={pairing ? `Renew pairing with ${i.name}` : `Pair my account with ${i.name}`}
            />
          </div>
        );
      })}
    </section>
  );
}
