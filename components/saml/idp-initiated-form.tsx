import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/http/action';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  isAllowed: boolean;
};

/** Whether sign-ins started at the institution's IdP (its portal) are accepted: one button to switch. */
export function IdpInitiatedForm({ action, hidden = {}, isAllowed }: Props) {
  return (
    <>
      <p>
        {isAllowed
          ? 'Sign-ins started at the identity provider (a link in your portal, OpenAthens or Shibboleth unsolicited sign-in) are accepted, with every other check.'
          : 'Sign-ins started at the identity provider (a link in your portal) are refused: readers start from the journal. Allow them only if your portal links here.'}
      </p>
      <ActionForm
        action={action}
        hidden={{ ...hidden, allow: String(!isAllowed) }}
        fields={[]}
        submitLabel={
          isAllowed
            ? 'Refuse sign-ins started at the identity provider'
            : 'Allow sign-ins started at the identity provider'
        }
      />
    </>
  );
}
