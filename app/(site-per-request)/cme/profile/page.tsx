import type { Metadata } from 'next';
import Link from 'next/link';
import { LearnerProfileForm } from '@/components/cme/learner-profile-form';
import { requireUser } from '@/lib/auth/current-user';
import { listCmeStates } from '@/lib/cme/list-cme-states';
import { getLearnerProfile } from '@/lib/cme/get-learner-profile';
import { LICENCE_ROWS } from '@/lib/cme/learner-profile-input';

export const metadata: Metadata = { title: 'CME learner profile' };

export default async function LearnerProfilePage() {
  const user = await requireUser('/cme/profile');
  const [profile, states] = await Promise.all([getLearnerProfile(user.id), listCmeStates()]);
  return (
    <div className="page">
      <p className="eyebrow">
        <Link href="/cme/transcript">CME transcript</Link>
      </p>
      <h1>Learner profile for board reporting</h1>
      <p>
        Every detail is optional. We keep a detail only while its consent box is ticked; untick it and the detail is
        erased.
      </p>
      <LearnerProfileForm
        licenceRows={LICENCE_ROWS}
        states={states.map((s) => ({ code: s.code, name: s.name }))}
        values={{
          npi: profile?.npi ?? '',
          npiConsent: profile?.npiConsent ?? false,
          boardName: profile?.boardName ?? '',
          boardId: profile?.boardId ?? '',
          boardConsent: profile?.boardConsent ?? false,
          birthMonth: profile?.birthMonth ?? 0,
          birthDay: profile?.birthDay ?? 0,
          birthConsent: profile?.birthConsent ?? false,
          licencesConsent: profile?.licencesConsent ?? false,
          licences: profile?.licences ?? [],
        }}
      />
    </div>
  );
}
