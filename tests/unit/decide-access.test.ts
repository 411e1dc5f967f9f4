import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessFacts, type PurchaseFact, type SubscriptionFact } from '@/lib/access/decide-access';
import { describeAccess } from '@/lib/access/describe-access';

const now = new Date('2026-11-25T12:00:00.000Z');
const hour = 3600_000;
const day = 24 * hour;
const article = { id: 'a1', isFree: false };

function facts(overrides: Partial<AccessFacts> = {}): AccessFacts {
  return { now, article, subscriptions: [], purchases: [], institutions: [], ...overrides };
}

function subscription(overrides: Partial<SubscriptionFact> = {}): SubscriptionFact {
  return {
    plan: 'annual',
    status: 'active',
    source: 'payment',
    startsAt: new Date(now.getTime() - 30 * day),
    currentPeriodEnd: new Date('2027-03-01T00:00:00Z'),
    revokedAt: null,
    ...overrides,
  };
}

function purchase(confirmedAt: Date, overrides: Partial<PurchaseFact> = {}): PurchaseFact {
  return {
    articleId: 'a1',
    confirmedAt,
    expiresAt: new Date(confirmedAt.getTime() + day),
    revokedAt: null,
    ...overrides,
  };
}

describe('decideAccess', () => {
  it('opens free articles to everyone, with nothing else known', () => {
    const d = decideAccess(facts({ article: { id: 'a1', isFree: true } }));
    expect(d).toEqual({ canRead: true, source: 'free' });
    expect(describeAccess(d, now, 'UTC')).toBe('Free article');
  });

  it('keeps paid articles closed to a reader with no entitlement', () => {
    expect(decideAccess(facts())).toEqual({ canRead: false, source: 'none' });
  });

  describe.each(['payment', 'activation', 'complimentary'] as const)('subscription from %s', (source) => {
    it('opens while active and names its end', () => {
      const d = decideAccess(facts({ subscriptions: [subscription({ source })] }));
      expect(d).toMatchObject({ canRead: true, source: 'subscription', via: source });
      expect(describeAccess(d, now, 'UTC')).toBe('Subscriber until 1 March 2027');
      // A subscription's term is the journal's date, whoever reads it.
      expect(describeAccess(d, now, 'Pacific/Honolulu')).toBe('Subscriber until 1 March 2027');
    });
    it('is closed once the period has ended (end exclusive)', () => {
      expect(decideAccess(facts({ subscriptions: [subscription({ source, currentPeriodEnd: now })] })).canRead).toBe(
        false,
      );
    });
    it('is closed before it starts', () => {
      const s = subscription({ source, startsAt: new Date(now.getTime() + 1) });
      expect(decideAccess(facts({ subscriptions: [s] })).canRead).toBe(false);
    });
    it('is closed when revoked (refund, dispute)', () => {
      expect(decideAccess(facts({ subscriptions: [subscription({ source, revokedAt: now })] })).canRead).toBe(false);
    });
  });

  it.each(['canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'] as const)(
    'closes a %s subscription',
    (status) => {
      expect(decideAccess(facts({ subscriptions: [subscription({ status })] })).canRead).toBe(false);
    },
  );

  it.each(['trialing', 'past_due'] as const)('keeps a %s subscription open until its period ends', (status) => {
    expect(decideAccess(facts({ subscriptions: [subscription({ status })] })).canRead).toBe(true);
  });

  describe('24-hour purchase', () => {
    const confirmedAt = new Date('2026-11-24T14:05:00.000Z');
    it('opens during the 24 hours after confirmation', () => {
      const d = decideAccess(
        facts({ now: new Date(confirmedAt.getTime() + day - 1000), purchases: [purchase(confirmedAt)] }),
      );
      expect(d).toEqual({ canRead: true, source: 'purchase', until: new Date('2026-11-25T14:05:00.000Z') });
    });
    it('is open one second before expiry and closed at expiry and one second after', () => {
      const p = [purchase(confirmedAt)];
      expect(decideAccess(facts({ now: new Date(confirmedAt.getTime() + day - 1000), purchases: p })).canRead).toBe(
        true,
      );
      expect(decideAccess(facts({ now: new Date(confirmedAt.getTime() + day), purchases: p })).canRead).toBe(false);
      expect(decideAccess(facts({ now: new Date(confirmedAt.getTime() + day + 1000), purchases: p })).canRead).toBe(
        false,
      );
    });
    it('is closed before confirmation', () => {
      const p = [purchase(new Date(now.getTime() + 1000))];
      expect(decideAccess(facts({ purchases: p })).canRead).toBe(false);
    });
    it('opens only the article bought', () => {
      expect(decideAccess(facts({ purchases: [purchase(now, { articleId: 'other' })] })).canRead).toBe(false);
    });
    it('is closed when refunded', () => {
      expect(decideAccess(facts({ purchases: [purchase(confirmedAt, { revokedAt: now })] })).canRead).toBe(false);
    });
    it('describes the end in the reader’s zone, named, today or tomorrow there', () => {
      const d = decideAccess(facts({ purchases: [purchase(now)] }));
      expect(describeAccess(d, now, 'UTC')).toBe('24-hour access until 12:00 UTC tomorrow');
      const earlier = decideAccess(facts({ purchases: [purchase(confirmedAt)] }));
      expect(describeAccess(earlier, now, 'UTC')).toBe('24-hour access until 14:05 UTC today');
      // 14:05 UTC is 23:05 in Tokyo, still today there; 12:00 UTC tomorrow is 21:00 tomorrow.
      expect(describeAccess(earlier, now, 'Asia/Tokyo')).toBe('24-hour access until 23:05 GMT+9 today');
      expect(describeAccess(d, now, 'Asia/Tokyo')).toBe('24-hour access until 21:00 GMT+9 tomorrow');
    });
  });

  describe('institution', () => {
    const institution = {
      name: 'Mercy General Hospital',
      activeFrom: new Date('2026-01-01Z'),
      activeUntil: new Date('2027-01-01Z'),
    };
    it('opens within its active period and names the institution', () => {
      const d = decideAccess(facts({ institutions: [institution] }));
      expect(describeAccess(d, now, 'UTC')).toBe('Access provided by Mercy General Hospital');
    });
    it('is closed before and after its active period', () => {
      expect(decideAccess(facts({ now: new Date('2025-12-31T23:59:59Z'), institutions: [institution] })).canRead).toBe(
        false,
      );
      expect(decideAccess(facts({ now: new Date('2027-01-01T00:00:00Z'), institutions: [institution] })).canRead).toBe(
        false,
      );
    });
    it('may have no end', () => {
      expect(decideAccess(facts({ institutions: [{ ...institution, activeUntil: null }] })).canRead).toBe(true);
    });
  });

  it('names the longest-lasting source when several apply', () => {
    const d = decideAccess(
      facts({
        subscriptions: [subscription({ currentPeriodEnd: new Date('2026-12-01Z') }), subscription()],
        purchases: [purchase(now)],
      }),
    );
    expect(d).toMatchObject({ source: 'subscription', until: new Date('2027-03-01T00:00:00Z') });
  });
});
