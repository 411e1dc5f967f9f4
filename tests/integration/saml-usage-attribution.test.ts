// COUNTER usage of a reader who signed in through an institution's IdP (a real SAML IdP: samlify,
// a key made for this run) counts for that institution from any address, for as long as that
// sign-in lasts, and for no other institution: the full-text view shows in its TR_J1 and TR.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { demoCredentialRow } from '@/lib/counter/counter-credentials';
import { completeSamlSignIn } from '@/lib/saml/complete-saml-sign-in';
import { spMetadataXml } from '@/lib/saml/sp-metadata';
import { startSamlSignIn } from '@/lib/saml/start-saml-sign-in';
import { recordReaderUsage } from '@/lib/usage/record-request-usage';
import { flushUsageEvents } from '@/lib/usage/usage-event-buffer';
import { GET as getReport } from '@/app/r51/reports/[reportId]/route';
import { createPaidArticle } from '../support/billing-fixtures';
import { hospitalWithIdp, TEST_IDP_PORT } from '../support/saml-fixture';
import { startTestIdp, type TestIdp } from '../support/saml-test-idp';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
// A home broadband address: in no institution's ranges.
const OFF_CAMPUS_IP = '198.51.100.23';
const MONTH = new Date().toISOString().slice(0, 7);
let idp: TestIdp;
let hospital: string;
let clinic: string;
let articleId: string;

beforeAll(async () => {
  idp = await startTestIdp({ port: TEST_IDP_PORT, spMetadataXml: spMetadataXml() });
});
afterAll(() => idp?.stop());

beforeEach(async () => {
  ({ institutionId: hospital } = await hospitalWithIdp(idp, { entitlement: null, ranges: ['203.0.113.0/24'] }));
  clinic = (
    await db.institution.create({
      data: {
        name: 'Other Clinic',
        activeFrom: new Date(Date.now() - 86_400_000),
        ranges: { create: [{ cidr: '192.0.2.0/24' }] },
      },
    })
  ).id;
  for (const id of [hospital, clinic])
    await db.counterCredential.create({ data: demoCredentialRow(id, `requestor-${id}`, `api-key-${id}-0123456789`) });
  articleId = (await createPaidArticle('10.1000/paid')).id;
});

async function signInThroughHospital() {
  const { redirectUrl, browserNonce } = await startSamlSignIn({
    institutionId: hospital,
    returnTo: '/doi/10.1000/paid',
  });
  const relayState = new URL(redirectUrl).searchParams.get('RelayState')!;
  const samlResponse = await idp.answer({ requestId: relayState, username: 'alice' });
  return completeSamlSignIn({ samlResponse, relayState, browserNonce });
}

/** The full text on the article page, as the page records it, from a home address. */
async function readFullText(institutionToken: string | null, at: Date) {
  await recordReaderUsage([{ kind: 'request', target: 'page', articleId }], {
    ip: OFF_CAMPUS_IP,
    userAgent: BROWSER,
    institutionToken,
    at,
    reader: null,
  });
  await flushUsageEvents();
}

type Report = { Report_Items: { Attribute_Performance?: { Performance: Record<string, unknown> }[] }[] };

/** The institution's report for this month, through the COUNTER API with its own credentials. */
async function report(reportId: 'tr_j1' | 'tr', institutionId: string, params: Record<string, string> = {}) {
  const url = new URL(`http://localhost/r51/reports/${reportId}`);
  const query = {
    customer_id: institutionId,
    requestor_id: `requestor-${institutionId}`,
    api_key: `api-key-${institutionId}-0123456789`,
    begin_date: MONTH,
    end_date: MONTH,
    ...params,
  };
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await getReport(new Request(url), { params: Promise.resolve({ reportId }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as Report).Report_Items.flatMap((i) =>
    (i.Attribute_Performance ?? []).map((a) => a.Performance),
  );
}

describe('usage through an institution sign-in (SAML)', () => {
  it('an off-campus full-text view counts for the institution signed in through, not for another', async () => {
    const signIn = await signInThroughHospital();
    await readFullText(signIn.token, new Date());

    const requests = { Total_Item_Requests: { [MONTH]: 1 }, Unique_Item_Requests: { [MONTH]: 1 } };
    expect(await report('tr_j1', hospital)).toEqual([requests]);
    expect(await report('tr', hospital, { metric_type: 'Total_Item_Requests|Unique_Item_Requests' })).toEqual([
      requests,
    ]);
    expect(await report('tr_j1', clinic)).toEqual([]);
    expect(await report('tr', clinic)).toEqual([]);
    // Nothing of the address is kept.
    expect(await db.usageEvent.findFirstOrThrow()).toMatchObject({ institutionId: hospital });
  });

  it('only while the sign-in lasts: after it ends, or with a token nobody issued, the address decides', async () => {
    const signIn = await signInThroughHospital();
    await readFullText(signIn.token, new Date(signIn.expiresAt.getTime() + 60_000));
    await readFullText('x'.repeat(43), new Date());
    await readFullText(null, new Date());
    const rows = await db.usageEvent.findMany({ select: { institutionId: true } });
    expect(rows).toEqual([{ institutionId: null }, { institutionId: null }, { institutionId: null }]);
  });
});
