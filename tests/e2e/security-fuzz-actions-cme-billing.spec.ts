// Fuzzes the CME server actions (learner profile, quiz, commitment, credit claim) and the billing
// ones (purchase, subscription, test payment and portal) as in security-fuzz-actions.spec.ts:
// each real form once in the browser with a hostile value, then every hostile string per field.
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { loadSeedQuiz, passQuiz, sendEvaluation } from './support/cme';
import { SEED_DOI } from './support/content';
import { createAccount } from './support/fuzz';
import { fuzzForm } from './support/server-actions';

const NUL = 'before\u0000after';

test('CME profile, quiz, commitment and credit claim take hostile input calmly', async ({ page }) => {
  test.setTimeout(180_000);
  const learner = await createAccount('Fuzz Learner, MD');
  const { activityId, preferred } = await loadSeedQuiz();
  await signIn(page, learner.email, learner.password, '/cme/profile');

  await fuzzForm(page, {
    button: 'Save profile',
    hostile: { boardName: NUL, boardId: '<b>1</b>' },
    what: 'learner profile',
    path: '/cme/profile',
    base: { boardName: 'American Board of Dermatology', boardId: 'ABD-1', boardConsent: 'on', licencesConsent: 'on' },
    fields: ['npi', 'npiConsent', 'boardName', 'boardId', 'birthMonth', 'birthDay', 'licenceState0', 'licenceNumber0'],
    tables: ['CmeLearnerProfile', 'CmeStateLicence'],
  });

  await page.goto(`/cme/${activityId}`);
  const firstQuestion = (await page.getByRole('radio').first().getAttribute('name'))!;
  const firstOption = (await page.getByRole('radio').first().getAttribute('value'))!;
  await fuzzForm(page, {
    button: 'Submit answers',
    hostile: { activityId: NUL, startedAt: '9999-99-99' },
    what: 'quiz',
    path: `/cme/${activityId}`,
    base: { activityId, startedAt: new Date().toISOString(), [firstQuestion]: firstOption },
    fields: ['activityId', 'startedAt', firstQuestion, 'answer:fuzz-question'],
    tables: ['CmeAttempt'],
  });

  // Pass the quiz for real, to reach the commitment and credit claim forms.
  await page.goto(`/cme/${activityId}`);
  await passQuiz(page, preferred);
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
  const resultPath = new URL(page.url()).pathname;
  const attemptId = resultPath.split('/').at(-1)!;

  await fuzzForm(page, {
    button: 'Save commitment',
    hostile: { commitment: NUL },
    what: 'commitment',
    path: resultPath,
    base: { attemptId, commitment: 'I will check IgA levels before IVIG.' },
    fields: ['attemptId', 'commitment'],
    tables: ['CmeAttempt'],
  });
  await expect(page.getByRole('alert').filter({ hasText: 'NUL character' })).toBeVisible();

  // The claim form appears once the evaluation is in.
  await sendEvaluation(page, { objectivesMet: '5: Strongly agree' });

  await fuzzForm(page, {
    button: 'Claim credit',
    hostile: { attemptId: `' OR 1=1 --` },
    what: 'credit claim',
    path: resultPath,
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

  await fuzzForm(page, {
    button: 'Continue to payment',
    hostile: { doi: NUL },
    what: 'purchase',
    path: '/purchase',
    base: { doi: SEED_DOI },
    fields: ['doi'],
    tables: checkoutTables,
  });

  await page.goto('/subscribe');
  await fuzzForm(page, {
    button: 'Subscribe annual',
    hostile: { plan: 'lifetime', returnTo: '//evil.example' },
    what: 'plan',
    path: '/subscribe',
    base: { plan: 'annual', returnTo: '/account' },
    fields: ['plan', 'returnTo'],
    tables: checkoutTables,
  });

  // A real checkout to reach the payment page, the portal and "Manage subscription".
  await page.goto('/subscribe');
  await page.getByRole('button', { name: 'Subscribe annual' }).click();
  await expect(page).toHaveURL(/\/checkout\/test-payment\?session=lcs_[a-f0-9]+/);
  const session = new URL(page.url()).searchParams.get('session')!;
  await fuzzForm(page, {
    button: /^Pay .+ \(test\)$/,
    hostile: { session: NUL },
    what: 'test payment',
    path: '/checkout/test-payment',
    base: { session },
    fields: ['session'],
    tables: checkoutTables,
  });
  await page.reload();
  await page.getByRole('button', { name: /^Pay .+ \(test\)$/ }).click();
  await expect(page).toHaveURL(/\/checkout\/success/);

  await page.goto('/checkout/test-portal');
  await fuzzForm(page, {
    button: 'Cancel subscription',
    hostile: { subscriptionId: NUL },
    what: 'cancel subscription',
    path: '/checkout/test-portal',
    base: { subscriptionId: 'fuzz-no-such-subscription' },
    fields: ['subscriptionId'],
    tables: ['Subscription'],
  });

  await page.goto('/account');
  const portal = await fuzzForm(page, {
    button: 'Manage subscription',
    hostile: {},
    what: 'open portal',
    path: '/account',
    base: {},
    fields: [],
    tables: [],
  });
  expect(portal.redirect ?? '').toContain('/checkout/test-portal');
});
