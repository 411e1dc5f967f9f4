import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { ChangeEmailSection } from '@/components/account/change-email-section';
import { EntitlementsTable } from '@/components/account/entitlements-table';
import { SessionsPanel } from '@/components/account/sessions-panel';
import { InstitutionPairingSection } from '@/components/account/institution-pairing-section';
import { TimeZoneSection } from '@/components/account/time-zone-section';
import { BillingPanel } from '@/components/billing/billing-panel';
import { ActionForm } from '@/components/ui/action-form';
import { listEntitlements } from '@/lib/access/list-entitlements';
import { requireUser } from '@/lib/auth/current-user';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { changePasswordAction, resendVerificationAction, updateProfileAction } from '@/lib/auth/account-actions';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'My Account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  const [entitlements, timeZone] = await Promise.all([
    listEntitlements(user.id, clientIpFromHeaders(await headers())),
    getReaderTimeZone(),
  ]);
  const hasActiveSubscription = entitlements.some((e) => e.kind === 'Subscription' && e.status === 'active');
  return (
    <div className="page">
      <TimeZoneFallbackMarker />
      <h1>My Account</h1>
      {!user.emailVerified && (
        <section className="notice" aria-labelledby="verify-heading">
          <h2 id="verify-heading">Please confirm your email address</h2>
          <p>We sent a link to {user.email}. Confirming it lets us send you alerts and password resets.</p>
          <ActionForm action={resendVerificationAction} fields={[]} submitLabel="Send the link again" />
        </section>
      )}

      {user.isLibrarian && (
        <p className="notice">
          You manage an institution’s access: <Link href="/librarian">open the librarian portal</Link>.
        </p>
      )}

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">My access</h2>
        <EntitlementsTable entitlements={entitlements} timeZone={timeZone} />
        {!hasActiveSubscription && (
          <p>
            <Link href="/activate">Activate your current subscription</Link> (AMA members and current subscribers)
          </p>
        )}
        <p>
          <Link href="/cme">Your CME</Link> (in progress, completed, state requirements) ·{' '}
          <Link href="/cme/transcript">Your CME transcript</Link> (credits claimed and certificates)
        </p>
        <p>
          <Link href="/account/alerts">Alerts</Link> (saved searches, new issues, comments) ·{' '}
          <Link href="/account/reading-list">My reading list</Link>
        </p>
      </section>

      <InstitutionPairingSection userId={user.id} />

      <BillingPanel userId={user.id} canReadEverything={hasActiveSubscription} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Your details</h2>
        <ActionForm
          action={updateProfileAction}
          fields={[{ name: 'name', label: 'Name', autoComplete: 'name', defaultValue: user.name, maxLength: 120 }]}
          submitLabel="Save details"
        />
      </section>

      <ChangeEmailSection email={user.email} />

      <TimeZoneSection user={user} />

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ActionForm
          action={changePasswordAction}
          fields={[
            { name: 'currentPassword', label: 'Current password', type: 'password', autoComplete: 'current-password' },
            {
              name: 'password',
              label: 'New password',
              type: 'password',
              autoComplete: 'new-password',
              hint: 'At least 10 characters.',
            },
          ]}
          submitLabel="Change password"
        />
      </section>

      <SessionsPanel user={user} />
    </div>
  );
}
