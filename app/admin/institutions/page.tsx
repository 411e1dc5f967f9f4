import { ActionForm } from '@/components/ui/action-form';
import {
  assignLibrarianAction,
  createInstitutionAction,
  deactivateInstitutionAction,
  removeLibrarianAction,
  updateInstitutionAction,
} from '@/lib/admin/actions';
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
        <ActionForm
          action={createInstitutionAction}
          fields={[
            { name: 'name', label: 'Name', required: true },
            { type: 'date', name: 'activeFrom', label: 'Access from', required: true },
            { type: 'date', name: 'activeUntil', label: 'Access until (empty: no end)', required: false },
            { type: 'textarea', name: 'ranges', label: 'IP ranges', hint: RANGES_HINT },
          ]}
          submitLabel="Create institution"
          className="admin-form"
        />
      </section>
      {institutions.map((i) => (
        <section key={i.id} aria-label={i.name} className="box">
          <h2 className="box__title">{i.name}</h2>
          <ActionForm
            action={updateInstitutionAction}
            hidden={{ id: i.id, expectedUpdatedAt: i.updatedAt.toISOString() }}
            fields={[
              { name: 'name', label: 'Name', defaultValue: i.name },
              { type: 'date', name: 'activeFrom', label: 'Access from', defaultValue: day(i.activeFrom) },
              {
                type: 'date',
                name: 'activeUntil',
                label: 'Access until (empty: no end)',
                required: false,
                defaultValue: day(i.activeUntil),
              },
              {
                type: 'textarea',
                name: 'ranges',
                label: 'IP ranges',
                defaultValue: i.ranges.map((r) => r.cidr).join('\n'),
                hint: RANGES_HINT,
              },
            ]}
            submitLabel="Save institution"
            className="admin-form"
          />
          <h3>Librarians</h3>
          {i.librarians.length === 0 ? (
            <p>No librarian yet. A librarian manages this institution’s ranges in the librarian portal.</p>
          ) : (
            <ul>
              {i.librarians.map((l) => (
                <li key={l.id}>
                  {l.user.name} ({l.user.email})
                  <ActionForm
                    action={removeLibrarianAction}
                    hidden={{ institutionId: i.id, userId: l.userId }}
                    fields={[]}
                    submitLabel={`Remove ${l.user.email}`}
                    confirm={`Remove ${l.user.email} as a librarian of ${i.name}?`}
                    className="admin-form admin-form--compact"
                  />
                </li>
              ))}
            </ul>
          )}
          <ActionForm
            action={assignLibrarianAction}
            hidden={{ institutionId: i.id }}
            fields={[{ type: 'email', name: 'email', label: 'Make an account a librarian (email)', required: true }]}
            submitLabel="Assign librarian"
            className="admin-form admin-form--compact"
          />
          <IdpAdminSection institutionId={i.id} name={i.name} />
          <ActionForm
            action={deactivateInstitutionAction}
            hidden={{ id: i.id }}
            fields={[]}
            submitLabel="Deactivate now"
            confirm={`End access for ${i.name} now?`}
            className="admin-form admin-form--compact"
          />
        </section>
      ))}
    </>
  );
}
