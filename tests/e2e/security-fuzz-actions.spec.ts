// Fuzzes the account server actions (lib/auth/account-actions.ts): each form is submitted
// once in the browser with a hostile value (which also tells which action it posts to), then the
// action is called with every hostile string in each field, and with arguments that are not a
// form at all. Answers are never a 500 nor "something went wrong"; refusals store nothing.
import { expect, test } from '@playwright/test';
import { signIn, uniqueEmail } from './support/auth';
import { createAccount, HOSTILE_STRINGS } from './support/fuzz';
import { fuzzForm } from './support/server-actions';

// A fresh address per call from the documentation range: the reset, registration and activation
// throttles count per address.
let n = 0;
const freshAddress = () => ({ 'X-Forwarded-For': `198.51.100.${(n++ % 200) + 20}` });

test('registration, forgotten password, reset, email confirmation and email change links take hostile input calmly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/register');
  // Agreed, so the NUL in the name is what the server meets.
  await page.getByLabel(/I agree to the Terms of Use/).check();
  const nul = HOSTILE_STRINGS.find(([label]) => label === 'NUL')![1];
  await fuzzForm(page, {
    button: 'Create account',
    hostile: { name: nul, email: uniqueEmail('fuzz'), password: 'tulip harbour seventeen' },
    what: 'register with a NUL in the name',
    path: '/register',
    base: { name: 'Fuzz Registrant', email: '', password: 'tulip harbour seventeen' },
    fresh: (field): Record<string, string> => (field === 'email' ? {} : { email: uniqueEmail('fuzz') }),
    fields: ['name', 'email', 'password'],
    tables: ['User', 'UserToken'],
    headers: freshAddress,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'NUL character' })).toBeVisible();

  await page.goto('/forgot-password');
  await fuzzForm(page, {
    button: 'Send reset link',
    hostile: { email: '<script>alert(1)</script>' },
    what: 'forgot password',
    path: '/forgot-password',
    base: { email: 'nobody@example.org' },
    fields: ['email'],
    tables: ['UserToken'],
    headers: freshAddress,
  });

  await page.goto('/reset-password?token=fuzz-token-that-was-never-issued');
  await fuzzForm(page, {
    button: 'Save new password',
    hostile: { token: nul, password: nul },
    what: 'reset password',
    path: '/reset-password',
    base: { token: 'fuzz-token-that-was-never-issued', password: 'tulip harbour seventeen' },
    fields: ['token', 'password'],
    tables: ['UserToken'],
  });

  await page.goto('/verify-email?token=fuzz-token-that-was-never-issued');
  await fuzzForm(page, {
    button: 'Confirm my email address',
    hostile: { token: "' OR 1=1 --" },
    what: 'verify email',
    path: '/verify-email',
    base: { token: 'fuzz-token-that-was-never-issued' },
    fields: ['token'],
    tables: ['UserToken'],
  });

  await page.goto('/confirm-email?token=fuzz-token-that-was-never-issued');
  await fuzzForm(page, {
    button: 'Use this email address',
    hostile: { token: nul },
    what: 'confirm email change',
    path: '/confirm-email',
    base: { token: 'fuzz-token-that-was-never-issued' },
    fields: ['token'],
    tables: ['User', 'PendingEmailChange'],
  });
});

test('a signed-in reader’s profile, password, activation and verification forms take hostile input calmly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount('Fuzz Account Holder');
  await signIn(page, account.email, account.password);

  await fuzzForm(page, {
    button: 'Save details',
    hostile: { name: '\u202Eevil\u202C' },
    what: 'profile',
    path: '/account',
    base: { name: 'Fuzz Account Holder' },
    fields: ['name'],
    tables: ['User', 'UserToken'],
  });

  await fuzzForm(page, {
    button: 'Send confirmation link',
    hostile: { email: 'not an email', currentPassword: '\u0000' },
    what: 'email change',
    path: '/account',
    // Never the right password: nothing may be stored or sent.
    base: { email: uniqueEmail('fuzz-new'), currentPassword: 'not the current password' },
    fields: ['email', 'currentPassword'],
    tables: ['User', 'PendingEmailChange', 'OutboxEmail'],
  });

  await fuzzForm(page, {
    button: 'Change password',
    hostile: { currentPassword: 'x'.repeat(300), password: '<b>bold</b>' },
    what: 'change password',
    path: '/account',
    // Never the right current password: a success would end this session for the rest of the test.
    base: { currentPassword: 'not the current password', password: 'another long passphrase' },
    fields: ['currentPassword', 'password'],
    tables: ['User'],
  });

  await page.goto('/activate');
  await fuzzForm(page, {
    button: 'Activate',
    hostile: { memberNumber: "' OR 1=1 --", lastName: '🧪' },
    what: 'activate',
    path: '/activate',
    base: { memberNumber: 'FUZZ-NOT-A-MEMBER', lastName: 'Nobody' },
    fields: ['memberNumber', 'lastName'],
    tables: ['Subscription', 'MemberRecord'],
    headers: freshAddress,
  });
  await fuzzForm(page, {
    button: 'Activate with code',
    hostile: { activationCode: 'A'.repeat(5000) },
    what: 'activation code',
    path: '/activate',
    base: { activationCode: 'FUZZ-NO-CODE' },
    fields: ['activationCode'],
    tables: ['Subscription', 'MemberRecord'],
    headers: freshAddress,
  });

  // Resending the confirmation link takes no fields: only the wrong-argument calls apply.
  const unverified = await createAccount('Fuzz Unverified', 'reader', false);
  await page.context().clearCookies();
  await signIn(page, unverified.email, unverified.password);
  await fuzzForm(page, {
    button: 'Send the link again',
    hostile: {},
    what: 'resend verification',
    path: '/account',
    base: {},
    fields: [],
    tables: ['User'],
  });
});
