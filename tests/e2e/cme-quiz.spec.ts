import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readPdfText } from '../support/read-pdf-text';
import { e2eSettings } from './settings';
import { signIn } from './support/auth';
import { expectAxeClean } from './support/axe';
import {
  countAttempts,
  createLearner,
  loadSeedQuiz,
  quizQuestion as question,
  readCommitment,
  sendEvaluation,
} from './support/cme';
import { SEED_DOI } from './support/content';
import { createAccount, signedInApi } from './support/fuzz';

/** Answers question n (1-based) with the option at `position`. */
async function answer(page: Page, n: number, position: number) {
  await question(page, n).getByRole('radio').nth(position).check();
}

/** A wrong option for a question whose preferred option is at `preferred`. */
const wrong = (preferred: number) => (preferred === 0 ? 1 : 0);

const DESIGNATION =
  'The American Medical Association designates this enduring material for a maximum of 1 AMA PRA Category 1 Credit™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.';

test('the article page leads to the quiz, which needs an account; unanswered and failed submissions are explained', async ({
  page,
}) => {
  const { activityId, preferred } = await loadSeedQuiz();
  const learner = await createLearner('Casey Incomplete, MD');

  await page.goto(`/doi/${SEED_DOI}`);
  const box = page.getByRole('region', { name: 'CME' });
  await expect(box.getByRole('link', { name: 'Browse CME for all U.S. States' })).toHaveAttribute(
    'href',
    '/cme/states',
  );
  await expect(box.getByText('Released 1 January 2026; expires 31 December 2028.')).toBeVisible();
  await box.getByText('Accreditation Information').click();
  await expect(box.getByText(DESIGNATION)).toBeVisible();
  await expect(box.getByText('Robin Sample, MD (sample faculty)')).toContainText(
    'Disclosure: No relevant financial relationships.',
  );
  await box.getByRole('link', { name: 'Take the CME quiz' }).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fcme%2F${activityId}$`));
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);

  // On a phone the questions wrap over several lines, inside their box: the border never cuts a line.
  await page.setViewportSize({ width: 390, height: 844 });
  // The address changes before the quiz has rendered: all() and count() would not wait for it.
  await expect(page.locator('fieldset legend').first()).toBeVisible();
  for (const question of await page.locator('fieldset').all()) {
    const legend = (await question.locator('legend').boundingBox())!;
    const border = (await question.boundingBox())!;
    expect(legend.y, await question.locator('legend').innerText()).toBeGreaterThan(border.y);
  }
  expect(await page.locator('fieldset legend').count()).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  // What an accredited activity must say before the learner starts.
  const facts = page.getByRole('region', { name: 'Activity information' });
  await expect(facts.getByRole('definition').nth(0)).toHaveText('1 January 2026');
  await expect(facts.getByRole('definition').nth(1)).toHaveText('31 December 2028');
  await expect(facts.getByRole('definition').nth(2)).toHaveText('1 hour');
  await expect(facts.getByText('Release date')).toBeVisible();
  await expect(facts.getByText('Expiration date')).toBeVisible();
  await expect(facts.getByText('Target audience')).toBeVisible();
  await expect(facts.getByText('Robin Sample, MD (sample faculty)')).toContainText(
    'Disclosure: No relevant financial relationships.',
  );
  await expect(facts.getByText('Dana Placeholder, MD (sample planner)')).toContainText(
    'Disclosure: Advisory board: Sample Pharma Inc. (sample text).',
  );
  await expect(facts.getByText('All relevant financial relationships have been mitigated.')).toBeVisible();
  await expect(facts.getByText(DESIGNATION)).toBeVisible();
  await expect(
    facts.getByText(/^The American Medical Association is accredited by the Accreditation Council/),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Your CME transcript' })).toHaveAttribute('href', '/cme/transcript');
  await expect(
    page.getByText('Note: You must get at least 4 of the 5 answers correct to pass this quiz.'),
  ).toBeVisible();
  await expectAxeClean(page);

  // Leave question 5 unanswered: told which, and the given answers stay.
  for (let n = 1; n <= 4; n++) await answer(page, n, preferred[n - 1]!);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByText('You have not filled in all the answers to complete this quiz')).toBeVisible();
  await expect(alert.getByText('The following questions were not answered:')).toBeVisible();
  await expect(alert.getByRole('link')).toHaveText(['Question 5']);
  for (let n = 1; n <= 4; n++)
    await expect(
      question(page, n)
        .getByRole('radio')
        .nth(preferred[n - 1]!),
    ).toBeChecked();
  expect(await countAttempts(learner.email)).toBe(0);
  await expectAxeClean(page);
  await alert.getByRole('link', { name: 'Question 5' }).click();
  await expect(page).toHaveURL(/#question-/);

  // 3 of 5 right: 60%, told which were wrong, never the right answers.
  await answer(page, 4, wrong(preferred[3]!));
  await answer(page, 5, wrong(preferred[4]!));
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(
    page.getByText('Sorry, you have unsuccessfully completed this CME quiz with a score of 60%'),
  ).toBeVisible();
  await expect(page.getByText('The following questions were not answered correctly:')).toBeVisible();
  const wrongList = page.getByRole('alert').getByRole('listitem');
  await expect(wrongList).toHaveCount(2);
  await expect(wrongList.first()).toContainText('Question 4:');
  await expect(wrongList.last()).toContainText('Question 5:');
  await expect(page.getByText('Rationale:')).toHaveCount(0);
  await expect(page.getByText('preferred response')).toHaveCount(0);
  expect(await countAttempts(learner.email)).toBe(1);
  await expectAxeClean(page);

  // A retake starts fresh.
  await page.getByRole('link', { name: 'Retake the quiz' }).click();
  await expect(page.getByText('Note: You must get at least 4 of the 5 answers correct')).toContainText(
    'This is attempt 2.',
  );
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
});

test('passing shows the highlighted results, saves the commitment, asks the evaluation before the claim, claims 0.75 credit and issues a verifiable certificate', async ({
  page,
  browser,
}) => {
  const { activityId, preferred } = await loadSeedQuiz();
  const learner = await createLearner('Morgan Passwell, MD');
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);

  // 4 of 5: exactly the pass mark.
  for (let n = 1; n <= 5; n++) await answer(page, n, n === 2 ? wrong(preferred[1]!) : preferred[n - 1]!);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByText('You passed this CME quiz with a score of 80%.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your quiz results:' })).toBeVisible();
  await expect(page.getByText('The filled radio buttons indicate your responses, marked “Your answer”.')).toBeVisible();
  await expect(question(page, 2).getByRole('radio').nth(wrong(preferred[1]!))).toBeChecked();
  // The learner's wrong choice and the preferred one are told apart in words, not by colour alone.
  await expect(question(page, 2).locator('label').nth(wrong(preferred[1]!))).toContainText('Your answer');
  await expect(question(page, 2).locator('label').nth(preferred[1]!)).toContainText('Preferred response');
  await expect(question(page, 2).locator('label').nth(preferred[1]!)).not.toContainText('Your answer');
  await expect(question(page, 1).locator('label').nth(preferred[0]!)).toContainText('Your answer');
  await expect(page.getByText('Rationale:')).toHaveCount(5);
  await expectAxeClean(page);

  await expect(page.getByRole('heading', { name: 'Commitment to Change (optional):' })).toBeVisible();
  const commitment = 'I will stop IVIG in DRESS and treat with systemic steroids.';
  await page
    .getByLabel('Indicate what change(s) you will implement in your practice, if any, based on this CME course.')
    .fill(commitment);
  await page.getByRole('button', { name: 'Save commitment' }).click();
  await expect(page.getByText('Your commitment to change has been saved.')).toBeVisible();
  await expect(
    page.getByLabel('Indicate what change(s) you will implement in your practice, if any, based on this CME course.'),
  ).toHaveValue(commitment);
  expect(await readCommitment(learner.email)).toBe(commitment);

  // No claim before the evaluation; a "no" on bias needs a comment.
  await expect(page.getByRole('button', { name: 'Claim credit' })).toHaveCount(0);
  await page.getByRole('group', { name: 'The activity was free of commercial bias.' }).getByLabel('No').check();
  await page.getByRole('button', { name: 'Send evaluation' }).click();
  await expect(page.getByText('Tell us what commercial bias you saw.')).toBeVisible();
  await expect(page.getByText('Rate how well the objectives were met, from 1 to 5.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claim credit' })).toHaveCount(0);
  await page.getByLabel('If not, describe the commercial bias you saw.').fill('One brand name was used throughout.');
  await sendEvaluation(page, { isFreeOfBias: 'No' });
  await expectAxeClean(page);

  await page.getByLabel(/Credits to claim/).selectOption('0.75');
  await page.getByRole('button', { name: 'Claim credit' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'to claim credit' })).toContainText(
    'I claim only the credit commensurate with the extent of my participation',
  );
  await page.getByLabel('I claim only the credit commensurate with the extent of my participation').check();
  await page.getByRole('button', { name: 'Claim credit' }).click();
  await expect(page.getByText('You claimed 0.75 AMA PRA Category 1 Credits™.')).toBeVisible();
  await expectAxeClean(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download certificate (PDF)' }).click(),
  ]);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await readPdfText(new Uint8Array(pdf));
  expect(text).toContain('Morgan Passwell, MD');
  expect(text).toContain('and is awarded 0.75 AMA PRA Category 1 Credits™.');
  expect(text).toContain(DESIGNATION);
  expect(text).toMatch(
    /Completed \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
  );
  const verifyUrl = /Verify this certificate at (\S+)/.exec(text)?.[1];
  // On the site's configured public address (SITE_URL, which the e2e server is started with).
  expect(verifyUrl).toMatch(new RegExp(`^${e2eSettings().baseUrl}/cme/certificates/CME-[0-9A-Z-]{14}$`));

  // The verification page is public: check it signed out, in a fresh context.
  const signedOut = await browser.newContext({ baseURL: new URL(verifyUrl!).origin });
  const visitor = await signedOut.newPage();
  await visitor.goto(new URL(verifyUrl!).pathname);
  await expect(visitor.getByText('Genuine: this certificate was issued by American Medical Association')).toBeVisible();
  await expect(visitor.getByText('Morgan Passwell, MD')).toBeVisible();
  await expect(visitor.getByText('0.75 AMA PRA Category 1 Credits™')).toBeVisible();
  await expectAxeClean(visitor);
  const unknown = await visitor.goto('/cme/certificates/CME-0000-0000-0000');
  expect(unknown?.status()).toBe(404);
  await expect(visitor.getByText('We did not issue a certificate with this ID.')).toBeVisible();
  await signedOut.close();

  await page.goto('/account');
  await page.getByRole('link', { name: 'Your CME transcript' }).click();
  await expect(page).toHaveURL(/\/cme\/transcript$/);
  await expect(page.getByRole('heading', { name: /: 0\.75 credits$/ })).toBeVisible();
  await expectAxeClean(page);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download transcript (CSV)' }).click(),
  ]);
  expect(fs.readFileSync(await csv.path(), 'utf8')).toMatch(/Intravenous Immunoglobulin.*,0\.75,CME-/);

  // The evaluation reached the provider: admins download it, learners may not.
  expect((await page.request.get('/api/admin/cme/evaluations')).status()).toBe(403);
  const admin = await createAccount('CME Evaluations Admin', 'admin');
  const adminApi = await signedInApi(admin.email, admin.password);
  const evaluations = await adminApi.get(`/api/admin/cme/evaluations?activityId=${activityId}`);
  expect(evaluations.status()).toBe(200);
  expect(evaluations.headers()['content-type']).toContain('text/csv');
  expect(await evaluations.text()).toMatch(
    /,Intravenous Immunoglobulin[^,]*,4,yes,no,One brand name was used throughout\.,\r\n/,
  );
  const summary = await adminApi.get(`/admin/cme?activityId=${activityId}`);
  expect(await summary.text()).toContain('Download evaluations (CSV)');
  await adminApi.dispose();
});

test('a whole quiz can be completed with the keyboard alone', async ({ page }) => {
  const { activityId, preferred } = await loadSeedQuiz();
  const learner = await createLearner('Kim Keyboard, MD');
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);

  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
  const tabTo = async (prefix: string) => {
    for (let tabs = 0; tabs < 80 && !(await focusedName()).startsWith(prefix); tabs++) await page.keyboard.press('Tab');
  };
  await tabTo('answer:');
  for (let n = 1; n <= preferred.length; n++) {
    if (n > 1) await page.keyboard.press('Tab');
    // Focus lands on the group's first option; arrows move to (and choose) the others.
    await page.keyboard.press('Space');
    for (let i = 0; i < preferred[n - 1]!; i++) await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('You passed this CME quiz with a score of 100%.')).toBeVisible();

  // The evaluation, by keyboard: 4 on the scale, yes, yes, then send.
  await tabTo('objectivesMet');
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await tabTo('intendedChange');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send evaluation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Claim credit' })).toBeVisible();

  await tabTo('attest');
  await page.keyboard.press('Space');
  await expect(
    page.getByLabel('I claim only the credit commensurate with the extent of my participation'),
  ).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Claim credit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('You claimed 1 AMA PRA Category 1 Credit™.')).toBeVisible();
});

test('the JSON API refuses tampered answers with 422 and stores nothing', async ({ page }) => {
  const { activityId } = await loadSeedQuiz();
  const learner = await createLearner('Tam Perer');
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);
  const post = (data: unknown) => page.request.post(`/api/cme/${activityId}/attempts`, { data });
  const unknown = await post({ answers: [{ questionId: 'nosuchquestion', optionId: 'nosuchoption' }] });
  expect(unknown.status()).toBe(422);
  expect(await unknown.json()).toMatchObject({
    code: 'invalid',
    error: 'Question nosuchquestion is not part of this quiz.',
  });
  const malformed = await post({ answers: 'everything' });
  expect(malformed.status()).toBe(422);
  expect(
    (
      await page.request.post(`/api/cme/${activityId}/attempts`, {
        data: '{}',
        headers: { 'content-type': 'text/plain' },
      })
    ).status(),
  ).toBe(415);
  expect(await countAttempts(learner.email)).toBe(0);
});

for (const [name, path] of [
  ['CME index', '/cme'],
  ['states', '/cme/states'],
  ['state', '/cme/states/FL'],
] as const) {
  test(`the ${name} page has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectAxeClean(page);
  });
}

test('the learner profile keeps a detail only with its consent', async ({ page }) => {
  const learner = await createLearner('Pat Profile, MD');
  await signIn(page, learner.email, learner.password, '/cme/profile');
  await expectAxeClean(page);
  await page.getByLabel('NPI (10 digits)').fill('1234567893');
  await page.getByLabel('I consent to my NPI being reported with my credit').check();
  await page.getByLabel('Board name').fill('American Board of Dermatology');
  await page.getByLabel('Board ID', { exact: true }).fill('ABD-1234');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your learner profile has been saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('NPI (10 digits)')).toHaveValue('1234567893');
  await expect(page.getByLabel('Board ID', { exact: true })).toHaveValue('');
});
