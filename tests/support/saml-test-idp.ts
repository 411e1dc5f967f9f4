// A real SAML 2.0 identity provider for the tests: samlify in the IdP role, signing assertions
// with an RSA key generated when the test starts. It reads our service provider's metadata
// (/saml/metadata), verifies our AuthnRequest, shows a login form and posts a signed answer to
// our ACS, as Shibboleth would. `scenario` makes the next answer tampered, expired, replayable
// or wrongly addressed, so the tests can watch the service provider refuse each one.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { generateSamlKeyPair, type SamlKeyPair } from '../../lib/saml/generate-saml-key-pair';

export type IdpScenario = 'valid' | 'tampered' | 'expired' | 'wrong-audience' | 'wrong-recipient' | 'unsigned';

export type TestIdpUser = {
  password: string;
  persistentId: string;
  scopedAffiliations: string[];
  entitlements: string[];
};

export const TEST_IDP_USERS: Record<string, TestIdpUser> = {
  alice: {
    password: 'alice-password',
    persistentId: 'a1b2c3d4e5f6-pairwise',
    scopedAffiliations: ['member@demo-hospital.example', 'staff@demo-hospital.example'],
    entitlements: [],
  },
  librarian: {
    password: 'librarian-password',
    persistentId: 'lib-0001-pairwise',
    scopedAffiliations: ['affiliate@demo-hospital.example'],
    entitlements: ['urn:mace:dir:entitlement:common-lib-terms'],
  },
  walkin: {
    password: 'walkin-password',
    persistentId: 'walkin-0001-pairwise',
    scopedAffiliations: ['library-walk-in@demo-hospital.example'],
    entitlements: [],
  },
};

// samlify's own type declarations pull in a second @xmldom/xmldom (0.8) whose global types clash
// with the project's 0.9; the few calls used here are typed by hand.
type SamlifyEntity = {
  entityMeta: { getAssertionConsumerService(binding: string): string | string[]; getEntityID(): string };
};
type SamlifyIdp = SamlifyEntity & {
  createLoginResponse(
    sp: SamlifyEntity,
    requestInfo: unknown,
    binding: string,
    user: Record<string, string>,
    customTagReplacement: (template: string) => { id: string; context: string },
  ): Promise<{ context: string }>;
  parseLoginRequest(
    sp: SamlifyEntity,
    binding: string,
    request: { query: Record<string, string>; octetString: string },
  ): Promise<{ extract: { request: { id: string } } }>;
};
const samlify = createRequire(import.meta.url)('samlify') as {
  setSchemaValidator(validator: { validate: (xml: string) => Promise<string> }): void;
  IdentityProvider(settings: { metadata: string; privateKey: string; isAssertionEncrypted?: boolean }): SamlifyIdp;
  ServiceProvider(settings: { metadata: string }): SamlifyEntity;
  SamlLib: { replaceTagsByValue(xml: string, tags: Record<string, string>): string };
};

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** Where a portal link starts an IdP-initiated sign-in (Shibboleth IdP's own path). */
export const UNSOLICITED_SSO_PATH = '/idp/profile/SAML2/Unsolicited/SSO';
const OID = {
  scopedAffiliation: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.9',
  entitlement: 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7',
  subjectId: 'urn:oasis:names:tc:SAML:attribute:pairwise-id',
};

samlify.setSchemaValidator({
  // The IdP only reads our AuthnRequest, which samlify parses and whose signature it checks; the
  // service provider under test does its own schema-independent checks.
  validate: () => Promise.resolve('skipped'),
});

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export type IdpMetadataOptions = { scopes?: string[]; displayName?: string; wantAuthnRequestsSigned?: boolean };

/** IdP metadata as a Shibboleth IdP publishes it (entityID, signing key, SSO, shibmd:Scope, mdui). */
export function idpMetadataXml(
  entityId: string,
  ssoUrl: string,
  certificatePem: string,
  options: IdpMetadataOptions = {},
) {
  const scopes = (options.scopes ?? ['demo-hospital.example'])
    .map((s) => `<shibmd:Scope regexp="false">${esc(s)}</shibmd:Scope>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" entityID="${esc(entityId)}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"${options.wantAuthnRequestsSigned ? ' WantAuthnRequestsSigned="true"' : ''}>
    <md:Extensions>${scopes}<mdui:UIInfo><mdui:DisplayName xml:lang="en">${esc(options.displayName ?? 'Demo University Hospital')}</mdui:DisplayName></mdui:UIInfo></md:Extensions>
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
    <md:SingleSignOnService Binding="${REDIRECT}" Location="${esc(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

const ATTRIBUTE_STATEMENT = (user: TestIdpUser) => {
  const attribute = (name: string, friendly: string, values: string[]) =>
    values.length
      ? `<saml:Attribute Name="${name}" FriendlyName="${friendly}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
          .map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`
      : '';
  return `<saml:AttributeStatement>${attribute(OID.scopedAffiliation, 'eduPersonScopedAffiliation', user.scopedAffiliations)}${attribute(OID.entitlement, 'eduPersonEntitlement', user.entitlements)}${attribute(OID.subjectId, 'pairwise-id', [user.persistentId])}</saml:AttributeStatement>`;
};

export type TestIdp = {
  entityId: string;
  ssoUrl: string;
  keyPair: SamlKeyPair;
  metadataXml: string;
  /** What the next answer does wrong (reset to 'valid' after each answer). */
  scenario: IdpScenario;
  /** The last answer posted, for replaying it. */
  lastAnswer: { samlResponse: string; relayState: string; acsUrl: string } | null;
  /**
   * A signed answer to an AuthnRequest id, as the login form would post it; with no id, an
   * unsolicited one (IdP-initiated, as a portal link sends it: no InResponseTo anywhere).
   */
  answer(args: {
    requestId: string | null;
    username: keyof typeof TEST_IDP_USERS;
    scenario?: IdpScenario;
  }): Promise<string>;
  stop(): Promise<void>;
};

export type StartTestIdpOptions = {
  port: number;
  /** Our SP metadata (fetched from /saml/metadata or built in-process). */
  spMetadataXml: string;
  entityId?: string;
  keyPair?: SamlKeyPair;
  host?: string;
  /** Encrypt assertions to the SP's certificate from its metadata (as many IdPs do). */
  encryptAssertions?: boolean;
  /** Refuse AuthnRequests without a valid signature by the SP's key (its metadata's certificate). */
  requireSignedRequests?: boolean;
};

export async function startTestIdp(options: StartTestIdpOptions): Promise<TestIdp> {
  const host = options.host ?? '127.0.0.1';
  const base = `http://${host}:${options.port}`;
  const entityId = options.entityId ?? `${base}/idp/shibboleth`;
  const ssoUrl = `${base}/idp/profile/SAML2/Redirect/SSO`;
  const keyPair = options.keyPair ?? (await generateSamlKeyPair('test-idp.demo-hospital.example'));
  const metadataXml = idpMetadataXml(entityId, ssoUrl, keyPair.certificatePem, {
    wantAuthnRequestsSigned: options.requireSignedRequests ?? false,
  });
  const idp = samlify.IdentityProvider({
    metadata: metadataXml,
    privateKey: keyPair.privateKeyPem,
    isAssertionEncrypted: options.encryptAssertions ?? false,
  });
  const sp = samlify.ServiceProvider({ metadata: options.spMetadataXml });
  const acsUrl = sp.entityMeta.getAssertionConsumerService('post') as string;
  const spEntityId = sp.entityMeta.getEntityID();
  if (!acsUrl) throw new Error('the SP metadata names no HTTP-POST AssertionConsumerService');

  const state: TestIdp = {
    entityId,
    ssoUrl,
    keyPair,
    metadataXml,
    scenario: 'valid',
    lastAnswer: null,
    async answer({ requestId, username, scenario = 'valid' }) {
      const user = TEST_IDP_USERS[username];
      if (!user) throw new Error(`no such test user ${username}`);
      const now = Date.now();
      const iso = (ms: number) => new Date(now + ms).toISOString();
      const isExpired = scenario === 'expired';
      const issued = isExpired ? iso(-20 * 60_000) : iso(0);
      const notOnOrAfter = isExpired ? iso(-10 * 60_000) : iso(5 * 60_000);
      const { context } = await idp.createLoginResponse(
        sp,
        requestId ? { extract: { request: { id: requestId } } } : {},
        'post',
        { email: user.persistentId },
        (template: string) => {
          const id = `_${randomBytes(16).toString('hex')}`;
          const filled = (requestId ? template : template.replace(/ InResponseTo="\{InResponseTo\}"/g, ''))
            .replace(
              '{AuthnStatement}',
              `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="_${randomBytes(8).toString('hex')}" SessionNotOnOrAfter="${iso(8 * 3600_000)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
            )
            .replace('{AttributeStatement}', ATTRIBUTE_STATEMENT(user));
          return {
            id,
            context: samlify.SamlLib.replaceTagsByValue(filled, {
              ID: id,
              AssertionID: `_${randomBytes(16).toString('hex')}`,
              Destination: acsUrl,
              Audience: scenario === 'wrong-audience' ? 'https://another-journal.example/shibboleth' : spEntityId,
              SubjectRecipient:
                scenario === 'wrong-recipient' ? 'https://another-journal.example/Shibboleth.sso/SAML2/POST' : acsUrl,
              Issuer: entityId,
              IssueInstant: issued,
              StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
              ConditionsNotBefore: issued,
              ConditionsNotOnOrAfter: notOnOrAfter,
              SubjectConfirmationDataNotOnOrAfter: notOnOrAfter,
              NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
              NameID: `_${randomBytes(12).toString('hex')}`,
              InResponseTo: requestId ?? '',
            }),
          };
        },
      );
      let xml = Buffer.from(context, 'base64').toString('utf8');
      if (scenario === 'tampered') {
        // A reader who edits their own affiliation after the IdP signed it.
        xml = xml.replace(/library-walk-in@|affiliate@|member@/, 'faculty@').replace('a1b2c3d4e5f6', 'ffffffffffff');
      }
      if (scenario === 'unsigned') xml = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '');
      return Buffer.from(xml, 'utf8').toString('base64');
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function loginPage(res: http.ServerResponse, fields: Record<string, string>, error?: string) {
    res.writeHead(error ? 401 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Demo University Hospital – Sign in</title></head><body>
<h1>Demo University Hospital</h1><p>Sign in with your hospital account to continue to the journal.</p>
${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/idp/login">
${Object.entries(fields)
  .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
  .join('')}
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form></body></html>`);
  }

  async function readForm(req: http.IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      try {
        if (req.method === 'GET' && url.pathname === new URL(ssoUrl).pathname) {
          // The octet string our signature covers: the query as sent, less the signature.
          const octetString = (url.search.slice(1) || '')
            .split('&')
            .filter((p) => !p.startsWith('Signature='))
            .join('&');
          const query = Object.fromEntries(url.searchParams);
          const parsed = await idp.parseLoginRequest(sp, 'redirect', { query, octetString });
          return loginPage(res, { requestId: parsed.extract.request.id, RelayState: query.RelayState ?? '' });
        }
        if (req.method === 'GET' && url.pathname === UNSOLICITED_SSO_PATH) {
          // Shibboleth's IdP-initiated sign-in (a portal link): providerId names the SP, target
          // becomes RelayState; no AuthnRequest.
          if (url.searchParams.get('providerId') !== spEntityId) throw new Error('unknown providerId');
          return loginPage(res, { requestId: '', RelayState: url.searchParams.get('target') ?? '' });
        }
        if (req.method === 'POST' && url.pathname === '/idp/login') {
          const form = await readForm(req);
          const user = TEST_IDP_USERS[form.username ?? ''];
          if (!user || user.password !== form.password)
            return loginPage(
              res,
              { requestId: form.requestId ?? '', RelayState: form.RelayState ?? '' },
              'Wrong username or password.',
            );
          const scenario = state.scenario;
          state.scenario = 'valid';
          const samlResponse = await state.answer({
            requestId: form.requestId || null,
            username: form.username ?? '',
            scenario,
          });
          const relayState = form.RelayState ?? '';
          state.lastAnswer = { samlResponse, relayState, acsUrl };
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return res.end(`<!doctype html><html lang="en"><head><title>Continue to the journal</title></head>
<body onload="document.forms[0].submit()"><form method="post" action="${esc(acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${esc(samlResponse)}"><input type="hidden" name="RelayState" value="${esc(relayState)}">
<noscript><button type="submit">Continue</button></noscript></form></body></html>`);
        }
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end(`The test IdP refused the request: ${(error as Error).message}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  return state;
}
