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
  it('keep the free test-payment provider out of production unless explicitly, loudly allowed', () => {
    expect(parseEnv({}).PAYMENT_PROVIDER).toBe('test');
    expect(parseEnv({ NODE_ENV: 'test' }).PAYMENT_PROVIDER).toBe('test');
    expect(parseEnv({ NODE_ENV: 'production' }).PAYMENT_PROVIDER).toBe('none');
    expect(parseEnv({ NODE_ENV: 'production', UNSAFE_TEST_PAYMENTS_IN_PRODUCTION: 'false' }).PAYMENT_PROVIDER).toBe(
      'none',
    );
    expect(parseEnv({ NODE_ENV: 'production', UNSAFE_TEST_PAYMENTS_IN_PRODUCTION: 'true' }).PAYMENT_PROVIDER).toBe(
      'test',
    );
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_PRICE_MONTHLY: 'price_m',
      STRIPE_PRICE_ANNUAL: 'price_a',
    };
    expect(parseEnv({ NODE_ENV: 'production', ...stripe }).PAYMENT_PROVIDER).toBe('stripe');
  });
  it('reject a malformed key by name', () => {
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: 'sk_oops' })).toThrow(
      /^Invalid environment: STRIPE_WEBHOOK_SECRET must start with whsec_$/,
    );
  });
});
