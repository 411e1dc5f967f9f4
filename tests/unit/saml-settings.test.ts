import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env-schema';
import { generateSamlKeyPair } from '@/lib/saml/generate-saml-key-pair';
import { hasReaderCookies } from '@/lib/http/reader-request.mjs';
import { refuseRequest } from '../../scripts/lib/request-guard.mjs';

describe('the SAML service provider key pair in the environment', () => {
  it('accepts a matching pair (with \\n for newlines), refuses half a pair, a stranger’s certificate or a non-RSA key', async () => {
    const a = await generateSamlKeyPair('a');
    const b = await generateSamlKeyPair('b');
    const env = parseEnv({
      SAML_SP_PRIVATE_KEY: a.privateKeyPem.replace(/\n/g, '\\n'),
      SAML_SP_CERTIFICATE: a.certificatePem,
    });
    expect(env.SAML_SP_PRIVATE_KEY).toContain('-----BEGIN PRIVATE KEY-----\n');
    expect(() => parseEnv({ SAML_SP_PRIVATE_KEY: a.privateKeyPem })).toThrow(
      'Invalid environment: SAML_SP_CERTIFICATE is required when SAML_SP_PRIVATE_KEY is set',
    );
    expect(() => parseEnv({ SAML_SP_PRIVATE_KEY: a.privateKeyPem, SAML_SP_CERTIFICATE: b.certificatePem })).toThrow(
      'SAML_SP_CERTIFICATE does not belong to SAML_SP_PRIVATE_KEY',
    );
    const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseEnv({ SAML_SP_PRIVATE_KEY: ed, SAML_SP_CERTIFICATE: a.certificatePem })).toThrow(
      'must be an RSA key',
    );
    expect(() => parseEnv({ SAML_SP_PRIVATE_KEY: 'nope', SAML_SP_CERTIFICATE: a.certificatePem })).toThrow(
      'must be a PEM private key',
    );
    expect(parseEnv({}).INSTITUTION_PAIRING_DAYS).toBe(90);
  });

  it('an institution sign-in cookie sends the reader to the per-reader page; the last-choice cookie does not', () => {
    expect(hasReaderCookies('journal.institution-session=abc')).toBe(true);
    expect(hasReaderCookies('a=1; __Secure-journal.institution-session=abc')).toBe(true);
    expect(hasReaderCookies('journal.last-institution=xyz')).toBe(false);
    expect(hasReaderCookies('journal.institution-session=')).toBe(false);
  });
});

describe('the SAML assertion consumer and the cross-site check', () => {
  const post = (url: string) =>
    refuseRequest({
      method: 'POST',
      url,
      headers: { host: 'journal.example', 'sec-fetch-site': 'cross-site', origin: 'https://idp.hospital.example' },
    } as unknown as IncomingMessage);

  it('lets an IdP post the answer to /saml/acs, and nothing else from another site', () => {
    expect(post('/saml/acs')).toBeNull();
    expect(post('/saml/acs?x=1')).toBeNull();
    expect(post('/saml/acsx')?.status).toBe(403);
    expect(post('/saml/login')?.status).toBe(403);
    expect(post('/account')?.status).toBe(403);
  });
});
