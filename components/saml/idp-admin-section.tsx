import { ActionForm } from '@/components/ui/action-form';
import { db } from '@/lib/db';
import { removeIdpAsAdminAction, setIdpAsAdminAction, setIdpInitiatedAsAdminAction } from '@/lib/saml/idp-actions';
import { IdpInitiatedForm } from './idp-initiated-form';
import { IdpSettingsForm } from './idp-settings-form';
import { IdpSummary } from './idp-summary';

/** /admin/institutions: one institution's SAML identity provider (the librarian sets it too). */
export async function IdpAdminSection({ institutionId, name }: { institutionId: string; name: string }) {
  const idp = await db.institutionIdp.findUnique({ where: { institutionId } });
  return (
    <details className="idp-admin">
      <summary>Institution sign-in (SAML){idp ? `: ${idp.entityId}` : ': not set'}</summary>
      <IdpSummary idp={idp} />
      {idp && (
        <IdpInitiatedForm
          action={setIdpInitiatedAsAdminAction}
          hidden={{ institutionId }}
          isAllowed={idp.allowIdpInitiated}
        />
      )}
      <IdpSettingsForm action={setIdpAsAdminAction} hidden={{ institutionId }} current={idp} />
      {idp && (
        <ActionForm
          action={removeIdpAsAdminAction}
          hidden={{ institutionId }}
          fields={[]}
          submitLabel={`Remove the identity provider of ${name}`}
        />
      )}
    </details>
  );
}
