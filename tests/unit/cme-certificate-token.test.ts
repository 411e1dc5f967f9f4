import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env-schema';
import { listClaimMismatches, toCertificateClaims } from '@/lib/cme/certificate-claims';
import {
  publicJwkOf,
  readPublicKeys,
  readSigningKey,
  signCertificateToken,
  verifyCertificateToken,
} from '@/lib/cme/certificate-token';

const certificate = {
  id: 'CME-7K3M-Q9XD-2HPA',
  learnerName: 'Ada Learner, MD',
  activityTitle: 'Atopic Dermatitis in Adults',
  creditType: 'AMA PRA Category 1 Credit™',
  creditQuarters: 3,
  completedAt: new Date('2026-11-25T23:59:00Z'),
  issuedAt: new Date('2026-11-26T08:00:00Z'),
};
const claims = toCertificateClaims(certificate, {
  siteUrl: 'https://journal.example',
  provider: 'American Medical Association',
});
const pem = (type: 'ed25519' | 'ec') =>
  (type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')).privateKey
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();

describe('certificate tokens', () => {
  it('states the certificate as issued: credits in decimals, the completion date in UTC', () => {
    expect(claims).toMatchObject({
      jti: 'CME-7K3M-Q9XD-2HPA',
      credits: '0.75',
      completed: '2026-11-25',
      iat: 1795680000,
    });
  });

  for (const type of ['ed25519', 'ec'] as const) {
    it(`verifies a ${type} signature with the public key alone, and refuses a tampered token`, () => {
      const key = readSigningKey(pem(type));
      const jwk = publicJwkOf(key);
      expect(jwk.alg).toBe(type === 'ec' ? 'ES256' : 'EdDSA');
      expect(jwk).not.toHaveProperty('d');
      const token = signCertificateToken(claims, key);
      expect(verifyCertificateToken(token, [jwk])).toEqual({ isValid: true, claims, kid: jwk.kid });

      const [header, , signature] = token.split('.');
      const raised = Buffer.from(JSON.stringify({ ...claims, credits: '25.00' })).toString('base64url');
      const forged = verifyCertificateToken(`${header}.${raised}.${signature}`, [jwk]);
      expect(forged).toMatchObject({ isValid: false, reason: /signature does not match/ });
    });
  }

  it('gives the same token for the same certificate (Ed25519 is deterministic)', () => {
    const key = readSigningKey(pem('ed25519'));
    expect(signCertificateToken(claims, key)).toBe(signCertificateToken(claims, key));
  });

  it('refuses a token signed with another key, even one given the same key id', () => {
    const ours = publicJwkOf(readSigningKey(pem('ed25519')));
    const theirs = readSigningKey(pem('ed25519'));
    const token = signCertificateToken(claims, theirs);
    expect(verifyCertificateToken(token, [ours])).toMatchObject({ isValid: false, reason: /not ours/ });
    expect(verifyCertificateToken(token, [{ ...ours, kid: publicJwkOf(theirs).kid }])).toMatchObject({
      isValid: false,
      reason: /signature does not match/,
    });
  });

  it('refuses what is not a token and keys that cannot sign certificates', () => {
    const jwk = publicJwkOf(readSigningKey(pem('ed25519')));
    expect(verifyCertificateToken('CME-7K3M-Q9XD-2HPA', [jwk])).toMatchObject({ isValid: false });
    const none = `${Buffer.from('{"alg":"none","kid":"x"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.AA`;
    expect(verifyCertificateToken(none, [jwk])).toMatchObject({ isValid: false, reason: /header/ });
    expect(() => readSigningKey('not a key')).toThrow(/not a private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(() => readSigningKey(rsa.toString())).toThrow(/Ed25519 or P-256/);
  });

  it('reads a private JWK as well as PEM, and names every field where two certificates differ', () => {
    const key = readSigningKey(pem('ed25519'));
    const jwkText = JSON.stringify(key.export({ format: 'jwk' }));
    expect(publicJwkOf(readSigningKey(jwkText)).kid).toBe(publicJwkOf(key).kid);
    expect(listClaimMismatches({ ...claims, name: 'Someone Else', credits: '1.00' }, claims)).toEqual([
      'name',
      'credits',
    ]);
  });

  it('refuses a CME_SIGNING_KEY setting that cannot sign, naming it (the server does not start)', () => {
    expect(() => parseEnv({ CME_SIGNING_KEY: 'secret' })).toThrow(
      /^Invalid environment: CME_SIGNING_KEY is not a private key/,
    );
    expect(parseEnv({ CME_SIGNING_KEY: pem('ed25519').replace(/\n/g, '\\n') }).CME_SIGNING_KEY).toBeTruthy();
  });

  describe('key rotation', () => {
    const oldKey = readSigningKey(pem('ed25519'));
    const olderKey = readSigningKey(pem('ec'));
    const newKey = readSigningKey(pem('ed25519'));
    const publicPem = (key: ReturnType<typeof readSigningKey>) =>
      createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();

    it('reads earlier public keys as PEM blocks (with \\n escapes too), private PEMs and JWK Sets, with the same key ids', () => {
      const expected = [publicJwkOf(oldKey), publicJwkOf(olderKey)];
      const pems = `${publicPem(oldKey)}${publicPem(olderKey)}`;
      expect(readPublicKeys(pems)).toEqual(expected);
      expect(readPublicKeys(pems.replace(/\n/g, '\\n'))).toEqual(expected);
      // A private key given by mistake: only its public half is kept, never the private part.
      const fromPrivate = readPublicKeys(oldKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      expect(fromPrivate).toEqual([publicJwkOf(oldKey)]);
      expect(fromPrivate[0]).not.toHaveProperty('d');
      // A saved copy of /.well-known/cme-signing-key.json, a bare array and one JWK.
      expect(readPublicKeys(JSON.stringify({ keys: expected }))).toEqual(expected);
      expect(readPublicKeys(JSON.stringify(expected))).toEqual(expected);
      expect(readPublicKeys(JSON.stringify(expected[0]))).toEqual([expected[0]]);
      // A key id in the text is not believed: it is computed from the key.
      expect(readPublicKeys(JSON.stringify([{ ...expected[0], kid: 'forged' }]))[0]?.kid).toBe(expected[0]!.kid);
    });

    it('verifies a token signed with an earlier key only while that key is published beside the new one', () => {
      const token = signCertificateToken(claims, oldKey);
      const published = [publicJwkOf(newKey), ...readPublicKeys(publicPem(oldKey))];
      expect(verifyCertificateToken(token, published)).toEqual({ isValid: true, claims, kid: publicJwkOf(oldKey).kid });
      expect(verifyCertificateToken(token, [publicJwkOf(newKey)])).toMatchObject({
        isValid: false,
        reason: /not ours/,
      });
      expect(verifyCertificateToken(signCertificateToken(claims, newKey), published)).toMatchObject({
        isValid: true,
        kid: publicJwkOf(newKey).kid,
      });
    });

    it('refuses a CME_PREVIOUS_SIGNING_KEYS setting that is not a list of usable public keys, naming it', () => {
      expect(() => parseEnv({ CME_PREVIOUS_SIGNING_KEYS: 'old key' })).toThrow(
        /^Invalid environment: CME_PREVIOUS_SIGNING_KEYS holds no PEM key/,
      );
      expect(() => parseEnv({ CME_PREVIOUS_SIGNING_KEYS: '{"keys": [' })).toThrow(/is not valid JSON/);
      expect(() => parseEnv({ CME_PREVIOUS_SIGNING_KEYS: '[{"kty":"OKP","crv":"Ed25519","x":"AA"}]' })).toThrow(
        /key 1 is not a public or private JWK/,
      );
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' });
      expect(() => parseEnv({ CME_PREVIOUS_SIGNING_KEYS: `${publicPem(oldKey)}${rsa.toString()}` })).toThrow(
        /key 2 must be an Ed25519 or P-256 key/,
      );
      expect(parseEnv({ CME_PREVIOUS_SIGNING_KEYS: publicPem(oldKey) }).CME_PREVIOUS_SIGNING_KEYS).toBeTruthy();
    });
  });
});
