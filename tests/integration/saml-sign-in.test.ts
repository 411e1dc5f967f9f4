// The service provider's verification rules against a real SAML IdP (samlify, signing with a key
// made for this run): each kind of bad answer is refused with its own message and opens nothing;
// a good one opens the institution's access through the one access decision.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts } from '@/lib/access/load-access-facts';
import type { CurrentUser } from '@/lib/auth/current-user';
import { completeSamlSignIn } from '@/lib/saml/complete-saml-sign-in';
import { listPairings, pairAccountWithInstitution } from '@/lib/saml/institution-pairing';
import { hashInstitutionToken } from '@/lib/saml/institution-session-cookie';
import { saveInstitutionIdp } from '@/lib/saml/save-institution-idp';
import { spMetadataXml } from '@/lib/saml/sp-metadata';
import { startSamlSignIn } from '@/lib/saml/start-saml-sign-in';
import { createPaidArticle } from '../support/billing-fixtures';
import { answeredSignIn, hospitalWithIdp, refusalOf, TEST_IDP_PORT } from '../support/saml-fixture';
import { startTestIdp, type IdpScenario, type TestIdp } from '../support/saml-test-idp';

let idp: TestIdp;
let admin: CurrentUser;
let institutionId: string;
let article: { id: string; isFree: boolean };

beforeAll(async () => {
  idp = await startTestIdp({ port: TEST_IDP_PORT, spMetadataXml: spMetadataXml() });
});
afterAll(() => idp?.stop());

beforeEach(async () => {
  ({ admin, institutionId } = await hospitalWithIdp(idp));
  article = await createPaidArticle('10.1000/paid');
});

/** Starts a sign-in here, has the IdP answer it, returns what the browser would post. */
const signInAt = (username: string, scenario: IdpScenario = 'valid') =>
  answeredSignIn(idp, { institutionId, username, scenario });

const sessions = () => db.institutionSession.count();

describe('SAML sign-in through an institution', () => {
  it('a signed assertion with a member affiliation opens the institution’s access to a paid article', async () => {
    const signIn = await completeSamlSignIn(await signInAt('alice'));
    expect(signIn.institution.name).toBe('Demo University Hospital');
    expect(signIn.returnTo).toBe('/doi/10.1000/paid');
    const reader = { userId: null, ip: null, institutionSessionHash: hashInstitutionToken(signIn.token) };
    const decision = decideAccess(await loadAccessFacts(reader, article, new Date()));
    expect(decision).toEqual({ canRead: true, source: 'institution', institution: 'Demo University Hospital' });
    const stored = await db.institutionSession.findFirstOrThrow();
    expect(stored.affiliations).toEqual(['member@demo-hospital.example', 'staff@demo-hospital.example']);
    expect(stored.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    // Nobody else gets it: no token, or a made-up one.
    expect(decideAccess(await loadAccessFacts({ userId: null, ip: null }, article, new Date())).canRead).toBe(false);
    const forged = { userId: null, ip: null, institutionSessionHash: hashInstitutionToken('x'.repeat(43)) };
    expect(decideAccess(await loadAccessFacts(forged, article, new Date())).canRead).toBe(false);
  });

  it('the session ends when it expires', async () => {
    const signIn = await completeSamlSignIn(await signInAt('alice'));
    const reader = { userId: null, ip: null, institutionSessionHash: hashInstitutionToken(signIn.token) };
    const later = new Date(signIn.expiresAt.getTime() + 1);
    expect(decideAccess(await loadAccessFacts(reader, article, later)).canRead).toBe(false);
  });

  it('the entitlement common-lib-terms grants access by itself', async () => {
    const signIn = await completeSamlSignIn(await signInAt('librarian'));
    expect(signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('an affiliation the institution does not license (walk-in) is refused with the reason', async () => {
    const refusal = await refusalOf(completeSamlSignIn(await signInAt('walkin')));
    expect(refusal.reason).toBe('not_entitled');
    expect(refusal.message).toContain('library-walk-in@demo-hospital.example');
    expect(await sessions()).toBe(0);
  });

  it.each([
    ['tampered', 'bad_signature', 'signature does not match'],
    ['unsigned', 'bad_signature', 'signature does not match'],
    ['expired', 'expired', 'has expired'],
    ['wrong-audience', 'wrong_audience', 'addressed to another service'],
    ['wrong-recipient', 'wrong_recipient', 'delivered to another address'],
  ] as const)('a %s answer is refused (%s) and opens nothing', async (scenario, reason, words) => {
    const refusal = await refusalOf(completeSamlSignIn(await signInAt('alice', scenario)));
    expect(refusal.reason).toBe(reason);
    expect(refusal.message).toContain(words);
    expect(await sessions()).toBe(0);
  });

  it('an answer works once: replayed, or posted twice at the same moment, only the first opens a session', async () => {
    const answer = await signInAt('alice');
    await completeSamlSignIn(answer);
    expect((await refusalOf(completeSamlSignIn(answer))).reason).toBe('unknown_request');
    // Replayed under a fresh sign-in of the attacker's own: its InResponseTo names another request.
    const fresh = await startSamlSignIn({ institutionId, returnTo: '/' });
    const relayState = new URL(fresh.redirectUrl).searchParams.get('RelayState')!;
    expect((await refusalOf(completeSamlSignIn({ ...answer, relayState }))).reason).toBe('unknown_request');
    const second = await signInAt('alice');
    const results = await Promise.allSettled([completeSamlSignIn(second), completeSamlSignIn(second)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await sessions()).toBe(2);
  });

  it('an answer signed by another key than the registered one is refused', async () => {
    const impostor = await startTestIdp({
      port: TEST_IDP_PORT + 1,
      spMetadataXml: spMetadataXml(),
      entityId: idp.entityId,
    });
    try {
      const { redirectUrl, browserNonce } = await startSamlSignIn({ institutionId, returnTo: '/' });
      const relayState = new URL(redirectUrl).searchParams.get('RelayState')!;
      const samlResponse = await impostor.answer({ requestId: relayState, username: 'alice' });
      expect((await refusalOf(completeSamlSignIn({ samlResponse, relayState, browserNonce }))).reason).toBe(
        'bad_signature',
      );
    } finally {
      await impostor.stop();
    }
  });

  it('an answer without RelayState, or to a request of another institution, is refused', async () => {
    const answer = await signInAt('alice');
    expect((await refusalOf(completeSamlSignIn({ ...answer, relayState: null }))).reason).toBe('unknown_request');
    expect(await sessions()).toBe(0);
  });
});

describe('pairing a personal account with the institution', () => {
  const DAY = 86_400_000;

  it('is possible only while the reader reaches the institution, and keeps its access for the pairing period', async () => {
    const reader = await db.user.create({ data: { email: 'r@example.com', name: 'R', passwordHash: 'x' } });
    const now = new Date();
    await expect(
      pairAccountWithInstitution(reader.id, { userId: reader.id, ip: null }, institutionId, now),
    ).rejects.toThrow(/only with an institution you reach now/);
    const signIn = await completeSamlSignIn(await signInAt('alice'));
    const withSession = { userId: reader.id, ip: null, institutionSessionHash: hashInstitutionToken(signIn.token) };
    const { expiresAt } = await pairAccountWithInstitution(reader.id, withSession, institutionId, now);
    expect(expiresAt.getTime()).toBe(now.getTime() + 90 * DAY);
    expect((await listPairings(reader.id))[0]).toMatchObject({ verifiedBy: 'saml', institutionId });
    // Off campus, no institution session: the account alone reads, until the period ends.
    const alone = { userId: reader.id, ip: null };
    const later = new Date(now.getTime() + 89 * DAY);
    expect(decideAccess(await loadAccessFacts(alone, article, later))).toMatchObject({
      canRead: true,
      source: 'institution',
    });
    expect(decideAccess(await loadAccessFacts(alone, article, new Date(expiresAt.getTime() + 1))).canRead).toBe(false);
    expect(decideAccess(await loadAccessFacts({ userId: null, ip: null }, article, later)).canRead).toBe(false);
  });

  it('an on-campus visit pairs too, and renews a pairing from that day', async () => {
    const reader = await db.user.create({ data: { email: 'c@example.com', name: 'C', passwordHash: 'x' } });
    await db.institutionRange.create({ data: { institutionId, cidr: '203.0.113.0/24' } });
    const onCampus = { userId: reader.id, ip: '203.0.113.9' };
    const first = new Date();
    await pairAccountWithInstitution(reader.id, onCampus, institutionId, first);
    const second = new Date(first.getTime() + 30 * DAY);
    const { expiresAt } = await pairAccountWithInstitution(reader.id, onCampus, institutionId, second);
    expect(expiresAt.getTime()).toBe(second.getTime() + 90 * DAY);
    expect(await listPairings(reader.id)).toHaveLength(1);
    expect((await listPairings(reader.id))[0]!.verifiedBy).toBe('address');
  });
});

describe('setting an institution’s identity provider', () => {
  it('is audited; bad metadata, or an IdP another institution already has, is refused and changes nothing', async () => {
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'institution.idp.set' } });
    expect(audit).toMatchObject({
      targetType: 'Institution',
      targetId: institutionId,
      actorEmail: 'admin@example.com',
    });
    const before = await db.institutionIdp.findUniqueOrThrow({ where: { institutionId } });
    const input = { institutionId, scopes: [], allowedAffiliations: [], entitlement: null };
    await expect(saveInstitutionIdp(admin, { ...input, metadataXml: '<md:EntityDescriptor' })).rejects.toThrow(
      /not well-formed XML/,
    );
    const other = await db.institution.create({ data: { name: 'Other Clinic', activeFrom: new Date() } });
    await expect(
      saveInstitutionIdp(admin, { ...input, institutionId: other.id, metadataXml: idp.metadataXml }),
    ).rejects.toThrow(`is already registered for Demo University Hospital`);
    expect(await db.institutionIdp.findUniqueOrThrow({ where: { institutionId } })).toEqual(before);
    expect(await db.institutionIdp.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(1);
  });
});
