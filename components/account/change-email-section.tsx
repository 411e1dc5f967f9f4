import { requestEmailChangeAction } from '@/lib/auth/email-change-actions';
import { ActionForm } from '@/components/ui/action-form';

/** The account page's email change: asks for the password; the switch waits for the emailed link. */
export function ChangeEmailSection({ email }: { email: string }) {
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">Change email address</h2>
      <p>Your account uses {email}. We send a link to the new address; the change happens when you open it.</p>
      <ActionForm
        action={requestEmailChangeAction}
        fields={[
          { name: 'email', label: 'New email address', type: 'email', autoComplete: 'email' },
          {
            name: 'currentPassword',
            label: 'Your password',
            type: 'password',
            autoComplete: 'current-password',
          },
        ]}
        submitLabel="Send confirmation link"
      />
    </section>
  );
}
