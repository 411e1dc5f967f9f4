import 'server-only';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { findInstitutionsForIp } from './find-institutions-for-ip';
import { reversalForReader } from '@/lib/billing/reversal-for-reader';

export type Entitlement = {
  kind: 'Subscription' | '24-hour access' | 'Institution';
  description: string;
  source: string;
  endsAt: Date | null;
  status: 'active' | 'ended' | 'revoked' | 'scheduled';
  note: string | null;
};

function statusOf(startsAt: Date, endsAt: Date | null, revokedAt: Date | null, now: Date): Entitlement['status'] {
  if (revokedAt) return 'revoked';
  if (startsAt > now) return 'scheduled';
  return endsAt && endsAt <= now ? 'ended' : 'active';
}

const SOURCE_LABEL = {
  payment: 'Paid subscription',
  activation: 'Activated membership',
  complimentary: 'Complimentary',
} as const;

/** "My access": every entitlement of the user with its source and end, newest first. */
export async function listEntitlements(userId: string, ip: string | null, now = clockNow()): Promise<Entitlement[]> {
  const [subscriptions, purchases, institutions, pairings] = await Promise.all([
    db.subscription.findMany({ where: { userId }, orderBy: { currentPeriodEnd: 'desc' } }),
    db.articlePurchase.findMany({
      where: { userId },
      orderBy: { confirmedAt: 'desc' },
      include: { article: { select: { title: true } } },
    }),
    ip ? findInstitutionsForIp(ip) : [],
    db.institutionPairing.findMany({
      where: { userId },
      orderBy: { expiresAt: 'desc' },
      include: { institution: { select: { name: true } } },
    }),
  ]);
  return [
    ...subscriptions.map((s) => ({
      kind: 'Subscription' as const,
      description: `${s.plan[0]?.toUpperCase()}${s.plan.slice(1)} plan`,
      source: SOURCE_LABEL[s.source],
      // A revoked right ended when it was revoked, not at the end it would have had.
      endsAt: s.revokedAt ?? s.currentPeriodEnd,
      status: ['active', 'trialing', 'past_due'].includes(s.status)
        ? statusOf(s.startsAt, s.currentPeriodEnd, s.revokedAt, now)
        : ('ended' as const),
      note: s.revokedAt
        ? reversalForReader(s.revokedReason)
        : s.cancelAtPeriodEnd
          ? 'Cancelled: ends at the end of the period'
          : null,
    })),
    ...purchases.map((p) => ({
      kind: '24-hour access' as const,
      description: p.article.title,
      source: 'Purchase',
      endsAt: p.revokedAt ?? p.expiresAt,
      status: statusOf(p.confirmedAt, p.expiresAt, p.revokedAt, now),
      note: p.revokedAt ? reversalForReader(p.revokedReason) : null,
    })),
    ...institutions.map((i) => ({
      kind: 'Institution' as const,
      description: i.name,
      source: 'Your network address',
      endsAt: i.activeUntil,
      status: statusOf(i.activeFrom, i.activeUntil, null, now),
      note: null,
    })),
    ...pairings.map((p) => ({
      kind: 'Institution' as const,
      description: p.institution.name,
      source: 'Account paired with the institution',
      endsAt: p.expiresAt,
      status: statusOf(p.verifiedAt, p.expiresAt, null, now),
      note: 'Renewed by signing in through the institution or visiting on campus',
    })),
  ];
}
