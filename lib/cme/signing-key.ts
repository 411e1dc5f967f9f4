import 'server-only';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { env } from '@/lib/env';
import { publicJwkOf, readPublicKeys, readSigningKey, type PublicJwk } from './certificate-token';

// Development and tests only: a fixed, published Ed25519 key (its seed is below), so certificates
// issued on a laptop or in the e2e suite survive restarts. Worthless as proof, and never used in
// production: there instrumentation.ts refuses to start without CME_SIGNING_KEY.
const DEVELOPMENT_SEED = createHash('sha256').update('journal-platform development CME signing key').digest();
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

let cached:
  { privateKey: KeyObject; publicJwk: PublicJwk; publishedKeys: PublicJwk[]; isDevelopmentKey: boolean } | undefined;

/**
 * The key certificates are signed with, its public half, and every key we publish: the current one
 * first, then the earlier ones (CME_PREVIOUS_SIGNING_KEYS), so a certificate signed before a
 * rotation still verifies here and offline.
 */
export function getSigningKey() {
  if (cached) return cached;
  const isDevelopmentKey = !env.CME_SIGNING_KEY;
  if (isDevelopmentKey && env.NODE_ENV === 'production') throw new Error('CME_SIGNING_KEY is not set.');
  const privateKey = env.CME_SIGNING_KEY
    ? readSigningKey(env.CME_SIGNING_KEY)
    : createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, DEVELOPMENT_SEED]), format: 'der', type: 'pkcs8' });
  const publicJwk = publicJwkOf(privateKey);
  const previous = readPublicKeys(env.CME_PREVIOUS_SIGNING_KEYS ?? '');
  // The current key listed again among the previous ones (a rotation half done) is published once.
  const publishedKeys = [
    publicJwk,
    ...previous.filter((k, i) => k.kid !== publicJwk.kid && previous.findIndex((p) => p.kid === k.kid) === i),
  ];
  cached = { privateKey, publicJwk, publishedKeys, isDevelopmentKey };
  return cached;
}
