// A CME certificate as a compact JWS (RFC 7515), so a board or employer can check it offline with
// our public key. Pure (node:crypto only): the server, the verification page and the
// `npm run cme:verify` command share it. EdDSA (Ed25519) or ES256 (P-256), whichever the key is.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

/** What a certificate token asserts: the certificate as issued. */
export const certificateClaimsSchema = z.object({
  /** issuer: the site's address */
  iss: z.string().min(1),
  /** the certificate id, e.g. CME-7K3M-Q9XD-2HPA */
  jti: z.string().min(1),
  /** issued at, seconds since 1970 (UTC) */
  iat: z.number().int(),
  name: z.string().min(1),
  activity: z.string().min(1),
  /** date of completion, YYYY-MM-DD (UTC) */
  completed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** credits as a decimal string, e.g. "0.75" */
  credits: z.string().regex(/^\d+\.\d{2}$/),
  creditType: z.string().min(1),
  provider: z.string().min(1),
});
export type CertificateClaims = z.infer<typeof certificateClaimsSchema>;

/** Where the site publishes its public key(s) as a JWK Set. */
export const PUBLIC_KEY_PATH = '/.well-known/cme-signing-key.json';

export type PublicJwk = { kty: string; crv: string; x: string; y?: string; kid: string; alg: string; use: 'sig' };

export type TokenCheck = { isValid: true; claims: CertificateClaims; kid: string } | { isValid: false; reason: string };

const headerSchema = z.object({ alg: z.enum(['EdDSA', 'ES256']), kid: z.string().min(1), typ: z.string().optional() });

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Reads a private signing key: PKCS#8 PEM or a private JWK (JSON), Ed25519 or P-256. Throws an
 * Error naming what is wrong, for the env check to report.
 */
export function readSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(trimmed.replace(/\\n/g, '\n'));
  } catch {
    throw new Error('is not a private key (PKCS#8 PEM or a private JWK)');
  }
  algorithmOf(key);
  return key;
}

function algorithmOf(key: KeyObject): 'EdDSA' | 'ES256' {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('must be an Ed25519 or P-256 key');
}

/** The public half as a JWK, with its RFC 7638 thumbprint as key id (a private or a public key). */
export function publicJwkOf(privateKey: KeyObject): PublicJwk {
  const publicKey = privateKey.type === 'public' ? privateKey : createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as {
    kty: string;
    crv: string;
    x: string;
    y?: string;
  };
  // RFC 7638: the required members only, in lexicographic order, no spaces.
  const required =
    jwk.kty === 'OKP' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  const kid = b64url(createHash('sha256').update(JSON.stringify(required)).digest());
  return { ...required, kid, alg: algorithmOf(privateKey), use: 'sig' };
}

/**
 * Reads the public keys of earlier signing keys (CME_PREVIOUS_SIGNING_KEYS), so certificates
 * signed before a rotation still verify. Takes what an operator has at hand: PEM blocks (public or
 * private keys; only the public half is kept), or JSON — one JWK, an array of them, or a saved
 * copy of our JWK Set. Key ids are computed again (RFC 7638), never taken from the text. Throws an
 * Error naming what is wrong, for the env check to report.
 */
export function readPublicKeys(text: string): PublicJwk[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const keys: KeyObject[] = [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new Error('is not valid JSON (a JWK, an array of JWKs or a JWK Set)');
    }
    const list = Array.isArray(json) ? json : ((json as { keys?: unknown }).keys ?? [json]);
    if (!Array.isArray(list)) throw new Error('has a "keys" member that is not an array');
    for (const [i, jwk] of list.entries()) {
      try {
        const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ...material } = jwk as Record<string, unknown>;
        keys.push(createPublicKey({ key: material as JsonWebKey, format: 'jwk' }));
      } catch {
        throw new Error(`key ${i + 1} is not a public or private JWK`);
      }
    }
  } else {
    const blocks = trimmed.replace(/\\n/g, '\n').match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g);
    if (!blocks) throw new Error('holds no PEM key (-----BEGIN PUBLIC KEY----- …) and no JWK');
    for (const [i, block] of blocks.entries()) {
      try {
        keys.push(createPublicKey(block));
      } catch {
        throw new Error(`key ${i + 1} is not a PEM public or private key`);
      }
    }
  }
  return keys.map((key, i) => {
    try {
      return publicJwkOf(key);
    } catch (error) {
      throw new Error(`key ${i + 1} ${(error as Error).message}`);
    }
  });
}

function signatureOptions(alg: 'EdDSA' | 'ES256') {
  // JWS ES256 signatures are r‖s (64 bytes), not DER.
  return alg === 'EdDSA' ? { algorithm: null } : { algorithm: 'sha256', dsaEncoding: 'ieee-p1363' as const };
}

/** Signs the claims. Deterministic for Ed25519: the same certificate always gives the same token. */
export function signCertificateToken(claims: CertificateClaims, privateKey: KeyObject): string {
  const { kid, alg } = publicJwkOf(privateKey);
  const header = { alg, kid, typ: 'JWT' };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const { algorithm, ...rest } = signatureOptions(alg as 'EdDSA' | 'ES256');
  const signature = sign(algorithm, Buffer.from(input), { key: privateKey, ...rest });
  return `${input}.${b64url(signature)}`;
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks a token against published public keys: the signature must be valid for the key its
 * header names, with that key's algorithm. Never throws; says why a token is refused.
 */
export function verifyCertificateToken(token: string, keys: readonly PublicJwk[]): TokenCheck {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p)))
    return { isValid: false, reason: 'This is not a certificate token (three base64url parts).' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = headerSchema.safeParse(parseJson(headerPart));
  if (!header.success) return { isValid: false, reason: 'The token header is not an EdDSA or ES256 JWS header.' };
  const jwk = keys.find((k) => k.kid === header.data.kid);
  if (!jwk) return { isValid: false, reason: `The token was signed with key ${header.data.kid}, which is not ours.` };
  if (jwk.alg !== header.data.alg) return { isValid: false, reason: 'The token names another algorithm than its key.' };
  let isSigned: boolean;
  try {
    const { kid: _kid, alg: _alg, use: _use, ...material } = jwk;
    const publicKey = createPublicKey({ key: material, format: 'jwk' });
    const { algorithm, ...rest } = signatureOptions(header.data.alg);
    isSigned = verify(
      algorithm,
      Buffer.from(`${headerPart}.${payloadPart}`),
      { key: publicKey, ...rest },
      Buffer.from(signaturePart, 'base64url'),
    );
  } catch {
    isSigned = false;
  }
  if (!isSigned)
    return { isValid: false, reason: 'The signature does not match: the token was altered or not signed by us.' };
  const claims = certificateClaimsSchema.safeParse(parseJson(payloadPart));
  if (!claims.success) return { isValid: false, reason: 'The token is signed but does not describe a certificate.' };
  return { isValid: true, claims: claims.data, kid: jwk.kid };
}
