// The Commitment-to-Change follow-up from the learner's inbox: four weeks after the commitment (the
// server clock moved forward) the email arrives; its "Partly" link opens a page with that answer
// chosen that records nothing until pressed; the answer and its barrier reach the admin's report.
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { expectAxeClean } from './support/axe';
import { claimFullCredit, createLearner, loadSeedQuiz, passQuiz, sendEvaluation } from './support/cme';
import { sql } from './support/db';
import { setServerClock } from './support/payments';

const DAY_MS = 24 * 60 * 60 * 1000;

const followUpOf = (email: string) =>
  sql<{ commitmentAt: Date; answer: string | null; barriers: string | null }>(
    `SELECT t."commitmentAt", f.answer, f.barriers FROM "CmeAttempt" t JOIN "User" u ON u.id = t."userId"
       LEFT JOIN "CmeCommitmentFollowUp" f ON f."attemptId" = t.id
      WHERE u.email = $1 AND t.commitment IS NOT NULL`,
    [email],
  ).then((rows) => rows[0]!);

test.afterEach(async ({ request }) => {
  await setServerClock(request, 0);
});

test('four weeks after a commitment the learner is asked once, answers from the email link, and the admin sees it', async ({
  page,
  browser,
  request,
}) => {
  const { activityId, preferred } = await loadSeedQuiz();
  const learner = await createLearner('Fola Lowup, MD');
  await signIn(page, learner.email, learner.password, `/cme/${activityId}`);
  await passQuiz(page, preferred);
  await expect(page.getByText('You passed this CME quiz with a score of 100%.')).toBeVisible();
  const commitment = 'I will patch-test every DRESS patient at six weeks.';
  await page
    .getByLabel('Indicate what change(s) you will implement in your practice, if any, based on this CME course.')
    .fill(commitment);
  await page.getByRole('button', { name: 'Save commitment' }).click();
  await expect(page.getByText('Your commitment to change has been saved.')).toBeVisible();
  await sendEvaluation(page);
  await claimFullCredit(page);

  // A day short of four weeks: nothing yet. Then four weeks and a minute after the commitment.
  const { commitmentAt } = await followUpOf(learner.email);
  const subject = 'Did you make the change?%';
  const emailsTo = () =>
    sql<{ text: string }>(`SELECT text FROM "OutboxEmail" WHERE "to" = $1 AND subject LIKE $2`, [
      learner.email,
      subject,
    ]);
  await setServerClock(request, commitmentAt.getTime() + 27 * DAY_MS - Date.now());
  await page.waitForTimeout(2000); // the workers poll every 0.5 s
  expect(await emailsTo()).toHaveLength(0);
  await setServerClock(request, commitmentAt.getTime() + 28 * DAY_MS + 60_000 - Date.now());
  await expect.poll(async () => (await emailsTo()).length, { timeout: 20_000 }).toBe(1);
  const text = (await emailsTo())[0]!.text;
  expect(text).toContain(`> ${commitment}`);
  const link = /https?:\/\/\S+\/cme\/follow-up\?token=[\w-]+&answer=partly/.exec(text)?.[0];
  expect(link).toBeTruthy();

  // Opened from the inbox, not signed in: the choice is made, nothing is recorded yet.
  const inboxContext = await browser.newContext();
  const inbox = await inboxContext.newPage();
  const url = new URL(link!);
  await inbox.goto(url.pathname + url.search);
  await expect(inbox.getByRole('heading', { name: 'Your Commitment to Change' })).toBeVisible();
  await expect(inbox.getByText(commitment)).toBeVisible();
  const choices = inbox.getByRole('group', { name: 'Did you make the change?' });
  await expect(choices.getByLabel('Partly')).toBeChecked();
  await expect(choices.getByLabel('Yes, I made the change')).not.toBeChecked();
  await expectAxeClean(inbox);
  expect((await followUpOf(learner.email)).answer).toBeNull();

  await inbox.getByLabel('What got in the way, if anything? (optional)').fill('Our clinic has no patch-test kits.');
  await inbox.getByRole('button', { name: 'Record my answer' }).click();
  await expect(inbox.getByText('Thank you: your answer “Partly” has been recorded.')).toBeVisible();
  expect(await followUpOf(learner.email)).toMatchObject({
    answer: 'partly',
    barriers: 'Our clinic has no patch-test kits.',
  });
  // Opened again later, the page says what was answered.
  await inbox.goto(url.pathname + url.search);
  await expect(inbox.getByRole('status').filter({ hasText: 'You answered' })).toContainText('You answered “Partly” on');
  await inboxContext.close();

  // Never a second email, however far the clock goes.
  await setServerClock(request, commitmentAt.getTime() + 90 * DAY_MS - Date.now());
  await page.waitForTimeout(1500);
  expect(await emailsTo()).toHaveLength(1);
  await setServerClock(request, 0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@example.com', undefined, '/admin');
  await admin.goto(`/admin/cme?activityId=${activityId}`);
  const row = admin.getByRole('row').filter({ hasText: learner.email });
  await expect(row).toContainText('Partly (');
  await expect(row).toContainText('“Our clinic has no patch-test kits.”');
  await expect(admin.getByRole('table', { name: 'Commitment to Change follow-up' })).toBeVisible();
  await adminContext.close();
});
