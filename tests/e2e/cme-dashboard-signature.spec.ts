// A completion seen from outside and from the learner's side: the certificate's signed URL verifies
// (and a tampered one does not), the token checks offline with the published key, and the /cme
// dashboard counts the completion toward the learner's licence state.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { verifyCertificateToken, type PublicJwk } from '../../lib/cme/certificate-token';
import { claimFullCredit, createLearner, loadSeedQuiz, passQuiz, sendEvaluation } from './support/cme';

test('the certificate’s signed verification URL verifies, offline too, and the dashboard shows the state requirement met', async ({
  page,
  browser,
}) => {
  const { activityId, preferred } = await loadSeedQuiz();
  const learner = await createLearner('Sig Nature, MD');
  await page.goto('/signin?callbackUrl=%2Fcme%2Fprofile');
  await page.getByLabel('Email').fill(learner.email);
  await page.getByLabel('Password').fill(learner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The first page of a freshly started server can take a while on a loaded machine.
  await expect(page).toHaveURL(/\/cme\/profile$/, { timeout: 20_000 });

  // A Florida licence, shared with consent: Florida counts this activity toward "Prevention of medical errors".
  await page.getByLabel('Licence 1: state').selectOption('FL');
  await page.getByLabel('Licence 1: number').fill('ME12345');
  await page.getByLabel("I consent to my licence numbers being reported to these states' boards").check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your learner profile has been saved.')).toBeVisible();

  await page.getByRole('link', { name: 'CME', exact: true }).click();
  await expect(page).toHaveURL(/\/cme$/);
  await expect(page.getByRole('heading', { name: /^Florida: 0 of 3 topic requirements met$/ })).toBeVisible();

  await page.goto(`/cme/${activityId}`);
  await expect(page.getByText('Unlimited attempts.')).toBeVisible();
  await passQuiz(page, preferred);
  await expect(page.getByText('You passed this CME quiz with a score of 100%.')).toBeVisible();
  await sendEvaluation(page, { objectivesMet: '5: Strongly agree' });
  await claimFullCredit(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download certificate (PDF)' }).click(),
  ]);
  const pdfPath = await download.path();
  const subject = (await PDFDocument.load(fs.readFileSync(pdfPath))).getSubject() ?? '';
  const token = /[\w-]+\.[\w-]+\.[\w-]+$/.exec(subject)?.[0];
  expect(token).toBeTruthy();

  // The URL the certificate's QR code carries, opened by someone who is not signed in.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as { jti: string };
  const certificateId = claims.jti;
  await visitor.goto(`/cme/certificates/${certificateId}?token=${token}`);
  await expect(visitor.getByRole('status').filter({ hasText: 'Signature valid' })).toContainText(
    'matches the record above',
  );
  // One changed character in the signed facts, and the page says so.
  const [h, p, s] = token!.split('.');
  const raised = Buffer.from(
    JSON.stringify({ ...(JSON.parse(Buffer.from(p!, 'base64url').toString()) as object), credits: '20.00' }),
  ).toString('base64url');
  await visitor.goto(`/cme/certificates/${certificateId}?token=${h}.${raised}.${s}`);
  await expect(visitor.getByRole('alert').filter({ hasText: 'Signature not valid' })).toContainText(
    'Signature not valid: The signature does not match',
  );

  // Offline: the published key alone checks the token, in this process and with the documented command.
  const keys = (await (await visitor.request.get('/.well-known/cme-signing-key.json')).json()) as { keys: PublicJwk[] };
  expect(verifyCertificateToken(token!, keys.keys)).toMatchObject({
    isValid: true,
    claims: { jti: certificateId, name: 'Sig Nature, MD', credits: '1.00' },
  });
  const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cme-key-')), 'cme-signing-key.json');
  fs.writeFileSync(keyFile, JSON.stringify(keys));
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/cme-verify.ts', pdfPath, '--key', keyFile]);
  expect(stdout).toContain(`VALID: signed by`);
  expect(stdout).toContain(`Certificate ${certificateId}: Sig Nature, MD`);
  await visitorContext.close();

  // The dashboard counts the completion: this year's credit, the completion, Florida's requirement met.
  await page.goto('/account');
  await page.getByRole('link', { name: 'Your CME', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Your credit in \d{4}$/ })).toBeVisible();
  await expect(page.getByText('1 AMA PRA Category 1 Credit™', { exact: true })).toBeVisible();
  const florida = page.getByRole('region', { name: /^Florida:/ });
  await expect(florida.getByRole('heading')).toHaveText('Florida: 1 of 3 topic requirements met');
  await expect(florida.getByText(/^Met: Prevention of medical errors, by Intravenous Immunoglobulin/)).toBeVisible();
  await expect(florida.getByText(/^Outstanding:/)).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Transcript (PDF)' })).toHaveAttribute('href', '/cme/transcript/pdf');
});
