import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readPdfText } from '../support/read-pdf-text';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { countAttempts, createLearner, loadSeedQuiz, readCommitment } from './support/cme';

async function expectAxeClean(page: Page) {
  // After a form's redirect Next sets the new page's <title> a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const question = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });

/** Answers question n (1-based) with the option at `position`. */
async function answer(page: Page, n: number, position: number) {
  await question(page, n).getByRole('radio').nth(position).check();
}

/** A wrong option for a question whose preferred option is at `preferred`. */
const wrong = (preferred: number) => (preferred === 0 ? 1 : 0);

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
  await box.getByText('Accreditation Information').click();
  await expect(
    box.getByText(
      'The AMA designates this journal-based CME activity for a maximum of 1 AMA PRA Category 1 Credit™ per course.',
    ),
  ).toBeVisible();
  await box.getByRole('link', { name: 'Take the CME quiz' }).click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fcme%2F${activityId}$`));
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);

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

test('passing shows the highlighted results, saves the commitment, claims 0.75 credit and issues a verifiable certificate', async ({
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
  await expect(
    page.getByText('The filled radio buttons indicate your responses. The preferred responses are highlighted'),
  ).toBeVisible();
  await expect(question(page, 2).getByRole('radio').nth(wrong(preferred[1]!))).toBeChecked();
  await expect(question(page, 2).locator('label').nth(preferred[1]!)).toContainText('(preferred response)');
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

  await page.getByLabel(/Credits to claim/).selectOption('0.75');
  await page.getByRole('button', { name: 'Claim credit' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'to claim credit' })).toContainText(
    'I claim only the credit commensurate with the extent of my participation',
  );
  await page.getByLabel('I claim only the credit commensurate with the extent of my participation').check();
  await page.getByRole('button', { name: 'Claim credit' }).click();
  await expect(page.getByText('You claimed 0.75 AMA PRA Category 1 Credit™.')).toBeVisible();
  await expectAxeClean(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download certificate (PDF)' }).click(),
  ]);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await readPdfText(new Uint8Array(pdf));
  expect(text).toContain('Morgan Passwell, MD');
  expect(text).toContain('0.75 AMA PRA Category 1 Credit™');
  const verifyUrl = /Verify this certificate at (\S+)/.exec(text)?.[1];
  expect(verifyUrl).toMatch(/\/cme\/certificates\/CME-[0-9A-Z-]{14}$/);

  // The verification page is public: check it signed out, in a fresh context.
  const signedOut = await browser.newContext({ baseURL: new URL(verifyUrl!).origin });
  const visitor = await signedOut.newPage();
  await visitor.goto(new URL(verifyUrl!).pathname);
  await expect(visitor.getByText('Genuine: this certificate was issued by American Medical Association')).toBeVisible();
  await expect(visitor.getByText('Morgan Passwell, MD')).toBeVisible();
  await expect(visitor.getByText('0.75 AMA PRA Category 1 Credit™')).toBeVisible();
  await expectAxeClean(visitor);
  await visitor.goto('/cme/certificates/CME-0000-0000-0000');
  await expect(visitor.getByText('We did not issue a certificate with this ID.')).toBeVisible();
  await signedOut.close();

  await page.goto('/cme/transcript');
  await expect(page.getByRole('heading', { name: /: 0\.75 credits$/ })).toBeVisible();
  await expectAxeClean(page);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download transcript (CSV)' }).click(),
  ]);
  expect(fs.readFileSync(await csv.path(), 'utf8')).toMatch(/Intravenous Immunoglobulin.*,0\.75,CME-/);
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
