// Who may bring an institution's answer, against a real SAML IdP (samlify, a key made for this
// run): an answer to our AuthnRequest only in the browser that started it, once; an answer nobody
// here asked for (IdP-initiated, from the institution's portal) only where the institution allows
// it, with every other check, and never sending the reader to another site.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { completeSamlSignIn } from '@/lib/saml/complete-saml-sign-in';
import { newRandomToken } from '@/lib/saml/institution-session-cookie';
import { saveInstitutionIdp, setIdpInitiatedSignIn } from '@/lib/saml/save-institution-idp';
import { spMetadataXml } from '@/lib/saml/sp-metadata';
import {
  answeredSignIn,
  hospitalWithIdp,
  LIBRARY_ENTITLEMENT,
  refusalOf,
  TEST_IDP_PORT,
} from '../support/saml-fixture';
import { startTestIdp, type IdpScenario, type TestIdp } from '../support/saml-test-idp';

let idp: TestIdp;
let librarian: CurrentUser;
let institutionId: string;

beforeAll(async () => {
  idp = await startTestIdp({ port: TEST_IDP_PORT, spMetadataXml: spMetadataXml() });
});
afterAll(() => idp?.stop());

beforeEach(async () => {
  ({ admin: librarian, institutionId } = await hospitalWithIdp(idp, { adminEmail: 'librarian@example.com' }));
});

const sessions = () => db.institutionSession.count();

/** A sign-in started in a browser holding `browserNonce` (none yet: a new one), answered by the IdP. */
const startedSignIn = (browserNonce?: string) => answeredSignIn(idp, { institutionId, browserNonce });

const unsolicited = async (relayState: string | null, scenario: IdpScenario = 'valid') => ({
  samlResponse: await idp.answer({ requestId: null, username: 'alice', scenario }),
  relayState,
  browserNonce: null,
});

describe('an answer to our request comes back only to the browser that started it', () => {
  it('from another browser, or with no browser cookie, it is refused, and the request is used up', async () => {
    const answer = await startedSignIn();
    // Login CSRF: the attacker's own answer, posted from the victim's browser (another cookie, or none).
    const elsewhere = await refusalOf(completeSamlSignIn({ ...answer, browserNonce: newRandomToken() }));
    expect(elsewhere.reason).toBe('wrong_browser');
    expect(elsewhere.message).toContain('started in another browser');
    expect(await sessions()).toBe(0);
    // The request answers once: not even its own browser can use it now.
    expect((await refusalOf(completeSamlSignIn(answer))).reason).toBe('unknown_request');

    const again = await startedSignIn();
    expect((await refusalOf(completeSamlSignIn({ ...again, browserNonce: null }))).reason).toBe('wrong_browser');
    expect(await sessions()).toBe(0);
  });

  it('a new answer (a fresh assertion) to a request already answered is refused: InResponseTo is used once', async () => {
    const answer = await startedSignIn();
    await completeSamlSignIn(answer);
    const replayed = await idp.answer({ requestId: answer.relayState, username: 'alice' });
    expect(replayed).not.toBe(answer.samlResponse);
    const refusal = await refusalOf(completeSamlSignIn({ ...answer, samlResponse: replayed }));
    expect(refusal.reason).toBe('unknown_request');
    expect(refusal.message).toContain('already used');
    expect(await sessions()).toBe(1);
  });

  it('two sign-ins started in one browser (two tabs) both come back to it', async () => {
    const first = await startedSignIn();
    const second = await startedSignIn(first.browserNonce);
    expect(second.browserNonce).toBe(first.browserNonce);
    await completeSamlSignIn(second);
    await completeSamlSignIn(first);
    expect(await sessions()).toBe(2);
  });
});

describe('an IdP-initiated answer (from the institution’s portal)', () => {
  it('is refused while the institution has not allowed it, with a sentence saying so', async () => {
    const refusal = await refusalOf(completeSamlSignIn(await unsolicited('/doi/10.1000/paid')));
    expect(refusal.reason).toBe('unsolicited');
    expect(refusal.message).toBe(
      'Demo University Hospital has not agreed to sign-ins started from its own portal here. Nothing was changed. Please open the article on this site and choose “Access through your institution”.',
    );
    expect(await sessions()).toBe(0);
  });

  it('once allowed (audited), opens the institution’s access and goes to the RelayState path', async () => {
    await setIdpInitiatedSignIn(librarian, { institutionId, allow: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'institution.idp.idp_initiated' } });
    expect(audit).toMatchObject({ targetId: institutionId, actorEmail: 'librarian@example.com' });
    expect(audit.before).toMatchObject({ allowIdpInitiated: false });
    expect(audit.after).toMatchObject({ allowIdpInitiated: true });

    const signIn = await completeSamlSignIn(await unsolicited('/doi/10.1000/paid?tab=figures'));
    expect(signIn.institution.name).toBe('Demo University Hospital');
    expect(signIn.returnTo).toBe('/doi/10.1000/paid?tab=figures');
    expect(await sessions()).toBe(1);
    // Replacing the metadata keeps the switch; turning it off refuses again.
    await saveInstitutionIdp(librarian, {
      institutionId,
      metadataXml: idp.metadataXml,
      scopes: [],
      allowedAffiliations: [],
      entitlement: LIBRARY_ENTITLEMENT,
    });
    expect((await completeSamlSignIn(await unsolicited(null))).returnTo).toBe('/');
    await setIdpInitiatedSignIn(librarian, { institutionId, allow: false });
    expect((await refusalOf(completeSamlSignIn(await unsolicited('/')))).reason).toBe('unsolicited');
  });

  it.each([
    'https://evil.example/doi/10.1000/paid',
    '//evil.example/doi',
    '/\t/evil.example/',
    'javascript:alert(1)',
    'doi/10.1000/paid',
  ])('a RelayState that is not a path on this site (%j) is ignored: the home page', async (relayState) => {
    await setIdpInitiatedSignIn(librarian, { institutionId, allow: true });
    expect((await completeSamlSignIn(await unsolicited(relayState))).returnTo).toBe('/');
  });

  it('keeps every other check: replayed, tampered, expired, wrongly addressed answers are refused', async () => {
    await setIdpInitiatedSignIn(librarian, { institutionId, allow: true });
    const answer = await unsolicited('/');
    await completeSamlSignIn(answer);
    expect((await refusalOf(completeSamlSignIn(answer))).reason).toBe('replayed');
    for (const [scenario, reason] of [
      ['tampered', 'bad_signature'],
      ['unsigned', 'bad_signature'],
      ['expired', 'expired'],
      ['wrong-audience', 'wrong_audience'],
      ['wrong-recipient', 'wrong_recipient'],
    ] as const)
      expect((await refusalOf(completeSamlSignIn(await unsolicited('/', scenario)))).reason).toBe(reason);
    expect(await sessions()).toBe(1);
  });

  it('from an IdP nobody registered here, or signed by another key, is refused', async () => {
    await setIdpInitiatedSignIn(librarian, { institutionId, allow: true });
    const stranger = await startTestIdp({ port: TEST_IDP_PORT + 1, spMetadataXml: spMetadataXml() });
    const impostor = await startTestIdp({
      port: TEST_IDP_PORT + 2,
      spMetadataXml: spMetadataXml(),
      entityId: idp.entityId,
    });
    try {
      const fromStranger = await stranger.answer({ requestId: null, username: 'alice' });
      const refusal = await refusalOf(completeSamlSignIn({ samlResponse: fromStranger, relayState: '/' }));
      expect(refusal.reason).toBe('unknown_request');
      const forged = await impostor.answer({ requestId: null, username: 'alice' });
      expect((await refusalOf(completeSamlSignIn({ samlResponse: forged, relayState: '/' }))).reason).toBe(
        'bad_signature',
      );
      expect(await sessions()).toBe(0);
    } finally {
      await Promise.all([stranger.stop(), impostor.stop()]);
    }
  });
});
