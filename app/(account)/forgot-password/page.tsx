import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { forgotPasswordAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <div className="page page--narrow">
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ActionForm
        action={forgotPasswordAction}
        fields={[{ name: 'email', label: 'Email', type: 'email', autoComplete: 'email' }]}
        submitLabel="Send reset link"
      />
    </div>
  );
}
