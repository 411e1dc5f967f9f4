// Institution sign-in end to end, in Chromium, against a real SAML identity provider started here
// (samlify in the IdP role, signing with a key made for this run, on 127.0.0.1: another site than
// the journal on localhost). The institution's librarian registers the IdP's metadata; a visitor
// picks the institution, signs in at the IdP and lands on the article with its full text; bad
// answers are refused with a clear message; a paired account keeps the access without the IdP.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eSettings } from './settings';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { startTestIdp, type IdpScenario, type TestIdp } from '../support/saml-test-idp';

const ARTICLE = `/doi/${SEED_DOI}`;
const FULL_TEXT = 'This sample full text was written for the demonstration journal';
const settings = e2eSettings();
let idp: TestIdp;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const spMetadataXml = await (await fetch(`${settings.baseUrl}/saml/metadata`)).text();
  expect(spMetadataXml).toContain(`entityID="${settings.baseUrl}/saml/metadata"`);
  expect(spMetadataXml).toMatch(/<(ds:)?X509Certificate>/); // the SP's own key, for signing and encryption
  idp = await startTestIdp({ port: settings.samlIdpPort, spMetadataXml, requireSignedRequests: true });
  // The institution's librarian registers its identity provider in the portal.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'librarian@example.com', undefined, '/librarian/saml');
  await page.getByLabel('Identity provider metadata (paste the XML)').fill(idp.metadataXml);
  await page.getByRole('button', { name: 'Save identity provider' }).click();
  await expect(page.getByText(`Saved: readers now sign in at ${idp.ssoUrl}`)).toBeVisible();
  await expect(page.getByText(idp.entityId, { exact: true })).toBeVisible();
  await page.context().close();
});
test.afterAll(() => idp?.stop());

/** From the article's access panel through discovery to the IdP's login form. */
async function chooseInstitution(page: Page) {
  await page.goto(ARTICLE);
  await expect(page.locator('.gated-content')).toHaveCount(0);
  await page.getByRole('link', { name: 'Access through your institution' }).click();
  await expect(page.getByRole('heading', { name: 'Access through your institution' })).toBeVisible();
  await page.getByLabel('Find your institution').fill('demo-hospital.example');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Demo University Hospital', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${settings.samlIdpPort}/`));
}

async function signInAtIdp(page: Page, username = 'alice', password = `${username}-password`) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('a visitor chooses the institution, signs in at its IdP and lands on the article with the full text', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await chooseInstitution(page);
  await signInAtIdp(page);
  // The IdP's post, relayed once through our own page (so that it carries our cookies), then the article.
  await expect(page).toHaveURL(`${settings.baseUrl}${ARTICLE}`, { timeout: 15_000 });
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  await expect(page.getByText('Access provided by Demo University Hospital')).toBeVisible();
  await expect(page.getByText('Sign In to Access Full Content')).toHaveCount(0);
  // The full text is in the first response of a reload, and no shared cache answers with it.
  expect(await (await page.request.get(ARTICLE)).text()).toContain(FULL_TEXT);
  const visitor = await newPage(browser);
  expect(await (await visitor.request.get(ARTICLE)).text()).not.toContain(FULL_TEXT);
  // Discovery remembers the choice.
  await page.goto(`/institution-access?returnTo=${encodeURIComponent(ARTICLE)}`);
  await expect(page.getByRole('link', { name: 'Continue with Demo University Hospital' })).toBeVisible();
  await page.context().close();
  await visitor.context().close();
});

const REFUSALS: [IdpScenario, RegExp][] = [
  ['tampered', /could not be verified: its signature does not match/],
  ['expired', /has expired/],
  ['wrong-audience', /addressed to another service, not to this journal/],
  ['wrong-recipient', /meant to be delivered to another address/],
];

for (const [scenario, message] of REFUSALS) {
  test(`a ${scenario} answer is refused with a clear message and opens nothing`, async ({ browser }) => {
    const page = await newPage(browser);
    await chooseInstitution(page);
    idp.scenario = scenario;
    await signInAtIdp(page);
    await expect(page.getByRole('heading', { name: 'Sign-in through your institution did not work' })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    const body = (await page.locator('body').innerText()).toLowerCase();
    expect(body).not.toMatch(/\bat \S+:\d+|error:|stack|node_modules/);
    await page.goto(ARTICLE);
    await expect(page.locator('.gated-content')).toHaveCount(0);
    await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
    await page.context().close();
  });
}

test('a replayed answer is refused', async ({ browser }) => {
  const page = await newPage(browser);
  await chooseInstitution(page);
  await signInAtIdp(page);
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  const answer = idp.lastAnswer!;
  // Someone who captured the posted form sends it again from their own browser.
  const thief = await newPage(browser);
  await thief.setContent(
    `<form method="post" action="${answer.acsUrl}"><input type="hidden" name="SAMLResponse" value="${answer.samlResponse}"><input type="hidden" name="RelayState" value="${answer.relayState}"><button>Send</button></form>`,
  );
  await thief.getByRole('button', { name: 'Send' }).click();
  await expect(thief.getByText(/already used/)).toBeVisible();
  await thief.goto(ARTICLE);
  await expect(thief.locator('.gated-content')).toHaveCount(0);
  await page.context().close();
  await thief.context().close();
});

test('a reader the institution does not license is told why', async ({ browser }) => {
  const page = await newPage(browser);
  await chooseInstitution(page);
  await signInAtIdp(page, 'walkin');
  await expect(page.getByText(/did not confirm that you may use its library subscriptions/)).toBeVisible();
  await expect(page.getByText(/library-walk-in@demo-hospital\.example/)).toBeVisible();
  await page.context().close();
});

test('a personal account paired after an institution sign-in keeps the access without it, shown on My Account', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, 'reader@example.com', undefined, ARTICLE);
  await expect(page.locator('.gated-content')).toHaveCount(0);
  await chooseInstitution(page);
  await signInAtIdp(page);
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Pair my account with Demo University Hospital' }).click();
  await expect(
    page.getByText(
      /Your account is paired with Demo University Hospital: its access follows you off campus until \d{1,2} [A-Z][a-z]+ \d{4}\./,
    ),
  ).toBeVisible();
  // The institution sign-in ends (a new browser session); the paired account still reads.
  const cookies = await page.context().cookies();
  await page.context().clearCookies({ name: 'journal.institution-session' });
  expect(cookies.some((c) => c.name === 'journal.institution-session')).toBe(true);
  await page.goto(ARTICLE);
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  await page.goto('/account');
  const pairings = page.getByRole('table', { name: 'Institutions your account is paired with' });
  await expect(pairings).toContainText('Demo University Hospital');
  await expect(pairings).toContainText('institution sign-in');
  await page.context().close();
});

test('the change is in the portal’s history; an admin sees the IdP and bad metadata changes nothing', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, 'admin@example.com', undefined, '/admin/institutions');
  const institution = page.getByRole('region', { name: 'Demo University Hospital' });
  await institution.getByText(`Institution sign-in (SAML): ${idp.entityId}`).click();
  await institution.getByLabel('Identity provider metadata (paste the XML)').fill('<md:EntityDescriptor entityID="x"');
  await institution.getByRole('button', { name: 'Save identity provider' }).click();
  await expect(institution.getByText(/The metadata is not well-formed XML/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Institution sign-in (SAML): ${idp.entityId}`)).toBeVisible();
  await page.goto('/admin/audit');
  await expect(
    page.getByText(`Set the SAML identity provider of Demo University Hospital to ${idp.entityId}`).first(),
  ).toBeVisible();
  await page.context().close();
});

test('an answer to a sign-in another browser started is refused (login CSRF)', async ({ browser }) => {
  // The attacker starts a sign-in in their own browser and gets the IdP's answer to it …
  const attacker = await newPage(browser);
  await chooseInstitution(attacker);
  const requestId = new URL(attacker.url()).searchParams.get('RelayState')!;
  const samlResponse = await idp.answer({ requestId, username: 'alice' });
  // … and makes the victim's browser post it.
  const victim = await newPage(browser);
  await victim.setContent(
    `<form method="post" action="${settings.baseUrl}/saml/acs"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><input type="hidden" name="RelayState" value="${requestId}"><button>Send</button></form>`,
  );
  await victim.getByRole('button', { name: 'Send' }).click();
  await expect(victim.getByText(/belongs to a sign-in started in another browser/)).toBeVisible();
  await victim.goto(ARTICLE);
  await expect(victim.locator('.gated-content')).toHaveCount(0);
  await attacker.context().close();
  await victim.context().close();
});

/** A portal link at the institution: Shibboleth's unsolicited sign-in, naming us and the article. */
const portalLink = (target: string) =>
  `${new URL(idp.ssoUrl).origin}/idp/profile/SAML2/Unsolicited/SSO?providerId=${encodeURIComponent(`${settings.baseUrl}/saml/metadata`)}&target=${encodeURIComponent(target)}`;

test('a sign-in started at the IdP (its portal) is refused until the librarian allows it, then lands on the article with the full text', async ({
  browser,
}) => {
  const reader = await newPage(browser);
  await reader.goto(portalLink(ARTICLE));
  await signInAtIdp(reader);
  await expect(reader.getByRole('heading', { name: 'Sign-in through your institution did not work' })).toBeVisible();
  await expect(
    reader.getByText('Demo University Hospital has not agreed to sign-ins started from its own portal here.'),
  ).toBeVisible();
  await reader.goto(ARTICLE);
  await expect(reader.locator('.gated-content')).toHaveCount(0);

  const librarian = await newPage(browser);
  await signIn(librarian, 'librarian@example.com', undefined, '/librarian/saml');
  await librarian.getByRole('button', { name: 'Allow sign-ins started at the identity provider' }).click();
  await expect(
    librarian.getByText('Sign-ins started at the identity provider (from its portal) are now accepted.'),
  ).toBeVisible();
  await librarian.goto('/librarian/saml');
  await expect(
    librarian.getByRole('button', { name: 'Refuse sign-ins started at the identity provider' }),
  ).toBeVisible();

  const portalReader = await newPage(browser);
  await portalReader.goto(portalLink(ARTICLE));
  await signInAtIdp(portalReader);
  await expect(portalReader).toHaveURL(`${settings.baseUrl}${ARTICLE}`, { timeout: 15_000 });
  await expect(portalReader.locator('.gated-content')).toContainText(FULL_TEXT);
  await expect(portalReader.getByText('Access provided by Demo University Hospital')).toBeVisible();

  // A portal link whose target is another site lands on our home page, not there.
  const misled = await newPage(browser);
  await misled.goto(portalLink('https://evil.example/login'));
  await signInAtIdp(misled);
  await expect(misled).toHaveURL(`${settings.baseUrl}/`, { timeout: 15_000 });
  for (const page of [reader, librarian, portalReader, misled]) await page.context().close();
});
