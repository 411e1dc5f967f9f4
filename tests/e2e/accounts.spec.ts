import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeOn } from './support/axe';
import { linkFromLatestEmail, registerViaUi, signIn, uniqueEmail } from './support/auth';
import { sql } from './support/db';
import { submitForm } from './support/server-actions';

/** Presses `button` in `form` and waits until its server action has answered and the form is idle again. */
async function submitAndWait(page: Page, form: Locator, button: string) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action'])),
    form.getByRole('button', { name: button }).click(),
  ]);
  await expect(form.getByRole('button', { name: button })).toBeEnabled();
}

test('register → verify the email → sign out → sign in again', async ({ page }) => {
  const email = uniqueEmail('reg');
  await page.goto('/register?callbackUrl=%2Faccount');
  await page.getByLabel('Name').fill('Jordan Registrant');
  await page.getByLabel('Email').fill('jordan-at-example.org');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel(/I agree to the Terms of Use/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  // Every problem at once, not one per attempt.
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('tulip harbour seventeen');
  await page.getByLabel(/I agree to the Terms of Use/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Please confirm your email address' })).toBeVisible();

  await page.goto(await linkFromLatestEmail(email, '/verify-email'));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Please confirm your email address' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign In' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
  await signIn(page, email, 'tulip harbour seventeen');
  await expect(page.getByRole('heading', { name: 'My Account' })).toBeVisible();
});

test('forgot password → emailed link → new password works, the old one does not, the link is single-use', async ({
  page,
}) => {
  const email = uniqueEmail('reset');
  await page.goto('/register');
  await page.getByLabel('Name').fill('Pat Forgetful');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('original long passphrase');
  await page.getByLabel(/I agree to the Terms of Use/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign In' })).toBeVisible();

  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that email')).toBeVisible();
  const link = await linkFromLatestEmail(email, '/reset-password');
  await page.goto(link);
  await page.getByLabel('New password').fill('replacement long passphrase');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('original long passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
  await signIn(page, email, 'replacement long passphrase');

  await page.goto(link);
  await page.getByLabel('New password').fill('third long passphrase');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText(/invalid, already used or expired/)).toBeVisible();
});

test('an unknown email gets the same answer on the reset form', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that email')).toBeVisible();
});

test('a member activates their society subscription; a second account is refused', async ({ page, browser }) => {
  await registerViaUi(page, 'Maria Rivera');
  await page.goto('/activate');
  const byNumber = page.getByRole('region', { name: 'With your member or subscriber number' });
  await byNumber.getByLabel('Member or subscriber number').fill('AMA-100200');
  await byNumber.getByLabel('Last name').fill('rivera');
  await byNumber.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByText(/Your subscription is active until \d{1,2} [A-Z][a-z]+ \d{4}\./)).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('cell', { name: 'Activated membership' })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await registerViaUi(otherPage, 'Not Rivera');
  await otherPage.goto('/activate');
  const form = otherPage.getByRole('region', { name: 'With your member or subscriber number' });
  await form.getByLabel('Member or subscriber number').fill('AMA-100200');
  await form.getByLabel('Last name').fill('Rivera');
  await submitAndWait(otherPage, form, 'Activate');
  // Taken by another account reads exactly like details that match no record.
  const claimed = await form.getByRole('alert').textContent();
  expect(claimed).toMatch(/^We could not activate a subscription with those details\./);
  // What was typed stays, to be corrected.
  await expect(form.getByLabel('Member or subscriber number')).toHaveValue('AMA-100200');
  await expect(form.getByLabel('Last name')).toHaveValue('Rivera');
  await form.getByLabel('Member or subscriber number').fill('AMA-999999');
  await form.getByLabel('Last name').fill('Nobody');
  await submitAndWait(otherPage, form, 'Activate');
  await expect(form.getByLabel('Member or subscriber number')).toHaveValue('AMA-999999');
  await expect(form.getByRole('alert')).toHaveText(claimed!);
  await other.close();
});

test('guessing activation details is stopped after 10 refused tries', async ({ browser }) => {
  // An address of its own, so other tests' tries from this machine do not count.
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.210' } });
  const page = await context.newPage();
  await registerViaUi(page, 'Gus Guesser');
  await page.goto('/activate');
  const form = page.getByRole('region', { name: 'Or with an activation code' });
  for (let i = 0; i < 10; i++) {
    await form.getByLabel('Activation code').fill(`GUESS-${i}000`);
    await submitAndWait(page, form, 'Activate with code');
    await expect(form.getByRole('alert')).toHaveText(/^We could not activate a subscription/);
    await expect(form.getByLabel('Activation code')).toHaveValue(`GUESS-${i}000`);
  }
  await form.getByLabel('Activation code').fill('GUESS-LAST');
  await form.getByRole('button', { name: 'Activate with code' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^Too many activation attempts\. Please wait \d+ minutes/);
  await context.close();
});

test('email change: needs the password, waits for the link to the new address, tells the old one', async ({
  page,
  browser,
}) => {
  const { email: oldEmail } = await registerViaUi(page, 'Eve Changer');
  const newEmail = uniqueEmail('moved');
  const section = page.getByRole('region', { name: 'Change email address' });
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Your password').fill('not my password at all');
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(section.getByRole('alert')).toHaveText('Your current password is not correct.');
  await expect(section.getByLabel('New email address')).toHaveValue(newEmail);

  await section.getByLabel('Your password').fill('tulip harbour seventeen');
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  const answer = (email: string) =>
    `We have sent a link to ${email}. Your email address changes when you open it (within 24 hours); until then, keep using ${oldEmail}.`;
  await expect(section.getByRole('status')).toHaveText(answer(newEmail));
  await page.reload();
  await expect(section.getByText(`Your account uses ${oldEmail}.`)).toBeVisible();
  const notices = await sql<{ subject: string }>('SELECT subject FROM "OutboxEmail" WHERE "to" = $1', [oldEmail]);
  expect(notices.map((n) => n.subject)).toContain('A change of your email address was requested');

  // An address that already has an account: the same answer, and no link goes there.
  const taken = (await registerViaUi(await (await browser.newContext()).newPage(), 'Taken Address')).email;
  await section.getByLabel('New email address').fill(taken);
  await section.getByLabel('Your password').fill('tulip harbour seventeen');
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(section.getByRole('status')).toHaveText(answer(taken));
  await expect(linkFromLatestEmail(taken, '/confirm-email')).rejects.toThrow(/No \/confirm-email link/);

  // The newest request wins: ask for the free address again, then open its link signed out.
  await page.reload();
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Your password').fill('tulip harbour seventeen');
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(section.getByRole('status')).toHaveText(answer(newEmail));
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(await linkFromLatestEmail(newEmail, '/confirm-email'));
  await stranger.getByRole('button', { name: 'Use this email address' }).click();
  await expect(stranger.getByText('Your email address has been changed.')).toBeVisible();

  await page.reload();
  await expect(section.getByText(`Your account uses ${newEmail}.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Please confirm your email address' })).toHaveCount(0);
  expect(
    (await sql<{ subject: string }>('SELECT subject FROM "OutboxEmail" WHERE "to" = $1', [oldEmail])).map(
      (n) => n.subject,
    ),
  ).toContain('Your email address was changed');
  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign In' })).toBeVisible();
  await signIn(page, newEmail, 'tulip harbour seventeen');
});

test('registering an email that has an account answers exactly as for a new one, and is throttled', async ({
  page,
  browser,
}) => {
  const form = (p: Page) => p.locator('form').filter({ has: p.getByRole('button', { name: 'Create account' }) });
  // Someone else's email, with a password of one's own (the account's owner has another).
  const register = async (p: Page, email: string, password = 'lantern meadow ninety') => {
    await p.goto('/register?callbackUrl=%2Faccount');
    await p.getByLabel('Name').fill('Ria Registrant');
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(password);
    await p.getByLabel(/I agree to the Terms of Use/).check();
    return submitForm(p, form(p), p.getByRole('button', { name: 'Create account' }), {});
  };
  const email = uniqueEmail('twice');
  const first = await register(page, email, 'tulip harbour seventeen');
  await expect(page).toHaveURL(/\/account$/);

  const again = await (await browser.newContext()).newPage();
  const second = await register(again, email);
  expect(second.answer.state).toEqual(first.answer.state);
  await expect(form(again).getByRole('status')).toHaveText(
    'Check your email: we sent a link to finish setting up your account.',
  );
  expect(first.answer.state?.message).toBe('Check your email: we sent a link to finish setting up your account.');

  // A third try is still answered; a fourth within the hour is throttled (3 emails an hour to one address).
  await register(again, email);
  await register(again, email);
  await expect(form(again).getByRole('alert')).toHaveText(/^Too many registration attempts\. Please wait \d+ minutes/);
});

for (const path of [
  '/signin',
  '/register',
  '/forgot-password',
  '/reset-password?token=abcdefghijklmnop',
  '/verify-email?token=abcdefghijklmnop',
  '/confirm-email?token=abcdefghijklmnop',
]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await axeOn(page).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

for (const path of ['/account', '/activate']) {
  test(`${path} (signed in) has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, 'subscriber@example.com', undefined, path);
    const { violations } = await axeOn(page).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}
