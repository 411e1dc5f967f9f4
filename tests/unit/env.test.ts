import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env-schema';

describe('environment', () => {
  it('has working defaults for a fresh machine', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, SITE_URL: 'http://localhost:3000', EMBEDDED_DB_PORT: 0 });
  });
  it('links to the port it serves on when only PORT is set', () => {
    expect(parseEnv({ PORT: '3100' }).SITE_URL).toBe('http://localhost:3100');
    expect(parseEnv({ PORT: '3100', SITE_URL: 'https://journal.example' }).SITE_URL).toBe('https://journal.example');
  });
  it('names the key of a malformed value in one line', () => {
    expect(() => parseEnv({ SITE_URL: 'not a url' })).toThrow(
      /^Invalid environment: SITE_URL must be an absolute http\(s\) URL$/,
    );
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
  it('refuses the test clock in production (anyone could expire every entitlement)', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', TEST_CLOCK_ENABLED: 'true' })).toThrow(
      /^Invalid environment: TEST_CLOCK_ENABLED must not be set in production$/,
    );
    expect(parseEnv({ NODE_ENV: 'test', TEST_CLOCK_ENABLED: 'true' }).TEST_CLOCK_ENABLED).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', TEST_CLOCK_ENABLED: 'false' }).TEST_CLOCK_ENABLED).toBe(false);
  });
  it('keeps the embedded database off 5432', () => {
    expect(() => parseEnv({ EMBEDDED_DB_PORT: '5432' })).toThrow(/EMBEDDED_DB_PORT/);
  });
});
