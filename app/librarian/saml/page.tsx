import { ActionForm } from '@/components/ui/action-form';
import { IdpInitiatedForm } from '@/components/saml/idp-initiated-form';
import { IdpSettingsForm } from '@/components/saml/idp-settings-form';
import { IdpSummary } from '@/components/saml/idp-summary';
import { db } from '@/lib/db';
import { requireLibrarian } from '@/lib/librarian/require-librarian';
import {
  removeIdpAsLibrarianAction,
  setIdpAsLibrarianAction,
  setIdpInitiatedAsLibrarianAction,
} from '@/lib/saml/idp-actions';

export const metadata = { title: 'Institution sign-in (SAML)' };

/** The librarian sets the institution's identity provider (Shibboleth, OpenAthens); every change is audited. */
export default async function LibrarianSaml() {
  const { institution } = await requireLibrarian('/librarian/saml');
  const idp = await db.institutionIdp.findUnique({ where: { institutionId: institution.id } });
  return (
    <>
      <h1>Institution sign-in (SAML)</h1>
      <p>
        Readers off campus choose {institution.name} under “Access through your institution” and sign in with the
        account you gave them. The access follows the same rules as on campus.
      </p>
      <IdpSummary idp={idp} />
      {idp && (
        <>
          <h2>Sign-in from your portal</h2>
          <IdpInitiatedForm action={setIdpInitiatedAsLibrarianAction} isAllowed={idp.allowIdpInitiated} />
        </>
      )}
      <h2>{idp ? 'Replace the identity provider' : 'Set the identity provider'}</h2>
      <IdpSettingsForm action={setIdpAsLibrarianAction} current={idp} />
      {idp && (
        <>
          <h2>Remove</h2>
          <ActionForm action={removeIdpAsLibrarianAction} fields={[]} submitLabel="Remove the identity provider" />
        </>
      )}
    </>
  );
}
