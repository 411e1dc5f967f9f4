import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { claimCredit } from '@/lib/cme/claim-credit';
import { PDFDocument } from 'pdf-lib';
import { checkCertificateToken } from '@/lib/cme/check-certificate-token';
import { verifyCertificateToken } from '@/lib/cme/certificate-token';
import { getCertificate } from '@/lib/cme/get-certificate';
import { signCertificate } from '@/lib/cme/sign-certificate';
import { getSigningKey } from '@/lib/cme/signing-key';
import { env } from '@/lib/env';
import { getTranscript } from '@/lib/cme/get-transcript';
import { listUnclaimedPasses } from '@/lib/cme/list-unclaimed-passes';
import { renderCertificatePdf } from '@/lib/cme/render-certificate-pdf';
import { saveCommitment } from '@/lib/cme/save-commitment';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { seedCme } from '@/prisma/seed/seed-cme';
import { findSeedActivity, passQuiz } from '../support/cme-learners';
import { readPdfText } from '../support/read-pdf-text';
import { resetDatabase } from '../support/reset-db';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('credit claims and certificates', () => {
  let userId: string;
  let attemptId: string;

  beforeEach(async () => {
    await resetDatabase();
    await seedCme();
    userId = (
      await db.user.create({ data: { email: 'learner@example.com', name: 'Ada Learner, MD', passwordHash: 'x' } })
    ).id;
    attemptId = await passQuiz({ userId, activity: await findSeedActivity(), now: NOW });
  });

  it('stores the commitment with the passed attempt', async () => {
    await saveCommitment({ userId, attemptId, commitment: '  Avoid IVIG in DRESS.  ', now: NOW });
    expect((await db.cmeAttempt.findUniqueOrThrow({ where: { id: attemptId } })).commitment).toBe(
      'Avoid IVIG in DRESS.',
    );
    const stranger = (await db.user.create({ data: { email: 'other@example.com', name: 'Other', passwordHash: 'x' } }))
      .id;
    await expect(saveCommitment({ userId: stranger, attemptId, commitment: 'x', now: NOW })).rejects.toThrow(
      /no passed attempt/,
    );
  });

  const evaluate = (overrides: Record<string, string> = {}) =>
    saveEvaluation({
      userId,
      input: { attemptId, objectivesMet: '5', isRelevant: 'yes', isFreeOfBias: 'yes', ...overrides },
      now: NOW,
    });

  it('refuses a claim until the evaluation is stored, then stores the evaluation once', async () => {
    const refused = await claimCredit({ userId, attemptId, credits: '1', now: NOW }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 409, code: 'evaluation_required' });
    expect((refused as AppError).message).toBe(
      'Complete the activity evaluation before claiming credit: it is part of the activity.',
    );
    expect(await db.cmeCreditClaim.count()).toBe(0);

    await expect(evaluate({ isFreeOfBias: 'no' })).rejects.toThrow(/what commercial bias you saw/);
    await evaluate({
      objectivesMet: '4',
      isFreeOfBias: 'no',
      biasComment: 'Only one brand named.',
      intendedChange: 'Avoid IVIG.',
    });
    expect(await db.cmeEvaluation.findUniqueOrThrow({ where: { attemptId } })).toMatchObject({
      objectivesMet: 4,
      isRelevant: true,
      isFreeOfBias: false,
      biasComment: 'Only one brand named.',
      intendedChange: 'Avoid IVIG.',
    });
    await expect(evaluate()).rejects.toMatchObject({ status: 409, code: 'already_evaluated' });
    const stranger = (await db.user.create({ data: { email: 'x@example.com', name: 'X', passwordHash: 'x' } })).id;
    await expect(
      saveEvaluation({
        userId: stranger,
        input: { attemptId, objectivesMet: '5', isRelevant: 'yes', isFreeOfBias: 'yes' },
        now: NOW,
      }),
    ).rejects.toThrow(/no passed attempt/);

    const { certificateId } = await claimCredit({ userId, attemptId, credits: '1', now: NOW });
    expect(certificateId).toMatch(/^CME-/);
  });

  it('refuses a claim once the activity has expired, even for an evaluated pass', async () => {
    await evaluate();
    const refused = await claimCredit({ userId, attemptId, credits: '1', now: new Date('2029-01-01T00:00:00Z') }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ status: 422 });
    expect((refused as AppError).message).toMatch(/expired on 31 December 2028/);
    expect(await db.cmeCreditClaim.count()).toBe(0);
  });

  it('claims 0.75 credit once and issues a certificate that verifies', async () => {
    await evaluate();
    expect((await listUnclaimedPasses(userId)).map((a) => a.id)).toEqual([attemptId]);
    const { certificateId } = await claimCredit({ userId, attemptId, credits: '0.75', now: NOW });
    expect(await listUnclaimedPasses(userId)).toEqual([]);
    expect(certificateId).toMatch(/^CME-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const certificate = await getCertificate(certificateId);
    expect(certificate).toMatchObject({
      learnerName: 'Ada Learner, MD',
      creditQuarters: 3,
      creditType: 'AMA PRA Category 1 Credit™',
      revokedAt: null,
    });
    expect(certificate?.claim.userId).toBe(userId);
    expect(await getCertificate('CME-0000-0000-0000')).toBeNull();
    expect(await getCertificate('../../etc/passwd')).toBeNull();

    const second = await claimCredit({ userId, attemptId, credits: '0.25', now: NOW }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).status).toBe(409);
    expect(await db.cmeCreditClaim.count()).toBe(1);

    const transcript = await getTranscript(userId);
    expect(transcript).toEqual([expect.objectContaining({ certificateId, creditQuarters: 3 })]);

    const signed = signCertificate(certificate!);
    const pdf = await renderCertificatePdf({
      ...certificate!,
      maxCreditQuarters: certificate!.claim.activity.maxCreditQuarters,
      ...signed,
      publicKeyUrl: `${env.SITE_URL}/.well-known/cme-signing-key.json`,
      provider: 'American Medical Association',
    });
    // The PDF carries the signed token: checked with the public key alone, it names this certificate.
    const subject = (await PDFDocument.load(pdf)).getSubject() ?? '';
    expect(subject).toContain(signed.token);
    const check = verifyCertificateToken(signed.token, [getSigningKey().publicJwk]);
    expect(check).toMatchObject({
      isValid: true,
      claims: { jti: certificateId, name: 'Ada Learner, MD', credits: '0.75', completed: '2026-11-25' },
    });
    expect(checkCertificateToken(certificate!, signed.token)).toMatchObject({ kind: 'valid' });
    // A token signed by us for another certificate does not vouch for this one.
    const other = signCertificate({ ...certificate!, id: 'CME-0000-0000-0000' }).token;
    expect(checkCertificateToken(certificate!, other)).toMatchObject({ kind: 'invalid', reason: /jti/ });
    const text = await readPdfText(pdf);
    expect(text).toContain('Ada Learner, MD');
    expect(text).toContain('and is awarded 0.75 AMA PRA Category 1 Credits™.');
    expect(text).toContain('Completed 25 November 2026');
    expect(text).toContain(
      'The American Medical Association designates this enduring material for a maximum of 1 AMA PRA Category 1 Credit™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
    );
    expect(text).toContain('accredited by the Accreditation Council for Continuing Medical Education (ACCME)');
    expect(text).toContain(`Verify this certificate at ${env.SITE_URL}/cme/certificates/${certificateId}`);
    expect(text).toContain(certificateId);
  });

  it('refuses claims above the maximum or off the 0.25 steps, and for failed or foreign attempts', async () => {
    await evaluate();
    await expect(claimCredit({ userId, attemptId, credits: '1.25', now: NOW })).rejects.toThrow(/at most 1 credit/);
    await expect(claimCredit({ userId, attemptId, credits: '0.3', now: NOW })).rejects.toThrow(/steps of 0.25/);
    const stranger = (await db.user.create({ data: { email: 'other@example.com', name: 'Other', passwordHash: 'x' } }))
      .id;
    await expect(claimCredit({ userId: stranger, attemptId, credits: '1', now: NOW })).rejects.toThrow(
      /no passed attempt/,
    );
    expect(await db.cmeCreditClaim.count()).toBe(0);
  });
});
