// Fuzzes the account server actions (lib/auth/account-actions.ts): each form is submitted
// once in the browser with a hostile value (which also tells which action it posts to), then the
// action is called with every hostile string in each field, and with arguments that are not a
// form at all. Answers are never a 500 nor "something went wrong"; refusals store nothing.
import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueEmail } from './support/auth';
import { createAccount, HOSTILE_STRINGS } from './support/fuzz';
import { expectHandledAction, fuzzAction, submitForm } from './support/server-actions';

const buttonNamed = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const formWith = (page: Page, button: string) => page.locator('form').filter({ has: buttonNamed(page, button) });

/** Submits the form labelled by `button` with `values` in the browser; returns the action id. */
async function viaBrowser(page: Page, button: string, values: Record<string, string>, what: string) {
  const { actionId, answer } = await submitForm(page, formWith(page, button), buttonNamed(page, button), values);
  expectHandledAction(answer, `${what} in the browser`);
  return actionId;
}

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
  const register = await viaBrowser(
    page,
    'Create account',
    { name: nul, email: uniqueEmail('fuzz'), password: 'tulip harbour seventeen' },
    'register with a NUL in the name',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'NUL character' })).toBeVisible();
  await fuzzAction({
    api: page.request,
    path: '/register',
    actionId: register,
    base: { name: 'Fuzz Registrant', email: '', password: 'tulip harbour seventeen' },
    fresh: (field): Record<string, string> => (field === 'email' ? {} : { email: uniqueEmail('fuzz') }),
    fields: ['name', 'email', 'password'],
    tables: ['User', 'UserToken'],
    headers: freshAddress,
  });

  await page.goto('/forgot-password');
  const forgot = await viaBrowser(page, 'Send reset link', { email: '<script>alert(1)</script>' }, 'forgot password');
  await fuzzAction({
    api: page.request,
    path: '/forgot-password',
    actionId: forgot,
    base: { email: 'nobody@example.org' },
    fields: ['email'],
    tables: ['UserToken'],
    headers: freshAddress,
  });

  await page.goto('/reset-password?token=fuzz-token-that-was-never-issued');
  const reset = await viaBrowser(page, 'Save new password', { token: nul, password: nul }, 'reset password');
  await fuzzAction({
    api: page.request,
    path: '/reset-password',
    actionId: reset,
    base: { token: 'fuzz-token-that-was-never-issued', password: 'tulip harbour seventeen' },
    fields: ['token', 'password'],
    tables: ['UserToken'],
  });

  await page.goto('/verify-email?token=fuzz-token-that-was-never-issued');
  const verify = await viaBrowser(page, 'Confirm my email address', { token: "' OR 1=1 --" }, 'verify email');
  await fuzzAction({
    api: page.request,
    path: '/verify-email',
    actionId: verify,
    base: { token: 'fuzz-token-that-was-never-issued' },
    fields: ['token'],
    tables: ['UserToken'],
  });

  await page.goto('/confirm-email?token=fuzz-token-that-was-never-issued');
  const confirm = await viaBrowser(page, 'Use this email address', { token: nul }, 'confirm email change');
  await fuzzAction({
    api: page.request,
    path: '/confirm-email',
    actionId: confirm,
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

  const profile = await viaBrowser(page, 'Save details', { name: '\u202Eevil\u202C' }, 'profile');
  await fuzzAction({
    api: page.request,
    path: '/account',
    actionId: profile,
    base: { name: 'Fuzz Account Holder' },
    fields: ['name'],
    tables: ['User', 'UserToken'],
  });

  const emailChange = await viaBrowser(
    page,
    'Send confirmation link',
    { email: 'not an email', currentPassword: '\u0000' },
    'email change',
  );
  await fuzzAction({
    api: page.request,
    path: '/account',
    actionId: emailChange,
    // Never the right password: nothing may be stored or sent.
    base: { email: uniqueEmail('fuzz-new'), currentPassword: 'not the current password' },
    fields: ['email', 'currentPassword'],
    tables: ['User', 'PendingEmailChange', 'OutboxEmail'],
  });

  const password = await viaBrowser(
    page,
    'Change password',
    { currentPassword: 'x'.repeat(300), password: '<b>bold</b>' },
    'change password',
  );
  await fuzzAction({
    api: page.request,
    path: '/account',
    actionId: password,
    // Never the right current password: a success would end this session for the rest of the test.
    base: { currentPassword: 'not the current password', password: 'another long passphrase' },
    fields: ['currentPassword', 'password'],
    tables: ['User'],
  });

  await page.goto('/activate');
  const byMember = await viaBrowser(page, 'Activate', { memberNumber: "' OR 1=1 --", lastName: '🧪' }, 'activate');
  await fuzzAction({
    api: page.request,
    path: '/activate',
    actionId: byMember,
    base: { memberNumber: 'FUZZ-NOT-A-MEMBER', lastName: 'Nobody' },
    fields: ['memberNumber', 'lastName'],
    tables: ['Subscription', 'MemberRecord'],
    headers: freshAddress,
  });
  const byCode = await viaBrowser(page, 'Activate with code', { activationCode: 'A'.repeat(5000) }, 'activation code');
  await fuzzAction({
    api: page.request,
    path: '/activate',
    actionId: byCode,
    base: { activationCode: 'FUZZ-NO-CODE' },
    fields: ['activationCode'],
    tables: ['Subscription', 'MemberRecord'],
    headers: freshAddress,
  });

  // Resending the confirmation link takes no fields: only the wrong-argument calls apply.
  const unverified = await createAccount('Fuzz Unverified', 'reader', false);
  await page.context().clearCookies();
  await signIn(page, unverified.email, unverified.password);
  const resend = await viaBrowser(page, 'Send the link again', {}, 'resend verification');
  await fuzzAction({ api: page.request, path: '/account', actionId: resend, base: {}, fields: [], tables: ['User'] });
});
