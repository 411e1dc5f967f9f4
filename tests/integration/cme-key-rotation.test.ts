// Rotating the certificate signing key: the server signs with the new key, publishes the old
// public key beside it, and a certificate signed before the rotation still verifies on the public
// page's check and with `npm run cme:verify` (the real command, as a child process).
import { execFile } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const keys = vi.hoisted(() => {
  const { generateKeyPairSync, createPublicKey } = process.getBuiltinModule('node:crypto');
  const pemOf = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
  const old = generateKeyPairSync('ed25519').privateKey;
  const older = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const current = generateKeyPairSync('ed25519').privateKey;
  // Read by lib/env when it is first imported: the new key signs, the two earlier ones are published.
  process.env.CME_SIGNING_KEY = pemOf(current).replace(/\n/g, '\\n');
  process.env.CME_PREVIOUS_SIGNING_KEYS = [old, older]
    .map((k) => createPublicKey(k).export({ format: 'pem', type: 'spki' }).toString())
    .join('');
  return { oldPem: pemOf(old), olderPem: pemOf(older) };
});

import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { GET as getPublishedKeys } from '@/app/.well-known/cme-signing-key.json/route';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { toCertificateClaims } from '@/lib/cme/certificate-claims';
import { publicJwkOf, readSigningKey, signCertificateToken, type PublicJwk } from '@/lib/cme/certificate-token';
import { checkCertificateToken } from '@/lib/cme/check-certificate-token';
import { claimCredit } from '@/lib/cme/claim-credit';
import { getCertificate } from '@/lib/cme/get-certificate';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { signCertificate } from '@/lib/cme/sign-certificate';
import { seedCme } from '@/prisma/seed/seed-cme';
import { findSeedActivity, passQuiz } from '../support/cme-learners';
import { resetDatabase } from '../support/reset-db';

const NOW = new Date('2026-11-25T12:00:00Z');
const run = promisify(execFile);

async function verifyWithCommand(token: string, keySet: unknown) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-rotation-'));
  const keyFile = path.join(dir, 'cme-signing-key.json');
  fs.writeFileSync(keyFile, JSON.stringify(keySet));
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/cme-verify.ts', token, '--key', keyFile]);
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificate key rotation', () => {
  let certificate: NonNullable<Awaited<ReturnType<typeof getCertificate>>>;
  const oldKey = readSigningKey(keys.oldPem);
  const olderKey = readSigningKey(keys.olderPem);

  beforeAll(async () => {
    await resetDatabase();
    await seedCme();
    const userId = (
      await db.user.create({ data: { email: 'rotation@example.com', name: 'Ada Learner, MD', passwordHash: 'x' } })
    ).id;
    const attemptId = await passQuiz({ userId, activity: await findSeedActivity(), now: NOW });
    await saveEvaluation({
      userId,
      input: { attemptId, objectivesMet: '5', isRelevant: 'yes', isFreeOfBias: 'yes' },
      now: NOW,
    });
    await claimCredit({ userId, attemptId, credits: '1', now: NOW });
    const { id: certificateId } = await db.cmeCertificate.findFirstOrThrow();
    certificate = (await getCertificate(certificateId))!;
  });

  // What a learner's PDF from before the rotation carries: the same facts, signed with the old key.
  const signedBefore = (key: typeof oldKey) =>
    signCertificateToken(toCertificateClaims(certificate, { siteUrl: env.SITE_URL, provider: CME_PROVIDER }), key);

  it('publishes the current key first and every earlier key, each with its own key id', async () => {
    const published = (await getPublishedKeys().json()) as { keys: PublicJwk[] };
    expect(published.keys.map((k) => k.kid)).toEqual([
      publicJwkOf(readSigningKey(env.CME_SIGNING_KEY!)).kid,
      publicJwkOf(oldKey).kid,
      publicJwkOf(olderKey).kid,
    ]);
    expect(published.keys.map((k) => k.alg)).toEqual(['EdDSA', 'EdDSA', 'ES256']);
    expect(published.keys.every((k) => !('d' in k))).toBe(true);
    // New certificates are signed with the new key.
    const fresh = checkCertificateToken(certificate, signCertificate(certificate).token);
    expect(fresh).toMatchObject({ kind: 'valid', kid: published.keys[0]!.kid, isEarlierKey: false });
  });

  it('still verifies a certificate signed with an earlier key, on the public page check and offline', async () => {
    for (const key of [oldKey, olderKey]) {
      const token = signedBefore(key);
      expect(checkCertificateToken(certificate, token)).toEqual({
        kind: 'valid',
        kid: publicJwkOf(key).kid,
        isDevelopmentKey: false,
        isEarlierKey: true,
      });
    }
    const published = (await getPublishedKeys().json()) as { keys: PublicJwk[] };
    const token = signedBefore(oldKey);
    const offline = await verifyWithCommand(token, published);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain(`VALID: signed by ${env.SITE_URL} with key ${publicJwkOf(oldKey).kid}`);
    expect(offline.stdout).toContain(`Certificate ${certificate.id}: Ada Learner, MD`);

    // Without the earlier key (a key set saved before this server kept it), the same token is refused.
    const currentOnly = { keys: [published.keys[0]] };
    const refused = await verifyWithCommand(token, currentOnly);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^NOT VALID: The token was signed with key .*, which is not ours\./);
  });

  it('refuses a token from a key that was never ours, and an old token that no longer matches the record', () => {
    const stranger = readSigningKey(
      process.getBuiltinModule('node:crypto').generateKeyPairSync('ed25519').privateKey.export({
        format: 'pem',
        type: 'pkcs8',
      }) as string,
    );
    expect(checkCertificateToken(certificate, signedBefore(stranger))).toMatchObject({
      kind: 'invalid',
      reason: /not ours/,
    });
    const altered = signCertificateToken(
      { ...toCertificateClaims(certificate, { siteUrl: env.SITE_URL, provider: CME_PROVIDER }), credits: '9.00' },
      oldKey,
    );
    expect(checkCertificateToken(certificate, altered)).toMatchObject({ kind: 'invalid', reason: /credits/ });
  });
});
