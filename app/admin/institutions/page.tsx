import { AdminForm } from '@/components/admin/admin-form';
import { IdpAdminSection } from '@/components/saml/idp-admin-section';
import { listInstitutions } from '@/lib/admin/institutions';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatIsoDate } from '@/lib/format-date';

export const metadata = { title: 'Institutions' };

// A date field's value is the ISO calendar date.
const day = (d: Date | null) => (d ? formatIsoDate(d) : '');
const RANGES_HINT = 'One IPv4 or IPv6 range per line, e.g. 203.0.113.0/24 or 2001:db8::/48.';

export default async function AdminInstitutions() {
  await requireAdmin('/admin/institutions');
  const institutions = await listInstitutions();
  return (
    <>
      <h1>Institutions</h1>
      <section aria-labelledby="new-inst" className="box">
        <h2 id="new-inst" className="box__title">
          New institution
        </h2>
        <AdminForm
          endpoint="/api/admin/institutions"
          fields={[
            { kind: 'text', name: 'name', label: 'Name', required: true },
            { kind: 'date', name: 'activeFrom', label: 'Access from', required: true },
            { kind: 'date', name: 'activeUntil', label: 'Access until (empty: no end)' },
            { kind: 'list', name: 'ranges', label: 'IP ranges', hint: RANGES_HINT },
          ]}
          submitLabel="Create institution"
        />
      </section>
      {institutions.map((i) => (
        <section key={i.id} aria-label={i.name} className="box">
          <h2 className="box__title">{i.name}</h2>
          <AdminForm
            endpoint="/api/admin/institutions/update"
            hidden={{ id: i.id, expectedUpdatedAt: i.updatedAt.toISOString() }}
            fields={[
              { kind: 'text', name: 'name', label: 'Name', defaultValue: i.name },
              { kind: 'date', name: 'activeFrom', label: 'Access from', defaultValue: day(i.activeFrom) },
              {
                kind: 'date',
                name: 'activeUntil',
                label: 'Access until (empty: no end)',
                defaultValue: day(i.activeUntil),
              },
              {
                kind: 'list',
                name: 'ranges',
                label: 'IP ranges',
                defaultValue: i.ranges.map((r) => r.cidr),
                hint: RANGES_HINT,
              },
            ]}
            submitLabel="Save institution"
          />
          <h3>Librarians</h3>
          {i.librarians.length === 0 ? (
            <p>No librarian yet. A librarian manages this institution’s ranges in the librarian portal.</p>
          ) : (
            <ul>
              {i.librarians.map((l) => (
                <li key={l.id}>
                  {l.user.name} ({l.user.email})
                  <AdminForm
                    endpoint="/api/admin/institutions/librarians/remove"
                    hidden={{ institutionId: i.id, userId: l.userId }}
                    fields={[]}
                    submitLabel={`Remove ${l.user.email}`}
                    confirm={`Remove ${l.user.email} as a librarian of ${i.name}?`}
                    compact
                  />
                </li>
              ))}
            </ul>
          )}
          <AdminForm
            endpoint="/api/admin/institutions/librarians"
            hidden={{ institutionId: i.id }}
            fields={[{ kind: 'email', name: 'email', label: 'Make an account a librarian (email)', required: true }]}
            submitLabel="Assign librarian"
            compact
          />
          <IdpAdminSection institutionId={i.id} name={i.name} />
          <AdminForm
            endpoint="/api/admin/institutions/deactivate"
            hidden={{ id: i.id }}
            fields={[]}
            submitLabel="Deactivate now"
            confirm={`End access for ${i.name} now?`}
            compact
          />
        </section>
      ))}
    </>
  );
}
