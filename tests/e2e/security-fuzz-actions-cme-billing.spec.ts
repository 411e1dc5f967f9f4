// Fuzzes the CME server actions (learner profile, quiz, commitment, credit claim) and the billing
// ones (purchase, subscription, test payment and portal) as in security-fuzz-actions.spec.ts:
// each real form once in the browser with a hostile value, then every hostile string per field.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { loadSeedQuiz } from './support/cme';
import { SEED_DOI } from './support/content';
import { createAccount } from './support/fuzz';
import { expectHandledAction, fuzzAction, submitForm } from './support/server-actions';

const NUL = 'before\u0000after';

async function viaBrowser(page: Page, button: string | RegExp, values: Record<string, string>, what: string) {
  const submit = page.getByRole('button', { name: button });
  const form = page.locator('form').filter({ has: submit });
  const { actionId, answer } = await submitForm(page, form, submit, values);
  expectHandledAction(answer, `${what} in the browser`);
  return { actionId, answer };
}

test('CME profile, quiz, commitment and credit claim take hostile input calmly', async ({ page }) => {
  test.setTimeout(180_000);
  const learner = await createAccount('Fuzz Learner, MD');
  const { activityId, preferred } = await loadSeedQuiz();
  await signIn(page, learner.email, learner.password, '/cme/profile');

  const profile = await viaBrowser(page, 'Save profile', { boardName: NUL, boardId: '<b>1</b>' }, 'learner profile');
  await fuzzAction({
    api: page.request,
    path: '/cme/profile',
    actionId: profile.actionId,
    base: { boardName: 'American Board of Dermatology', boardId: 'ABD-1', boardConsent: 'on', licencesConsent: 'on' },
    fields: ['npi', 'npiConsent', 'boardName', 'boardId', 'birthMonth', 'birthDay', 'licenceState0', 'licenceNumber0'],
    tables: ['CmeLearnerProfile', 'CmeStateLicence'],
  });

  await page.goto(`/cme/${activityId}`);
  const firstQuestion = (await page.getByRole('radio').first().getAttribute('name'))!;
  const firstOption = (await page.getByRole('radio').first().getAttribute('value'))!;
  const quiz = await viaBrowser(page, 'Submit answers', { activityId: NUL, startedAt: '9999-99-99' }, 'quiz');
  await fuzzAction({
    api: page.request,
    path: `/cme/${activityId}`,
    actionId: quiz.actionId,
    base: { activityId, startedAt: new Date().toISOString(), [firstQuestion]: firstOption },
    fields: ['activityId', 'startedAt', firstQuestion, 'answer:fuzz-question'],
    tables: ['CmeAttempt'],
  });

  // Pass the quiz for real, to reach the commitment and credit claim forms.
  await page.goto(`/cme/${activityId}`);
  for (let n = 0; n < preferred.length; n++)
    await page
      .getByRole('group', { name: new RegExp(`^${n + 1}\\. `) })
      .getByRole('radio')
      .nth(preferred[n]!)
      .check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
  const resultPath = new URL(page.url()).pathname;
  const attemptId = resultPath.split('/').at(-1)!;

  const commitment = await viaBrowser(page, 'Save commitment', { commitment: NUL }, 'commitment');
  await expect(page.getByRole('alert').filter({ hasText: 'NUL character' })).toBeVisible();
  await fuzzAction({
    api: page.request,
    path: resultPath,
    actionId: commitment.actionId,
    base: { attemptId, commitment: 'I will check IgA levels before IVIG.' },
    fields: ['attemptId', 'commitment'],
    tables: ['CmeAttempt'],
  });

  // The claim form appears once the evaluation is in.
  await page
    .getByRole('group', { name: 'The learning objectives of this activity were met.' })
    .getByLabel('5: Strongly agree')
    .check();
  await page.getByRole('group', { name: 'The content was relevant to my practice.' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'The activity was free of commercial bias.' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Send evaluation' }).click();
  await expect(page.getByRole('button', { name: 'Claim credit' })).toBeVisible();

  const claim = await viaBrowser(page, 'Claim credit', { attemptId: `' OR 1=1 --` }, 'credit claim');
  await fuzzAction({
    api: page.request,
    path: resultPath,
    actionId: claim.actionId,
    base: { activityId, attemptId, credits: '1', attest: 'on' },
    fields: ['activityId', 'attemptId', 'credits', 'attest'],
    tables: ['CmeCreditClaim', 'CmeCertificate'],
  });
});

test('purchase, subscription, test payment and portal actions take hostile input calmly', async ({ page }) => {
  test.setTimeout(180_000);
  const buyer = await createAccount('Fuzz Buyer');
  const checkoutTables = ['LocalCheckoutSession', 'ArticlePurchase', 'Subscription'];
  await signIn(page, buyer.email, buyer.password, `/purchase?doi=${encodeURIComponent(SEED_DOI)}`);

  const purchase = await viaBrowser(page, 'Continue to payment', { doi: NUL }, 'purchase');
  await fuzzAction({
    api: page.request,
    path: '/purchase',
    actionId: purchase.actionId,
    base: { doi: SEED_DOI },
    fields: ['doi'],
    tables: checkoutTables,
  });

  await page.goto('/subscribe');
  const subscribe = await viaBrowser(
    page,
    'Subscribe annual',
    { plan: 'lifetime', returnTo: '//evil.example' },
    'plan',
  );
  await fuzzAction({
    api: page.request,
    path: '/subscribe',
    actionId: subscribe.actionId,
    base: { plan: 'annual', returnTo: '/account' },
    fields: ['plan', 'returnTo'],
    tables: checkoutTables,
  });

  // A real checkout to reach the payment page, the portal and "Manage subscription".
  await page.goto('/subscribe');
  await page.getByRole('button', { name: 'Subscribe annual' }).click();
  await expect(page).toHaveURL(/\/checkout\/test-payment\?session=lcs_[a-f0-9]+/);
  const session = new URL(page.url()).searchParams.get('session')!;
  const pay = await viaBrowser(page, /^Pay .+ \(test\)$/, { session: NUL }, 'test payment');
  await fuzzAction({
    api: page.request,
    path: '/checkout/test-payment',
    actionId: pay.actionId,
    base: { session },
    fields: ['session'],
    tables: checkoutTables,
  });
  await page.reload();
  await page.getByRole('button', { name: /^Pay .+ \(test\)$/ }).click();
  await expect(page).toHaveURL(/\/checkout\/success/);

  await page.goto('/checkout/test-portal');
  const cancel = await viaBrowser(page, 'Cancel subscription', { subscriptionId: NUL }, 'cancel subscription');
  await fuzzAction({
    api: page.request,
    path: '/checkout/test-portal',
    actionId: cancel.actionId,
    base: { subscriptionId: 'fuzz-no-such-subscription' },
    fields: ['subscriptionId'],
    tables: ['Subscription'],
  });

  await page.goto('/account');
  const portal = await viaBrowser(page, 'Manage subscription', {}, 'open portal');
  expect(portal.answer.redirect ?? '').toContain('/checkout/test-portal');
  await fuzzAction({
    api: page.request,
    path: '/account',
    actionId: portal.actionId,
    base: {},
    fields: [],
    tables: [],
  });
});
