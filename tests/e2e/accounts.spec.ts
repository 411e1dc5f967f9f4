import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { linkFromLatestEmail, registerViaUi, signIn, uniqueEmail } from './support/auth';

test('register → verify the email → sign out → sign in again', async ({ page }) => {
  const email = uniqueEmail('reg');
  await page.goto('/register?callbackUrl=%2Faccount');
  await page.getByLabel('Name').fill('Jordan Registrant');
  await page.getByLabel('Email').fill('jordan-at-example.org');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  // Every problem at once, not one per attempt.
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('tulip harbour seventeen');
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
  await expect(page.getByText(/Your subscription is active until \d{4}-\d\d-\d\d/)).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('cell', { name: 'Activated membership' })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await registerViaUi(otherPage, 'Not Rivera');
  await otherPage.goto('/activate');
  const form = otherPage.getByRole('region', { name: 'With your member or subscriber number' });
  await form.getByLabel('Member or subscriber number').fill('AMA-100200');
  await form.getByLabel('Last name').fill('Rivera');
  await form.getByRole('button', { name: 'Activate' }).click();
  await expect(otherPage.getByText(/already been activated by another account/)).toBeVisible();
  await other.close();
});

for (const path of [
  '/signin',
  '/register',
  '/forgot-password',
  '/reset-password?token=abcdefghijklmnop',
  '/verify-email?token=abcdefghijklmnop',
]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}

for (const path of ['/account', '/activate']) {
  test(`${path} (signed in) has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, 'subscriber@example.com', undefined, path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}
