import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env-schema';

describe('payment settings', () => {
  it('need no Stripe keys on a fresh machine (the local test-payment provider stands in)', () => {
    expect(parseEnv({})).toMatchObject({ SUBSCRIPTION_MONTHLY_CENTS: 2900, SUBSCRIPTION_CURRENCY: 'usd' });
    expect(parseEnv({}).STRIPE_SECRET_KEY).toBeUndefined();
  });
  it('with a Stripe key, name each missing companion key', () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(
      /STRIPE_WEBHOOK_SECRET is required[\s\S]*STRIPE_PRICE_MONTHLY is required[\s\S]*STRIPE_PRICE_ANNUAL is required/,
    );
  });
  it('reject a malformed key by name', () => {
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: 'sk_oops' })).toThrow(
      /^Invalid environment: STRIPE_WEBHOOK_SECRET must start with whsec_$/,
    );
  });
});
