import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/current-user';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { activateAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Activate your subscription' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function ActivatePage({ searchParams }: Props) {
  // From an article's access panel the reader goes back to that article once activated.
  const returnTo = safeReturnTo((await searchParams).callbackUrl, '/account');
  await requireUser(returnTo === '/account' ? '/activate' : `/activate?callbackUrl=${encodeURIComponent(returnTo)}`);
  const afterSuccess =
    returnTo === '/account' ? (
      <Link href="/account">See My Account</Link>
    ) : (
      <Link href={returnTo}>Back to the article</Link>
    );
  return (
    <div className="page page--narrow">
      <h1>Activate your current subscription</h1>
      <p>AMA members and current print subscribers: link your subscription to this account once, and read online.</p>
      <section aria-labelledby="by-number-heading">
        <h2 id="by-number-heading">With your member or subscriber number</h2>
        <ActionForm
          action={activateAction}
          fields={[
            { name: 'memberNumber', label: 'Member or subscriber number', autoComplete: 'off', maxLength: 40 },
            { name: 'lastName', label: 'Last name', autoComplete: 'family-name', maxLength: 80 },
          ]}
          submitLabel="Activate"
          afterSuccess={afterSuccess}
        />
      </section>
      <section aria-labelledby="by-code-heading">
        <h2 id="by-code-heading">Or with an activation code</h2>
        <ActionForm
          action={activateAction}
          fields={[{ name: 'activationCode', label: 'Activation code', autoComplete: 'off', maxLength: 40 }]}
          submitLabel="Activate with code"
          afterSuccess={afterSuccess}
        />
      </section>
    </div>
  );
}
